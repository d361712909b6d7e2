package io.allianceledger.alliance;

/**
 * One row per clearing party (agent, HQ, store, channel), in registration order: what the clearing needs to state
 * the party's position without scanning entries.
 * <ul>
 *   <li>the running debits and credits of its clearing account per movement kind since the ledger started;</li>
 *   <li>what the last cycle close carried forward (its clearing balance right after that close);</li>
 *   <li>its first and last statement line, and its first line in the open cycle, which chain its lines
 *   (see {@link Statements}).</li>
 * </ul>
 */
final class Positions {
    static final int PARTY = 0;
    static final int CARRIED = 1;
    static final int FIRST_LINE = 2;
    static final int LAST_LINE = 3;
    static final int OPEN_FIRST_LINE = 4;
    private static final int KINDS_FROM = 5;
    private static final int KINDS = 16;
    private final Table rows;

    Positions(final Changes changes, final int capacity) {
        rows = new Table(changes, KINDS_FROM + 2 * KINDS, capacity);
    }

    Table rows() {
        return rows;
    }

    int count() {
        return rows.size();
    }

    /** @return the row of a newly registered clearing party. */
    int add(final int participant) {
        final int r = rows.append();
        rows.set(PARTY, r, participant);
        rows.set(FIRST_LINE, r, -1);
        rows.set(LAST_LINE, r, -1);
        rows.set(OPEN_FIRST_LINE, r, -1);
        return r;
    }

    int party(final int row) {
        return rows.getInt(PARTY, row);
    }

    long get(final int column, final int row) {
        return rows.get(column, row);
    }

    void set(final int column, final int row, final long value) {
        rows.set(column, row, value);
    }

    void debit(final int row, final MovementKind kind, final long amount) {
        rows.add(KINDS_FROM + 2 * kind.code(), row, amount);
    }

    void credit(final int row, final MovementKind kind, final long amount) {
        rows.add(KINDS_FROM + 2 * kind.code() + 1, row, amount);
    }

    long debits(final int row, final MovementKind kind) {
        return rows.get(KINDS_FROM + 2 * kind.code(), row);
    }

    long credits(final int row, final MovementKind kind) {
        return rows.get(KINDS_FROM + 2 * kind.code() + 1, row);
    }
}

package io.allianceledger.alliance;

/**
 * Per participant and per movement kind, the running debits and credits of the participant's clearing account
 * since the ledger started: what the nightly clearing (next issue) needs to state a party's cycle movements by
 * kind without scanning entries. Rows follow participant registration.
 */
final class Positions {
    private static final int KINDS = 16;
    private final Table rows;

    Positions(final Changes changes, final int capacity) {
        rows = new Table(changes, 2 * KINDS, capacity);
    }

    Table rows() {
        return rows;
    }

    /** Adds a row for a newly registered participant. */
    void addParticipant() {
        rows.append();
    }

    void debit(final int participant, final MovementKind kind, final long amount) {
        rows.add(2 * kind.code(), participant, amount);
    }

    void credit(final int participant, final MovementKind kind, final long amount) {
        rows.add(2 * kind.code() + 1, participant, amount);
    }

    long debits(final int participant, final MovementKind kind) {
        return rows.get(2 * kind.code(), participant);
    }

    long credits(final int participant, final MovementKind kind) {
        return rows.get(2 * kind.code() + 1, participant);
    }
}

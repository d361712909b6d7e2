package io.allianceledger.alliance;

/**
 * The closed clearing cycles, in closing order, and each cycle's party lines.
 * <p>
 * A cycle row keeps its business-time range {@code [START, END)}, the command that closed it, the ranges of
 * statement items and lines booked in it (its settlement lines included), the operator's account balances at the
 * close (the operator's result for a cycle is their change since the previous close), the net settled and the
 * number of late events it took. A party row keeps, for one party with anything in the cycle (something carried
 * in, a movement, or a position), what was carried in, its position, the minimum settlement amount that applied,
 * what was settled and its first statement line in the cycle; a clearing party without a row had nothing.
 */
final class Cycles {
    static final int START = 0;
    static final int END = 1;
    static final int CLOSED_BY_HIGH = 2;
    static final int CLOSED_BY_LOW = 3;
    static final int LINE_START = 4;
    static final int LINE_END = 5;
    static final int ITEM_START = 6;
    static final int ITEM_END = 7;
    static final int PARTY_START = 8;
    static final int PARTY_COUNT = 9;
    /** Participants registered when the cycle closed: every clearing party among them has a line in the cycle. */
    static final int PARTICIPANTS = 10;
    static final int LATE_EVENTS = 11;
    /** Σ of the parties' settled amounts (positive: the operator pays out on balance). */
    static final int SETTLED = 12;
    /** Lots the close's own sweep expired. */
    static final int SWEPT_LOTS = 13;
    /** Credit balances (credits minus debits) of the operator's CNY accounts at the close, in this order. */
    static final int OPERATOR_BALANCES = 14;
    static final AccountKind[] OPERATOR_ACCOUNTS = {AccountKind.FEE_INCOME, AccountKind.REDEMPTION_SPREAD,
        AccountKind.BREAKAGE, AccountKind.SHORTFALL_LOSS, AccountKind.SHORTFALL_RECOVERY,
        AccountKind.POINTS_LIABILITY, AccountKind.SETTLEMENT};
    /** The points counters of {@link Settings} at the close, in their order (issued .. corrected). */
    static final int POINTS_TOTALS = OPERATOR_BALANCES + OPERATOR_ACCOUNTS.length;
    /** The operator's POINTS_ISSUED balance (debits minus credits) at the close: the points outstanding. */
    static final int POINTS_OUTSTANDING = POINTS_TOTALS + Settings.POINTS_COUNTERS;
    private static final int COLUMNS = POINTS_OUTSTANDING + 1;

    static final int PARTY = 0;
    static final int CARRIED_IN = 1;
    static final int POSITION = 2;
    static final int MINIMUM = 3;
    static final int PARTY_SETTLED = 4;
    static final int FIRST_LINE = 5;
    private static final int PARTY_COLUMNS = 6;

    private final Table rows;
    private final Table parties;

    Cycles(final Changes changes, final int capacity) {
        rows = new Table(changes, COLUMNS, 64);
        parties = new Table(changes, PARTY_COLUMNS, capacity);
    }

    Table rows() {
        return rows;
    }

    Table parties() {
        return parties;
    }

    int count() {
        return rows.size();
    }

    long get(final int column, final int cycle) {
        return rows.get(column, cycle);
    }

    long party(final int column, final int row) {
        return parties.get(column, row);
    }

    /** @return the end of the last closed cycle, or {@link Long#MIN_VALUE} before the first close. */
    long lastEnd() {
        return rows.size() == 0 ? Long.MIN_VALUE : rows.get(END, rows.size() - 1);
    }

    /** @return the first statement line of the open cycle. */
    int openLineStart() {
        return rows.size() == 0 ? 0 : rows.getInt(LINE_END, rows.size() - 1);
    }

    /** @return the first statement item of the open cycle. */
    int openItemStart() {
        return rows.size() == 0 ? 0 : rows.getInt(ITEM_END, rows.size() - 1);
    }

    /** @return the row of the cycle ending exactly at {@code end} (ends strictly increase), or -1. */
    int endingAt(final long end) {
        int low = 0;
        int high = rows.size() - 1;
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            final long e = rows.get(END, mid);
            if (e < end) {
                low = mid + 1;
            } else if (e > end) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** @return the number of party rows of every cycle: where the next cycle's party rows start. */
    int partyRows() {
        return parties.size();
    }

    /**
     * Appends the closed cycle's row, after its party rows; the close fills in the rest.
     *
     * @param partyStart the first of its party rows.
     * @return the cycle's row (its number is the row + 1).
     */
    int add(final long start, final long end, final int partyStart) {
        final int c = rows.append();
        rows.set(START, c, start);
        rows.set(END, c, end);
        rows.set(PARTY_START, c, partyStart);
        rows.set(PARTY_COUNT, c, parties.size() - partyStart);
        return c;
    }

    void set(final int column, final int cycle, final long value) {
        rows.set(column, cycle, value);
    }

    /** Adds a party row of the cycle being closed (before {@link #add} appends the cycle's own row). */
    void addParty(final int party, final long carriedIn, final long position, final long minimum, final long settled,
        final int firstLine) {
        final int r = parties.append();
        parties.set(PARTY, r, party);
        parties.set(CARRIED_IN, r, carriedIn);
        parties.set(POSITION, r, position);
        parties.set(MINIMUM, r, minimum);
        parties.set(PARTY_SETTLED, r, settled);
        parties.set(FIRST_LINE, r, firstLine);
    }
}

package io.allianceledger.alliance;

/**
 * Every accrual, in creation order, with what refunds need: its lot, its rule version, and what remains
 * unrefunded of its points and purchase amount.
 */
final class AccrualRecords {
    static final int MEMBER = 0;
    static final int STORE = 1;
    static final int POINTS = 2;
    static final int PURCHASE = 3;
    static final int VALUE = 4;
    static final int LOT = 5;
    static final int VERSION = 6;
    static final int EVENT_TIME = 7;
    static final int REPAID = 8;
    static final int RECOVERED = 9;
    static final int REMAINING_POINTS = 10;
    static final int REMAINING_PURCHASE = 11;
    static final int CORRECTED = 12;
    static final int CLAWED_VALUE = 13;
    private static final int COLUMNS = 14;

    private final Table rows;

    AccrualRecords(final Changes changes, final int capacity) {
        rows = new Table(changes, COLUMNS, capacity);
    }

    Table rows() {
        return rows;
    }

    int add() {
        return rows.append();
    }

    long get(final int column, final int row) {
        return rows.get(column, row);
    }

    void set(final int column, final int row, final long value) {
        rows.set(column, row, value);
    }
}

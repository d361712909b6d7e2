package io.allianceledger.alliance;

/**
 * The alliance's one-row configuration and counters: whether it is configured, its assets and time zone, its
 * operator, the latest alliance-default rule version, the operation sequence that orders lots created at the
 * same expiry and accrual time, and the ledger's business clock: the newest event time applied, the first one
 * (where the first cycle starts) and how many late events the open cycle has taken.
 */
final class Settings {
    static final int CONFIGURED = 0;
    static final int POINTS_ASSET = 1;
    static final int CNY_ASSET = 2;
    static final int ZONE_OFFSET = 3;
    static final int ZONE_LENGTH = 4;
    static final int OPERATOR = 5;
    static final int DEFAULT_RULE = 6;
    static final int SEQUENCE = 7;
    static final int NEWEST_TIME = 8;
    static final int FIRST_TIME = 9;
    static final int OPEN_LATE_EVENTS = 10;
    private static final int FIELDS = 11;

    private final Table table;

    Settings(final Changes changes) {
        table = new Table(changes, FIELDS, 1);
        table.append();
        table.set(OPERATOR, 0, -1);
        table.set(DEFAULT_RULE, 0, -1);
        table.set(NEWEST_TIME, 0, -1);
        table.set(FIRST_TIME, 0, -1);
    }

    Table table() {
        return table;
    }

    long get(final int field) {
        return table.get(field, 0);
    }

    void set(final int field, final long value) {
        table.set(field, 0, value);
    }

    boolean configured() {
        return get(CONFIGURED) != 0;
    }

    int operator() {
        return (int)get(OPERATOR);
    }

    /** @return the next operation sequence number, consuming it. */
    long nextSequence() {
        final long s = get(SEQUENCE) + 1;
        set(SEQUENCE, s);
        return s;
    }
}

package io.allianceledger.alliance;

/**
 * The alliance's one-row configuration and counters: whether it is configured, its assets and time zone, its
 * operator, the latest alliance-default rule version, the operation sequence that orders lots created at the
 * same expiry and accrual time, and the ledger's business clock: the newest event time applied, the first one
 * (where the first cycle starts) and how many late events the open cycle has taken. It also counts, since the
 * ledger began, every point that went through the operator's {@code POINTS_ISSUED} account, by what moved it,
 * so a cycle close can report points issued, redeemed, expired and clawed back in the cycle.
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
    /** Points issued by accruals, ever (debits of {@code POINTS_ISSUED} by accruals). */
    static final int POINTS_ISSUED = 11;
    /** Points redeemed, directly or by a captured hold, ever. */
    static final int POINTS_REDEEMED = 12;
    /** Points expired, ever. */
    static final int POINTS_EXPIRED = 13;
    /** Points clawed back by accrual refunds (owed points included), ever. */
    static final int POINTS_CLAWED_BACK = 14;
    /** Net points given back (positive) or taken back (negative) by corrections, ever. */
    static final int POINTS_CORRECTED = 15;
    /** The points counters, in this order: {@link #POINTS_ISSUED} .. {@link #POINTS_CORRECTED}. */
    static final int POINTS_COUNTERS = 5;
    private static final int FIELDS = 16;

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

    /**
     * Counts a leg on the operator's {@code POINTS_ISSUED} account (debit: points out to a member).
     *
     * @param kind   what the entry is.
     * @param debit  the leg's side.
     * @param points the leg's points.
     */
    void countPoints(final MovementKind kind, final boolean debit, final long points) {
        final int field;
        long signed = points;
        switch (kind) {
            case ACCRUAL -> field = POINTS_ISSUED;
            case REDEMPTION, CAPTURE -> field = POINTS_REDEEMED;
            case EXPIRY -> field = POINTS_EXPIRED;
            case ACCRUAL_REFUND -> field = POINTS_CLAWED_BACK;
            case CORRECTION -> {
                field = POINTS_CORRECTED;
                signed = debit ? points : -points;
            }
            default -> throw new IllegalStateException(kind + " entry moved POINTS_ISSUED");
        }
        if (kind != MovementKind.CORRECTION && debit != (kind == MovementKind.ACCRUAL)) {
            throw new IllegalStateException(kind + " entry moved POINTS_ISSUED on the wrong side");
        }
        // Each counter is bounded by the POINTS_ISSUED account's own posted totals, which the books keep in 64 bits.
        set(field, get(field) + signed);
    }

    /** @return the next operation sequence number, consuming it. */
    long nextSequence() {
        final long s = get(SEQUENCE) + 1;
        set(SEQUENCE, s);
        return s;
    }
}

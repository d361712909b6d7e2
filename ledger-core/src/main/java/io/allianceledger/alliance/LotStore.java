package io.allianceledger.alliance;

import io.allianceledger.alliance.arithmetic.Rounding;
import io.allianceledger.alliance.command.AllianceLayout;

/**
 * Points lots. A lot is what one accrual (or one piece of a transfer) gave a member: points with a value in fen
 * (what the operator owes for them), an accrual time, the instant it becomes available and the instant it
 * expires. Part of a lot may be held by a hold; that part stays in the lot (as held points and held value) until
 * the hold is captured or released.
 * <p>
 * Each member's lots with points left form a doubly linked list in redemption order: earliest expiry, then
 * earliest accrual, then sequence, then creation. Consumption walks it from the head and unlinks lots it empties,
 * so it costs O(lots visited): lots taken from, plus pending or expired-but-unswept lots passed over, never the
 * lots behind. Inserting a lot walks from the tail, O(1) for a lot that sorts last (every accrual whose expiry is
 * not earlier than the member's latest) and O(lots after it) otherwise. All lots not yet swept also sit in an
 * expiry queue for the sweep.
 */
final class LotStore {
    static final int MEMBER = 0;
    static final int FREE = 1;
    static final int FREE_VALUE = 2;
    static final int HELD = 3;
    static final int HELD_VALUE = 4;
    static final int ORIGINAL_POINTS = 5;
    static final int ORIGINAL_VALUE = 6;
    static final int ACCRUED_AT = 7;
    static final int AVAILABLE_AT = 8;
    static final int EXPIRES_AT = 9;
    static final int EXPIRY_DAY = 10;
    static final int SEQUENCE = 11;
    static final int PREV = 12;
    static final int NEXT = 13;
    static final int FLAGS = 14;
    static final int SOURCE = 15;
    private static final int COLUMNS = 16;

    static final int FLAG_LINKED = 1;
    static final int FLAG_SWEPT = 2;

    /** Returned by {@link #take} when the member lacks the points. */
    static final int INSUFFICIENT = -1;
    /** Returned by {@link #take} when it would visit more than the limit. */
    static final int LIMIT = -2;

    private final Table lots;
    private final MinQueue expiry;
    private final Participants members;
    private final Rounding rounding = new Rounding();

    // The pieces the last take() took, in order.
    private final int[] takenLots = new int[AllianceLayout.MAX_LOTS_PER_OPERATION];
    private final long[] takenPoints = new long[AllianceLayout.MAX_LOTS_PER_OPERATION];
    private final long[] takenValues = new long[AllianceLayout.MAX_LOTS_PER_OPERATION];
    private int takenCount;
    private long visits;

    LotStore(final Changes changes, final Participants members, final int capacity) {
        this.lots = new Table(changes, COLUMNS, capacity);
        this.expiry = new MinQueue(changes, capacity);
        this.members = members;
    }

    Table rows() {
        return lots;
    }

    MinQueue expiryQueue() {
        return expiry;
    }

    int count() {
        return lots.size();
    }

    long get(final int column, final int lot) {
        return lots.get(column, lot);
    }

    /** @return lots visited by consumption since the ledger started (for tests of the cost bound). */
    long visits() {
        return visits;
    }

    /** Creates a lot, links it into its member's list and queues it for expiry. */
    int create(final int member, final long points, final long value, final long accruedAt, final long availableAt,
        final long expiresAt, final long expiryDay, final long sequence, final int source) {
        final int lot = lots.append();
        lots.set(MEMBER, lot, member);
        lots.set(FREE, lot, points);
        lots.set(FREE_VALUE, lot, value);
        lots.set(ORIGINAL_POINTS, lot, points);
        lots.set(ORIGINAL_VALUE, lot, value);
        lots.set(ACCRUED_AT, lot, accruedAt);
        lots.set(AVAILABLE_AT, lot, availableAt);
        lots.set(EXPIRES_AT, lot, expiresAt);
        lots.set(EXPIRY_DAY, lot, expiryDay);
        lots.set(SEQUENCE, lot, sequence);
        lots.set(SOURCE, lot, source);
        lots.set(PREV, lot, -1);
        lots.set(NEXT, lot, -1);
        if (points > 0) {
            link(lot);
        }
        expiry.push(lot, expiresAt);
        return lot;
    }

    boolean spendable(final int lot, final long time) {
        return lots.get(AVAILABLE_AT, lot) <= time && time < lots.get(EXPIRES_AT, lot);
    }

    /**
     * Takes points from a member's spendable lots in redemption order, releasing each piece's share of value
     * ({@link Rounding#releasedValue}). The pieces are then in {@link #takenLot}/{@link #takenPoints}/
     * {@link #takenValue}. With {@code hold}, the points move to the lots' held part instead of leaving them.
     *
     * @param member  the member.
     * @param points  points to take.
     * @param reserve points that must remain spendable after the take (the member's debt); not taken.
     * @param time    business time deciding which lots are spendable.
     * @param skip    a lot to pass over (already taken from), or -1.
     * @param hold    reserve rather than consume.
     * @param partial take what there is instead of failing (for claw-backs).
     * @return points taken, or {@link #INSUFFICIENT} or {@link #LIMIT}; on failure lots may be changed (the
     *     command is rejected and rolled back).
     */
    long take(final int member, final long points, final long reserve, final long time, final int skip,
        final boolean hold, final boolean partial) {
        takenCount = 0;
        long need = points;
        long spare = reserve;
        int lot = members.rows().getInt(Participants.LOT_HEAD, member);
        int visited = 0;
        while (lot >= 0 && (need > 0 || spare > 0)) {
            if (++visited > AllianceLayout.MAX_LOTS_PER_OPERATION) {
                return LIMIT;
            }
            visits++;
            final int next = lots.getInt(NEXT, lot);
            if (lot != skip && spendable(lot, time)) {
                long free = lots.get(FREE, lot);
                if (need > 0 && free > 0) {
                    final long k = Math.min(free, need);
                    takeFrom(lot, k, hold);
                    need -= k;
                    free -= k;
                }
                if (need == 0 && spare > 0) {
                    spare -= Math.min(free, spare);
                }
            }
            lot = next;
        }
        if ((need > 0 && !partial) || spare > 0) {
            return INSUFFICIENT;
        }
        return points - need;
    }

    /** Forgets the pieces of the previous take, before a {@link #takeFrom} outside {@link #take}. */
    void beginTake() {
        takenCount = 0;
    }

    /** Takes {@code k} points of a lot's free part (any state), recording the piece; returns the value released. */
    long takeFrom(final int lot, final long k, final boolean hold) {
        final long free = lots.get(FREE, lot);
        final long freeValue = lots.get(FREE_VALUE, lot);
        final long v = rounding.releasedValue(freeValue, k, free);
        lots.set(FREE, lot, free - k);
        lots.set(FREE_VALUE, lot, freeValue - v);
        if (hold) {
            lots.add(HELD, lot, k);
            lots.add(HELD_VALUE, lot, v);
        } else if (free == k && lots.get(HELD, lot) == 0) {
            unlink(lot);
        }
        takenLots[takenCount] = lot;
        takenPoints[takenCount] = k;
        takenValues[takenCount] = v;
        takenCount++;
        return v;
    }

    int takenCount() {
        return takenCount;
    }

    int takenLot(final int i) {
        return takenLots[i];
    }

    long takenPoints(final int i) {
        return takenPoints[i];
    }

    long takenValue(final int i) {
        return takenValues[i];
    }

    /** Σ value of the pieces taken. */
    long takenValueSum() {
        long sum = 0;
        for (int i = 0; i < takenCount; i++) {
            sum += takenValues[i];
        }
        return sum;
    }

    /**
     * Ends a held piece: {@code heldPoints}/{@code heldValue} leave the lot's held part, of which
     * {@code backPoints}/{@code backValue} return to its free part (the rest was captured).
     */
    void settleHeld(final int lot, final long heldPoints, final long heldValue, final long backPoints,
        final long backValue) {
        lots.add(HELD, lot, -heldPoints);
        lots.add(HELD_VALUE, lot, -heldValue);
        giveBack(lot, backPoints, backValue);
        if (lots.get(FREE, lot) == 0 && lots.get(HELD, lot) == 0 && (lots.get(FLAGS, lot) & FLAG_LINKED) != 0) {
            unlink(lot);
        }
    }

    /**
     * Returns points and value to a lot's free part (a released hold, a corrected redemption). A lot that was
     * emptied is linked again; one that was already swept goes back in the expiry queue, so its returned points
     * expire at the next sweep rather than coming back to life.
     */
    void giveBack(final int lot, final long points, final long value) {
        if (points == 0 && value == 0) {
            return;
        }
        lots.add(FREE, lot, points);
        lots.add(FREE_VALUE, lot, value);
        final long flags = lots.get(FLAGS, lot);
        if ((flags & FLAG_LINKED) == 0) {
            link(lot);
        }
        if ((lots.get(FLAGS, lot) & FLAG_SWEPT) != 0) {
            lots.set(FLAGS, lot, lots.get(FLAGS, lot) & ~FLAG_SWEPT);
            expiry.push(lot, lots.get(EXPIRES_AT, lot));
        }
    }

    /**
     * Expires a lot popped from the queue: its free points and value are gone (the caller books them). Held
     * points stay with their hold.
     */
    void expire(final int lot) {
        lots.set(FLAGS, lot, lots.get(FLAGS, lot) | FLAG_SWEPT);
        lots.set(FREE, lot, 0);
        lots.set(FREE_VALUE, lot, 0);
        if (lots.get(HELD, lot) == 0 && (lots.get(FLAGS, lot) & FLAG_LINKED) != 0) {
            unlink(lot);
        }
    }

    /** Empties a lot entirely (a corrected accrual); it must hold nothing. */
    void empty(final int lot) {
        lots.set(FREE, lot, 0);
        lots.set(FREE_VALUE, lot, 0);
        if ((lots.get(FLAGS, lot) & FLAG_LINKED) != 0) {
            unlink(lot);
        }
        expiry.remove(lot);
        lots.set(FLAGS, lot, lots.get(FLAGS, lot) | FLAG_SWEPT);
    }

    /** Inserts a lot in its member's list by redemption order, walking from the tail. */
    private void link(final int lot) {
        final int member = lots.getInt(MEMBER, lot);
        int before = members.rows().getInt(Participants.LOT_TAIL, member);
        while (before >= 0 && sortsAfter(before, lot)) {
            before = lots.getInt(PREV, before);
        }
        final int after = before < 0 ? members.rows().getInt(Participants.LOT_HEAD, member) : lots.getInt(NEXT, before);
        lots.set(PREV, lot, before);
        lots.set(NEXT, lot, after);
        if (before < 0) {
            members.set(Participants.LOT_HEAD, member, lot);
        } else {
            lots.set(NEXT, before, lot);
        }
        if (after < 0) {
            members.set(Participants.LOT_TAIL, member, lot);
        } else {
            lots.set(PREV, after, lot);
        }
        lots.set(FLAGS, lot, lots.get(FLAGS, lot) | FLAG_LINKED);
    }

    private void unlink(final int lot) {
        final int member = lots.getInt(MEMBER, lot);
        final int prev = lots.getInt(PREV, lot);
        final int next = lots.getInt(NEXT, lot);
        if (prev < 0) {
            members.set(Participants.LOT_HEAD, member, next);
        } else {
            lots.set(NEXT, prev, next);
        }
        if (next < 0) {
            members.set(Participants.LOT_TAIL, member, prev);
        } else {
            lots.set(PREV, next, prev);
        }
        lots.set(PREV, lot, -1);
        lots.set(NEXT, lot, -1);
        lots.set(FLAGS, lot, lots.get(FLAGS, lot) & ~FLAG_LINKED);
    }

    /** Redemption order: expiry, accrual time, sequence, creation. */
    boolean sortsAfter(final int a, final int b) {
        final long ea = lots.get(EXPIRES_AT, a);
        final long eb = lots.get(EXPIRES_AT, b);
        if (ea != eb) {
            return ea > eb;
        }
        final long aa = lots.get(ACCRUED_AT, a);
        final long ab = lots.get(ACCRUED_AT, b);
        if (aa != ab) {
            return aa > ab;
        }
        final long sa = lots.get(SEQUENCE, a);
        final long sb = lots.get(SEQUENCE, b);
        if (sa != sb) {
            return sa > sb;
        }
        return a > b;
    }

    /** Rebuilds the expiry queue from the lots; only while restoring. */
    void requeue() {
        expiry.clear();
        for (int lot = 0; lot < lots.size(); lot++) {
            if ((lots.get(FLAGS, lot) & FLAG_SWEPT) == 0) {
                expiry.push(lot, lots.get(EXPIRES_AT, lot));
            }
        }
    }
}

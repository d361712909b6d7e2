package io.allianceledger.alliance;

/**
 * Holds (two-phase redemptions) and the pieces of lots each one reserves, in creation order. An open hold with a
 * timeout sits in a deadline queue on the engine clock; {@code beforeCommand} releases those that are due.
 */
final class HoldBook {
    static final int MEMBER = 0;
    static final int STORE = 1;
    static final int POINTS = 2;
    static final int VALUE = 3;
    static final int VERSION = 4;
    static final int EVENT_TIME = 5;
    static final int DEADLINE = 6;
    static final int STATUS = 7;
    static final int PORTION_START = 8;
    static final int PORTION_COUNT = 9;
    static final int CAPTURED = 10;
    static final int ID_HIGH = 11;
    static final int ID_LOW = 12;
    private static final int COLUMNS = 13;

    static final int OPEN = 1;
    static final int CAPTURED_STATUS = 2;
    static final int RELEASED = 3;
    static final int TIMED_OUT = 4;

    static final int PORTION_LOT = 0;
    static final int PORTION_POINTS = 1;
    static final int PORTION_VALUE = 2;
    private static final int PORTION_COLUMNS = 3;

    private final Table holds;
    private final Table portions;
    private final MinQueue deadlines;

    HoldBook(final Changes changes, final int capacity) {
        holds = new Table(changes, COLUMNS, capacity);
        portions = new Table(changes, PORTION_COLUMNS, capacity);
        deadlines = new MinQueue(changes, capacity);
    }

    Table rows() {
        return holds;
    }

    Table portions() {
        return portions;
    }

    MinQueue deadlines() {
        return deadlines;
    }

    long get(final int column, final int hold) {
        return holds.get(column, hold);
    }

    void set(final int column, final int hold, final long value) {
        holds.set(column, hold, value);
    }

    int open(final int member, final int store, final int version, final long eventTime, final long deadline,
        final long idHigh, final long idLow) {
        final int h = holds.append();
        holds.set(MEMBER, h, member);
        holds.set(STORE, h, store);
        holds.set(VERSION, h, version);
        holds.set(EVENT_TIME, h, eventTime);
        holds.set(DEADLINE, h, deadline);
        holds.set(STATUS, h, OPEN);
        holds.set(PORTION_START, h, portions.size());
        holds.set(ID_HIGH, h, idHigh);
        holds.set(ID_LOW, h, idLow);
        deadlines.push(h, deadline);
        return h;
    }

    void addPortion(final int hold, final int lot, final long points, final long value) {
        final int p = portions.append();
        portions.set(PORTION_LOT, p, lot);
        portions.set(PORTION_POINTS, p, points);
        portions.set(PORTION_VALUE, p, value);
        holds.add(PORTION_COUNT, hold, 1);
        holds.add(POINTS, hold, points);
        holds.add(VALUE, hold, value);
    }

    /** Closes a hold with a final status; it leaves the deadline queue. */
    void close(final int hold, final int status) {
        holds.set(STATUS, hold, status);
        deadlines.remove(hold);
    }

    /** Rebuilds the deadline queue from the open holds; only while restoring. */
    void requeue() {
        deadlines.clear();
        for (int h = 0; h < holds.size(); h++) {
            if (holds.get(STATUS, h) == OPEN) {
                deadlines.push(h, holds.get(DEADLINE, h));
            }
        }
    }
}

package io.allianceledger.alliance;

/**
 * Every redemption and hold capture, in creation order, with the pieces of lots it took, so that a correction can
 * return exactly those points and values to exactly those lots.
 */
final class RedemptionRecords {
    static final int MEMBER = 0;
    static final int STORE = 1;
    static final int POINTS = 2;
    static final int RELEASED = 3;
    static final int PAYMENT = 4;
    static final int VERSION = 5;
    static final int EVENT_TIME = 6;
    static final int PIECE_START = 7;
    static final int PIECE_COUNT = 8;
    static final int CORRECTED = 9;
    static final int KIND = 10;
    private static final int COLUMNS = 11;

    static final int PIECE_LOT = 0;
    static final int PIECE_POINTS = 1;
    static final int PIECE_VALUE = 2;

    private final Table rows;
    private final Table pieces;

    RedemptionRecords(final Changes changes, final int capacity) {
        rows = new Table(changes, COLUMNS, capacity);
        pieces = new Table(changes, 3, capacity * 2);
    }

    Table rows() {
        return rows;
    }

    Table pieces() {
        return pieces;
    }

    int add(final int member, final int store, final long points, final long released, final long payment,
        final int version, final long eventTime, final MovementKind kind) {
        final int r = rows.append();
        rows.set(MEMBER, r, member);
        rows.set(STORE, r, store);
        rows.set(POINTS, r, points);
        rows.set(RELEASED, r, released);
        rows.set(PAYMENT, r, payment);
        rows.set(VERSION, r, version);
        rows.set(EVENT_TIME, r, eventTime);
        rows.set(PIECE_START, r, pieces.size());
        rows.set(KIND, r, kind.code());
        return r;
    }

    void addPiece(final int redemption, final int lot, final long points, final long value) {
        final int p = pieces.append();
        pieces.set(PIECE_LOT, p, lot);
        pieces.set(PIECE_POINTS, p, points);
        pieces.set(PIECE_VALUE, p, value);
        rows.add(PIECE_COUNT, redemption, 1);
    }

    long get(final int column, final int row) {
        return rows.get(column, row);
    }

    void set(final int column, final int row, final long value) {
        rows.set(column, row, value);
    }
}

package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Role;

/**
 * The participants in registration order, and the history of store moves. A participant's index (its row) is its
 * permanent internal number; the 64-bit id derived from its code finds it.
 * <p>
 * Member rows also carry the head and tail of the member's lot list and the points the member owes; store rows
 * the latest move and the latest rule override; clearing parties (agents, HQs, stores, channels) their row in
 * {@link Positions}.
 */
final class Participants {
    static final int ID = 0;
    static final int ROLE = 1;
    static final int PARENT = 2;
    static final int SUSPENDED = 3;
    static final int AGENT_DEPTH = 4;
    static final int CODE_OFFSET = 5;
    static final int CODE_LENGTH = 6;
    static final int REGISTERED_AT = 7;
    static final int LATEST_MOVE = 8;
    static final int LATEST_RULE = 9;
    static final int LOT_HEAD = 10;
    static final int LOT_TAIL = 11;
    static final int DEBT = 12;
    static final int POSITION = 13;
    private static final int COLUMNS = 14;

    static final int MOVE_STORE = 0;
    static final int MOVE_PARENT = 1;
    static final int MOVE_EFFECTIVE_FROM = 2;
    static final int MOVE_PREVIOUS = 3;
    private static final int MOVE_COLUMNS = 4;

    private final Table rows;
    private final Table moves;
    private final LongIntIndex byId;

    Participants(final Changes changes, final int capacity) {
        rows = new Table(changes, COLUMNS, capacity);
        moves = new Table(changes, MOVE_COLUMNS, 16);
        byId = new LongIntIndex(changes, capacity);
    }

    Table rows() {
        return rows;
    }

    Table moves() {
        return moves;
    }

    int count() {
        return rows.size();
    }

    /** @return the participant's index, or -1. */
    int indexOf(final long id) {
        return byId.get(id);
    }

    int add(final long id, final Role role, final int parent, final int agentDepth, final int codeOffset,
        final int codeLength, final long timestamp) {
        final int p = rows.append();
        rows.set(ID, p, id);
        rows.set(ROLE, p, role.code());
        rows.set(PARENT, p, parent);
        rows.set(AGENT_DEPTH, p, agentDepth);
        rows.set(CODE_OFFSET, p, codeOffset);
        rows.set(CODE_LENGTH, p, codeLength);
        rows.set(REGISTERED_AT, p, timestamp);
        rows.set(LATEST_MOVE, p, -1);
        rows.set(LATEST_RULE, p, -1);
        rows.set(LOT_HEAD, p, -1);
        rows.set(LOT_TAIL, p, -1);
        rows.set(POSITION, p, -1);
        byId.put(id, p);
        return p;
    }

    long id(final int p) {
        return rows.get(ID, p);
    }

    Role role(final int p) {
        return Role.of(rows.getInt(ROLE, p));
    }

    int parent(final int p) {
        return rows.getInt(PARENT, p);
    }

    /** @return the clearing party's row in {@link Positions}, or -1 for the operator and members. */
    int position(final int p) {
        return rows.getInt(POSITION, p);
    }

    boolean suspended(final int p) {
        return rows.get(SUSPENDED, p) != 0;
    }

    long get(final int column, final int p) {
        return rows.get(column, p);
    }

    void set(final int column, final int p, final long value) {
        rows.set(column, p, value);
    }

    /** @return the store's latest move's effective-from, or Long.MIN_VALUE. */
    long lastMoveAt(final int store) {
        final int m = rows.getInt(LATEST_MOVE, store);
        return m < 0 ? Long.MIN_VALUE : moves.get(MOVE_EFFECTIVE_FROM, m);
    }

    void move(final int store, final int parent, final long effectiveFrom) {
        final int m = moves.append();
        moves.set(MOVE_STORE, m, store);
        moves.set(MOVE_PARENT, m, parent);
        moves.set(MOVE_EFFECTIVE_FROM, m, effectiveFrom);
        moves.set(MOVE_PREVIOUS, m, rows.get(LATEST_MOVE, store));
        rows.set(LATEST_MOVE, store, m);
    }

    /**
     * @return the store's parent at a business time: the latest move in force then, else its registered parent.
     *     Walks moves newest first, so business at the current time costs one step.
     */
    int parentAt(final int store, final long time) {
        int m = rows.getInt(LATEST_MOVE, store);
        while (m >= 0 && moves.get(MOVE_EFFECTIVE_FROM, m) > time) {
            m = moves.getInt(MOVE_PREVIOUS, m);
        }
        return m >= 0 ? moves.getInt(MOVE_PARENT, m) : rows.getInt(PARENT, store);
    }

    /** Rebuilds the id index from the rows; only while restoring. */
    void reindex() {
        byId.clear();
        for (int p = 0; p < rows.size(); p++) {
            byId.put(rows.get(ID, p), p);
        }
    }
}

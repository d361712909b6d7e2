package io.allianceledger.engine;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

import java.util.Arrays;

/**
 * The accounts of a ledger in columns, indexed by the order they were opened. The order of opening, not the
 * hash map, is the canonical order used by the state hash and snapshots.
 * <p>
 * Every total is a signed 64-bit count of minor units that never goes negative, and each side's posted plus
 * pending sum also fits in 64 bits; the state machine checks both before it writes.
 */
final class AccountBook implements UndoLog.Undoable {
    static final int DEBITS_POSTED = 0;
    static final int CREDITS_POSTED = 1;
    static final int DEBITS_PENDING = 2;
    static final int CREDITS_PENDING = 3;

    private static final int OP_OPEN = 1;
    private static final int OP_FLAGS = 2;
    private static final int OP_TOTAL = 8; // + the total's column

    private final LongIntHashMap indexById;
    private final UndoLog undo;
    private final int owner;
    private final int limit;
    private long[] ids;
    private int[] assets;
    private int[] flags;
    private long[] openedAt;
    private final long[][] totals = new long[4][];
    private int count;

    AccountBook(final UndoLog undo, final int initialCapacity, final int limit) {
        this.undo = undo;
        this.owner = undo.register(this);
        this.limit = limit;
        final int capacity = Math.max(16, Math.min(initialCapacity, limit));
        indexById = new LongIntHashMap(capacity);
        ids = new long[capacity];
        assets = new int[capacity];
        flags = new int[capacity];
        openedAt = new long[capacity];
        for (int i = 0; i < totals.length; i++) {
            totals[i] = new long[capacity];
        }
    }

    int count() {
        return count;
    }

    boolean isFull() {
        return count >= limit;
    }

    /** @return the account's index, or -1. */
    int indexOf(final long accountId) {
        return indexById.getIfAbsent(accountId, -1);
    }

    long id(final int index) {
        return ids[index];
    }

    int asset(final int index) {
        return assets[index];
    }

    int flags(final int index) {
        return flags[index];
    }

    long openedAt(final int index) {
        return openedAt[index];
    }

    long total(final int column, final int index) {
        return totals[column][index];
    }

    int open(final long accountId, final int assetIndex, final int accountFlags, final long timestamp) {
        if (count == ids.length) {
            grow();
        }
        final int index = count++;
        ids[index] = accountId;
        assets[index] = assetIndex;
        flags[index] = accountFlags;
        openedAt[index] = timestamp;
        indexById.put(accountId, index);
        undo.record(owner, OP_OPEN, index, 0);
        return index;
    }

    /** Only while restoring canonical state, outside any command. */
    void setOpenedAt(final int index, final long timestamp) {
        openedAt[index] = timestamp;
    }

    void setFlags(final int index, final int accountFlags) {
        undo.record(owner, OP_FLAGS, index, flags[index]);
        flags[index] = accountFlags;
    }

    void setTotal(final int column, final int index, final long value) {
        assert value >= 0 : "negative total " + value + " in column " + column + " of account " + ids[index];
        undo.record(owner, OP_TOTAL + column, index, totals[column][index]);
        totals[column][index] = value;
    }

    @Override
    public void undo(final int op, final long a, final long b) {
        final int index = (int)a;
        if (op == OP_OPEN) {
            if (index != count - 1) {
                throw new IllegalStateException("account undo out of order: index=" + index + " count=" + count);
            }
            count--;
            indexById.remove(ids[index]);
            ids[index] = 0;
            assets[index] = 0;
            flags[index] = 0;
            openedAt[index] = 0;
            for (final long[] column : totals) {
                column[index] = 0;
            }
        } else if (op == OP_FLAGS) {
            flags[index] = (int)b;
        } else {
            totals[op - OP_TOTAL][index] = b;
        }
    }

    private void grow() {
        final int capacity = (int)Math.min((long)ids.length * 2, Math.max(limit, 16));
        if (capacity <= ids.length) {
            throw new IllegalStateException("account book cannot grow beyond " + ids.length);
        }
        ids = Arrays.copyOf(ids, capacity);
        assets = Arrays.copyOf(assets, capacity);
        flags = Arrays.copyOf(flags, capacity);
        openedAt = Arrays.copyOf(openedAt, capacity);
        for (int i = 0; i < totals.length; i++) {
            totals[i] = Arrays.copyOf(totals[i], capacity);
        }
    }
}

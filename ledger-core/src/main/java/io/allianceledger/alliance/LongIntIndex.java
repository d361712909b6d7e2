package io.allianceledger.alliance;

import org.eclipse.collections.impl.map.mutable.primitive.LongIntHashMap;

/**
 * A lookup from a 64-bit key to a row, with undo. Used for lookups only, never iterated, so its hash order never
 * reaches the state; it is derived data, rebuilt from the tables on restore.
 */
final class LongIntIndex implements Changes.Reversible {
    private static final long ABSENT = Long.MIN_VALUE;
    private final Changes changes;
    private final int slot;
    private final LongIntHashMap map;

    LongIntIndex(final Changes changes, final int capacity) {
        this.changes = changes;
        this.slot = changes.register(this);
        this.map = new LongIntHashMap(Math.max(16, capacity));
    }

    /** @return the row stored for the key, or -1. */
    int get(final long key) {
        return map.getIfAbsent(key, -1);
    }

    void put(final long key, final int row) {
        final int old = map.getIfAbsent(key, -1);
        changes.record(slot, 0, key, old < 0 ? ABSENT : old);
        map.put(key, row);
    }

    @Override
    public void revert(final int op, final long key, final long old) {
        if (old == ABSENT) {
            map.remove(key);
        } else {
            map.put(key, (int)old);
        }
    }

    /** Forgets everything; only while restoring. */
    void clear() {
        map.clear();
    }
}

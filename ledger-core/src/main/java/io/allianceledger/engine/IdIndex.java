package io.allianceledger.engine;

import java.util.Arrays;

/**
 * Open-addressing map from a 128-bit command id to the address of its record: the memory of every command
 * ever applied, which is what makes retries idempotent.
 * <p>
 * Linear probing with a fixed hash (no random seed, so the same inserts give the same layout on every run)
 * and backward-shift deletion, which keeps lookups correct after any removal, including undo after a resize.
 */
final class IdIndex implements UndoLog.Undoable {
    private static final int OP_INSERT = 1;

    private final UndoLog undo;
    private final int owner;
    private long[] highs;
    private long[] lows;
    private long[] values;
    private int mask;
    private int size;

    IdIndex(final UndoLog undo, final int initialCapacity) {
        this.undo = undo;
        this.owner = undo.register(this);
        allocate(Integer.highestOneBit(Math.max(64, initialCapacity * 2 - 1)) << 1);
    }

    int size() {
        return size;
    }

    /** @return the value stored for the id, or -1. The id must not be zero. */
    long get(final long high, final long low) {
        if (high == 0 && low == 0) {
            return -1;
        }
        int i = slot(high, low);
        while (true) {
            final long h = highs[i];
            final long l = lows[i];
            if (h == high && l == low) {
                return values[i];
            }
            if (h == 0 && l == 0) {
                return -1;
            }
            i = (i + 1) & mask;
        }
    }

    /** Inserts an id known to be absent. */
    void insert(final long high, final long low, final long value) {
        assert high != 0 || low != 0 : "zero id";
        assert get(high, low) == -1 : "duplicate id";
        if ((size + 1) * 2 > highs.length) {
            rehash(highs.length * 2);
        }
        put(high, low, value);
        size++;
        undo.record(owner, OP_INSERT, high, low);
    }

    @Override
    public void undo(final int op, final long high, final long low) {
        if (op != OP_INSERT) {
            throw new IllegalStateException("unknown id index undo op " + op);
        }
        remove(high, low);
    }

    private void remove(final long high, final long low) {
        int i = slot(high, low);
        while (highs[i] != high || lows[i] != low) {
            if (highs[i] == 0 && lows[i] == 0) {
                throw new IllegalStateException("id to remove is absent");
            }
            i = (i + 1) & mask;
        }
        // Backward-shift deletion: pull later members of the probe run into the hole.
        int hole = i;
        int j = (i + 1) & mask;
        while (highs[j] != 0 || lows[j] != 0) {
            final int home = slot(highs[j], lows[j]);
            if (((j - home) & mask) >= ((j - hole) & mask)) {
                highs[hole] = highs[j];
                lows[hole] = lows[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        highs[hole] = 0;
        lows[hole] = 0;
        values[hole] = 0;
        size--;
    }

    private void put(final long high, final long low, final long value) {
        int i = slot(high, low);
        while (highs[i] != 0 || lows[i] != 0) {
            i = (i + 1) & mask;
        }
        highs[i] = high;
        lows[i] = low;
        values[i] = value;
    }

    private void rehash(final int capacity) {
        final long[] oldHighs = highs;
        final long[] oldLows = lows;
        final long[] oldValues = values;
        allocate(capacity);
        for (int i = 0; i < oldHighs.length; i++) {
            if (oldHighs[i] != 0 || oldLows[i] != 0) {
                put(oldHighs[i], oldLows[i], oldValues[i]);
            }
        }
    }

    private void allocate(final int capacity) {
        highs = new long[capacity];
        lows = new long[capacity];
        values = new long[capacity];
        mask = capacity - 1;
    }

    private int slot(final long high, final long low) {
        long x = high * 0x9E3779B97F4A7C15L ^ low;
        x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
        x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return (int)(x ^ (x >>> 33)) & mask;
    }

    void clear() {
        Arrays.fill(highs, 0);
        Arrays.fill(lows, 0);
        Arrays.fill(values, 0);
        size = 0;
    }
}

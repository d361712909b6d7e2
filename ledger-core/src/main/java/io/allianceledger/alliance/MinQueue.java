package io.allianceledger.alliance;

import java.util.Arrays;

/**
 * A binary min-heap of rows keyed by a {@code long} (a deadline or an expiry instant), ties broken by row, so the
 * order in which rows come out is total and the same on every replay whatever the heap's internal layout.
 * Each row is in it at most once; its position is tracked so any row can be removed in O(log n). Pushes, pops and
 * removals are logged in {@link Changes}; the heap is derived data, rebuilt from the tables on restore.
 */
final class MinQueue implements Changes.Reversible {
    private static final int OP_PUSH = 1;
    private static final int OP_REMOVE = 2;

    private final Changes changes;
    private final int slot;
    private int[] heap;
    private long[] keys;
    private int[] positions;
    private int size;

    MinQueue(final Changes changes, final int capacity) {
        this.changes = changes;
        this.slot = changes.register(this);
        final int n = Math.max(64, capacity);
        heap = new int[n];
        keys = new long[n];
        positions = filled(n);
    }

    int size() {
        return size;
    }

    boolean contains(final int row) {
        return row < positions.length && positions[row] >= 0;
    }

    /** @return the row with the smallest key; the queue must not be empty. */
    int peek() {
        return heap[0];
    }

    long peekKey() {
        return keys[heap[0]];
    }

    long key(final int row) {
        return keys[row];
    }

    void push(final int row, final long key) {
        changes.record(slot, OP_PUSH, row, 0);
        pushRaw(row, key);
    }

    /** Removes the row if it is queued. */
    void remove(final int row) {
        if (contains(row)) {
            changes.record(slot, OP_REMOVE, row, keys[row]);
            removeRaw(row);
        }
    }

    @Override
    public void revert(final int op, final long a, final long b) {
        if (op == OP_PUSH) {
            removeRaw((int)a);
        } else {
            pushRaw((int)a, b);
        }
    }

    /** Empties the queue; only while restoring. */
    void clear() {
        for (int i = 0; i < size; i++) {
            positions[heap[i]] = -1;
        }
        size = 0;
    }

    private void pushRaw(final int row, final long key) {
        if (row >= positions.length) {
            final int capacity = Math.max(row + 1, positions.length * 2);
            final int old = positions.length;
            positions = Arrays.copyOf(positions, capacity);
            Arrays.fill(positions, old, capacity, -1);
            keys = Arrays.copyOf(keys, capacity);
        }
        if (positions[row] >= 0) {
            throw new IllegalStateException("row " + row + " is already queued");
        }
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        keys[row] = key;
        heap[size] = row;
        positions[row] = size;
        size++;
        siftUp(size - 1);
    }

    private void removeRaw(final int row) {
        final int at = positions[row];
        if (at < 0) {
            throw new IllegalStateException("row " + row + " is not queued");
        }
        size--;
        positions[row] = -1;
        if (at == size) {
            return;
        }
        final int last = heap[size];
        heap[at] = last;
        positions[last] = at;
        siftDown(at);
        siftUp(positions[last]);
    }

    private void siftUp(int i) {
        final int row = heap[i];
        while (i > 0) {
            final int parent = (i - 1) >>> 1;
            if (!less(row, heap[parent])) {
                break;
            }
            heap[i] = heap[parent];
            positions[heap[i]] = i;
            i = parent;
        }
        heap[i] = row;
        positions[row] = i;
    }

    private void siftDown(int i) {
        final int row = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], row)) {
                break;
            }
            heap[i] = heap[child];
            positions[heap[i]] = i;
            i = child;
        }
        heap[i] = row;
        positions[row] = i;
    }

    private boolean less(final int a, final int b) {
        return keys[a] < keys[b] || (keys[a] == keys[b] && a < b);
    }

    private static int[] filled(final int n) {
        final int[] a = new int[n];
        Arrays.fill(a, -1);
        return a;
    }
}

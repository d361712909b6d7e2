package io.allianceledger.engine;

import java.util.Arrays;

/**
 * Pending entries that carry a timeout, ordered by deadline and then by record address (the order in which
 * they were created), so that expiry order is total and the same on every replay.
 * <p>
 * A binary min-heap over two parallel arrays. Entries posted or voided before their deadline stay in the heap
 * and are skipped when they surface, which keeps post and void O(1).
 */
final class PendingTimeouts {
    private long[] deadlines = new long[64];
    private long[] addresses = new long[64];
    private int size;

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    void add(final long deadline, final long address) {
        if (size == deadlines.length) {
            deadlines = Arrays.copyOf(deadlines, size * 2);
            addresses = Arrays.copyOf(addresses, size * 2);
        }
        int i = size++;
        while (i > 0) {
            final int parent = (i - 1) >>> 1;
            if (!less(deadline, address, deadlines[parent], addresses[parent])) {
                break;
            }
            deadlines[i] = deadlines[parent];
            addresses[i] = addresses[parent];
            i = parent;
        }
        deadlines[i] = deadline;
        addresses[i] = address;
    }

    /** @return true when the earliest deadline is at or before {@code timestamp}. */
    boolean hasDue(final long timestamp) {
        return size > 0 && deadlines[0] <= timestamp;
    }

    /** @return the address of the earliest entry, removing it. */
    long poll() {
        final long result = addresses[0];
        final long lastDeadline = deadlines[--size];
        final long lastAddress = addresses[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(deadlines[child + 1], addresses[child + 1], deadlines[child], addresses[child])) {
                child++;
            }
            if (!less(deadlines[child], addresses[child], lastDeadline, lastAddress)) {
                break;
            }
            deadlines[i] = deadlines[child];
            addresses[i] = addresses[child];
            i = child;
        }
        deadlines[i] = lastDeadline;
        addresses[i] = lastAddress;
        return result;
    }

    private static boolean less(final long d1, final long a1, final long d2, final long a2) {
        return d1 < d2 || (d1 == d2 && a1 < a2);
    }
}

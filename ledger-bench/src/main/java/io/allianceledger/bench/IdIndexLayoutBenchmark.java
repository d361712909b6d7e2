package io.allianceledger.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * An experiment behind a proposal, not a benchmark of the product: the memory traffic of the engine's id index
 * ({@code io.allianceledger.engine.IdIndex}) for one new command, modelled outside the engine. Profiles put half
 * of a transfer's time on the first read of that index's probe: three parallel arrays ({@code highs}, {@code lows},
 * {@code values}) make every new id cost up to three cache misses in a table far larger than the caches.
 * <p>
 * Each operation probes for a fresh random 128-bit id (absent, as every new command's id is), reading the probe
 * run, then writes the value slot where it would be inserted, without occupying it, so the table stays at
 * 37.5% load (the engine's index sits between 25% and 50%). The same hash function as the engine's. Each id
 * depends on where the previous one landed, as in the engine, where the next command's probe starts only after
 * the previous command is done, so misses do not overlap across operations unless a layout makes them.
 * {@code PARALLEL_ARRAYS} is the engine's layout; {@code INTERLEAVED} puts high, low and value of a slot in one
 * 32-byte cell, two per cache line; {@code INTERLEAVED_PREFETCHED} also reads the first cell of the next 16 ids'
 * probes before probing them, as applying a Disruptor batch could, so their misses overlap.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IdIndexLayoutBenchmark {
    static final int BATCH = 1024;
    static final int PREFETCH = 16;

    /** A table of 2^24 slots, 37.5% full of random ids. */
    @State(Scope.Thread)
    public static class Table {
        /** The layout. */
        @Param({"PARALLEL_ARRAYS", "INTERLEAVED", "INTERLEAVED_PREFETCHED"})
        public String layout;

        /** Slots (a power of two); the smoke test makes it small. */
        int capacity = 1 << 24;
        long[] highs;
        long[] lows;
        long[] values;
        long[] cells;
        int mask;
        long next = 0x5DEECE66DL;
        final long[] batchHigh = new long[PREFETCH];
        final long[] batchLow = new long[PREFETCH];

        /** Fills the table. */
        @Setup(Level.Trial)
        public void fill() {
            mask = capacity - 1;
            if ("PARALLEL_ARRAYS".equals(layout)) {
                highs = new long[capacity];
                lows = new long[capacity];
                values = new long[capacity];
            } else {
                cells = new long[capacity * 4];
            }
            final int entries = capacity / 8 * 3;
            for (int i = 0; i < entries; i++) {
                final long high = mix(next++);
                final long low = mix(next++);
                if (highs != null) {
                    int s = slot(high, low, mask);
                    while (highs[s] != 0 || lows[s] != 0) {
                        s = (s + 1) & mask;
                    }
                    highs[s] = high;
                    lows[s] = low;
                    values[s] = i;
                } else {
                    int s = slot(high, low, mask);
                    while (cells[4 * s] != 0 || cells[4 * s + 1] != 0) {
                        s = (s + 1) & mask;
                    }
                    cells[4 * s] = high;
                    cells[4 * s + 1] = low;
                    cells[4 * s + 2] = i;
                }
            }
        }
    }

    /**
     * A fresh id probed for and its value slot written, {@value #BATCH} per call.
     *
     * @param t the table.
     * @return a checksum of the slots found.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long newId(final Table t, final CpuTime cpu) {
        final long start = CpuTime.now();
        final long sum = newIds(t);
        cpu.add(start, BATCH);
        return sum;
    }

    static long newIds(final Table t) {
        final int mask = t.mask;
        long sum = 0;
        if (t.highs != null) {
            final long[] highs = t.highs;
            final long[] lows = t.lows;
            final long[] values = t.values;
            int carry = 0;
            for (int n = 0; n < BATCH; n++) {
                final long high = mix(t.next++);
                final long low = mix(t.next++) ^ carry;
                int s = slot(high, low, mask);
                while (highs[s] != 0 || lows[s] != 0) {
                    s = (s + 1) & mask;
                }
                values[s] = n;
                carry = s & 1;
                sum += s;
            }
            return sum;
        }
        final long[] cells = t.cells;
        if ("INTERLEAVED".equals(t.layout)) {
            int carry = 0;
            for (int n = 0; n < BATCH; n++) {
                final long high = mix(t.next++);
                final long low = mix(t.next++) ^ carry;
                final int s = probe(cells, high, low, mask, n);
                carry = s & 1;
                sum += s;
            }
            return sum;
        }
        int carry = 0;
        for (int n = 0; n < BATCH; n += PREFETCH) {
            long touch = 0;
            for (int k = 0; k < PREFETCH; k++) {
                t.batchHigh[k] = mix(t.next++);
                t.batchLow[k] = mix(t.next++) ^ carry;
                touch += cells[4 * slot(t.batchHigh[k], t.batchLow[k], mask)];
            }
            sum += touch & 1;
            for (int k = 0; k < PREFETCH; k++) {
                final int s = probe(cells, t.batchHigh[k], t.batchLow[k], mask, n + k);
                carry = s & 1;
                sum += s;
            }
        }
        return sum;
    }

    private static int probe(final long[] cells, final long high, final long low, final int mask, final int value) {
        int s = slot(high, low, mask);
        while (cells[4 * s] != 0 || cells[4 * s + 1] != 0) {
            s = (s + 1) & mask;
        }
        cells[4 * s + 2] = value;
        return s;
    }

    /** The engine's slot function. */
    static int slot(final long high, final long low, final int mask) {
        long x = high * 0x9E3779B97F4A7C15L ^ low;
        x = (x ^ (x >>> 33)) * 0xFF51AFD7ED558CCDL;
        x = (x ^ (x >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return (int)(x ^ (x >>> 33)) & mask;
    }

    static long mix(final long v) {
        long x = v;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        x = x ^ (x >>> 31);
        return x == 0 ? 1 : x;
    }
}

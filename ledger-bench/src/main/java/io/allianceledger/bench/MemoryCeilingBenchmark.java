package io.allianceledger.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The machine's own limit for the state machine's random accesses: reads at random positions of a 256 MiB
 * table, far larger than any cache. {@code independentReads} lets the CPU overlap misses (the best a hash probe
 * per command can do); {@code dependentReads} chases a random cycle so each miss waits for the previous one (the
 * latency of one miss). A command that must touch k uncached lines cannot go faster than k of these.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MemoryCeilingBenchmark {
    static final int BATCH = 1_000;
    /** 2^26 ints, 256 MiB. */
    static final int SIZE = 1 << 26;

    /** A random single-cycle permutation (Sattolo's algorithm) of the table's positions. */
    @State(Scope.Thread)
    public static class Table {
        /** Ints in the table; the smoke test makes it small. */
        int size = SIZE;
        int[] next;
        int cursor;
        long seed = 0x9E3779B97F4A7C15L;

        /** Builds the cycle. */
        @Setup(Level.Trial)
        public void build() {
            next = new int[size];
            for (int i = 0; i < size; i++) {
                next[i] = i;
            }
            final SplittableRandom random = new SplittableRandom(7);
            for (int i = size - 1; i > 0; i--) {
                final int j = random.nextInt(i);
                final int t = next[i];
                next[i] = next[j];
                next[j] = t;
            }
        }
    }

    /**
     * Reads at positions from a cheap generator that does not depend on the values read, so misses overlap.
     *
     * @param t the table.
     * @return the sum of what was read.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long independentReads(final Table t, final CpuTime cpu) {
        final long start = CpuTime.now();
        final int[] next = t.next;
        long x = t.seed;
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            sum += next[(int)(x >>> 33) & (next.length - 1)];
        }
        t.seed = x;
        cpu.add(start, BATCH);
        return sum;
    }

    /**
     * Follows the cycle: each read's position is the previous read's value.
     *
     * @param t the table.
     * @return where it stopped.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int dependentReads(final Table t, final CpuTime cpu) {
        final long start = CpuTime.now();
        final int[] next = t.next;
        int at = t.cursor;
        for (int i = 0; i < BATCH; i++) {
            at = next[at];
        }
        t.cursor = at;
        cpu.add(start, BATCH);
        return at;
    }

    /**
     * {@link #dependentReads} in a JVM whose heap is backed by transparent huge pages: the miss without most of its
     * TLB miss, the ceiling for the state-machine benchmarks run with huge pages.
     *
     * @param t   the table.
     * @param cpu CPU time.
     * @return where it stopped.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseTransparentHugePages"})
    public int dependentReadsHugePages(final Table t, final CpuTime cpu) {
        return dependentReads(t, cpu);
    }
}

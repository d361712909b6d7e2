package io.allianceledger.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A second clock for the single-threaded benchmarks: the benchmark thread's CPU time, so a shared machine's time
 * slicing (another process running while ours waits for a core) does not count against the code measured. JMH
 * reports {@code cpuNanos} and {@code cpuOps} per iteration as secondary results; {@link Report} divides them into
 * operations per CPU-second beside the wall-clock figure. Sharing the caches and the memory bus with other
 * processes still counts: only the waiting for a core is taken out.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds the benchmark thread spent in measured calls this iteration. */
    public long cpuNanos;
    /** Operations those calls performed. */
    public long cpuOps;

    /** Clears the counters for the iteration. */
    @Setup(Level.Iteration)
    public void reset() {
        cpuNanos = 0;
        cpuOps = 0;
    }

    /** @return this thread's CPU time in nanoseconds. */
    static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Counts a measured call.
     *
     * @param start {@link #now()} when it started.
     * @param ops   operations it performed.
     */
    void add(final long start, final long ops) {
        cpuNanos += now() - start;
        cpuOps += ops;
    }
}

package io.allianceledger.bench;

import io.allianceledger.ledger.Journal;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.WaitMode;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The full path of an embedded ledger: a host builds transfer commands, {@code submitAll} encodes them into ring
 * slots and stamps them, the journal stage writes them while the logic stage applies them, and the result stage
 * completes each future; the host checks every result. Hosts submit batches of {@value #BATCH} and keep
 * {@value HostBatches#WINDOW} batches in flight, so the figure is the sustained rate, not one batch's latency.
 * Measured with one and with two host threads, without a journal and with the Chronicle journal in each
 * durability mode; compare with {@link RingCeilingBenchmark}, the same ring with handlers that do nothing, and with
 * {@link JournalAppendBenchmark#plainMappedFile}, the same bytes appended to a plain mapped file.
 * <p>
 * On a 2-core machine the pipeline's three threads and the hosts share two cores, and the pipeline threads use
 * the default {@link WaitMode#SLEEPING}. The ledger lives for the whole fork and grows by every command.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class PipelineBenchmark {
    /** Commands per {@code submitAll}. */
    static final int BATCH = 256;
    /** Accounts in the ledger. */
    static final int ACCOUNTS = 1_000;

    /** The ledger, shared by the host threads. */
    @State(Scope.Benchmark)
    public static class Pipeline {
        /**
         * Where commands are journaled: {@code NONE} is {@link Journal#NONE}, the pipeline without a journal;
         * {@code PAGE_CACHE} and {@code SYNC_PER_BATCH} the Chronicle journal in that durability mode (see
         * {@link Journals}), in the temporary directory or under {@code -Dledger.bench.dir}.
         */
        @Param({"NONE", "PAGE_CACHE", "SYNC_PER_BATCH"})
        public String journal;

        Path dir;
        Ledger ledger;
        long[] accountIds;

        /** Opens the ledger and its accounts. */
        @Setup(Level.Trial)
        public void open() {
            dir = Journals.freshDirectory("pipeline-");
            ledger = Ledgers.open(Journals.open(journal, dir), WaitMode.SLEEPING, ACCOUNTS);
            accountIds = Ledgers.accountIds(ACCOUNTS);
        }

        /** Drains and closes it, and deletes the journal. */
        @TearDown(Level.Trial)
        public void close() {
            ledger.close();
            Journals.delete(dir);
        }
    }

    /** One host thread's batches. */
    @State(Scope.Thread)
    public static class Host {
        HostBatches batches;

        /** Starts the host's id range. */
        @Setup(Level.Trial)
        public void start(final Pipeline p) {
            batches = new HostBatches(p.accountIds, BATCH);
        }

        /** Waits for what is in flight, so each iteration's commands are done within it, and checks them. */
        @TearDown(Level.Iteration)
        public void drain() {
            batches.drain();
        }
    }

    /**
     * One host thread submitting batches of {@value #BATCH} transfers.
     *
     * @param p the ledger.
     * @param h this thread's batches.
     */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public void oneHost(final Pipeline p, final Host h) {
        h.batches.submitBatch(p.ledger);
    }

    /**
     * Two host threads, each submitting batches of {@value #BATCH} transfers; the score is their sum.
     *
     * @param p the ledger.
     * @param h this thread's batches.
     */
    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public void twoHosts(final Pipeline p, final Host h) {
        h.batches.submitBatch(p.ledger);
    }
}

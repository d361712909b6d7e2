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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The state machine alone, on one thread: {@code StateMachine.apply} on commands encoded before the measured
 * loop, with strictly increasing timestamps and a fresh id per command (nothing is a retry). Every command must
 * be {@code CREATED}; the tear-down fails the run otherwise.
 * <p>
 * The machine keeps every accepted command (record log and id index), so it grows with every operation. Each
 * iteration therefore starts from a freshly loaded machine (built outside the timing, then a GC), and the
 * figure includes the amortized cost of that growth: record-log chunks and id-index rehashes, as a long-running
 * ledger pays them. Iterations are one second, so an iteration holds at most (rate x 1 s) commands: about
 * 200 bytes each for a transfer, hence the 6 GiB heap.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
public class StateMachineBenchmark {
    /** Commands applied per invocation of a benchmark method. */
    static final int BATCH = 1_000;
    /** Accounts of the plain-ledger benchmarks. */
    static final int ACCOUNTS = 1_000;

    /** A plain ledger of {@value #ACCOUNTS} accounts and a stream of transfers between uniformly drawn pairs. */
    @State(Scope.Thread)
    public static class Transfers {
        Machines machines;
        TransferStream transfers;

        /** Loads a fresh machine. */
        @Setup(Level.Iteration)
        public void load() {
            machines = null;
            System.gc();
            machines = Machines.withAccounts(ACCOUNTS);
            transfers = new TransferStream(machines.accountIds, Distribution.UNIFORM, 1 << 16, 42);
        }

        /** Fails the run if any measured transfer was rejected. */
        @TearDown(Level.Iteration)
        public void check() {
            machines.checkNoneRejected("transfer");
        }
    }

    /**
     * A posted two-leg transfer between two of {@value #ACCOUNTS} accounts, drawn uniformly: checks, four total
     * updates with undo records, the record appended and the id indexed.
     *
     * @param s the machine and the transfers.
     * @return the last result code's ordinal, so nothing is dead code.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int transfer(final Transfers s) {
        final Machines m = s.machines;
        final TransferStream t = s.transfers;
        for (int i = 0; i < BATCH; i++) {
            t.next(m.nextId());
            m.apply(t.command, 0, TransferStream.LENGTH);
        }
        return m.result.code().ordinal();
    }
}

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The state-machine benchmarks at 1,000, 100,000 and 10,000,000 accounts, with accounts drawn uniformly or
 * Zipfian (a few hot accounts, scattered over the table): what the account table's size and the access pattern
 * do to the cost of a command once the working set leaves the caches.
 * <p>
 * The accounts are loaded once per fork (10 million take several seconds and about 3 GiB), and iterations do not
 * reset the machine, so it grows by every accepted command across the fork; hence the 8 GiB heap and the short
 * runs. The draws cycle through a pool of 2^20 pairs.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
public class ScaleBenchmark {
    /** Commands applied per invocation. */
    static final int BATCH = 1_000;

    /** A plain ledger of {@code accounts} accounts and transfers drawn by {@code distribution}. */
    @State(Scope.Thread)
    public static class Transfers {
        /** Accounts open in the ledger. */
        @Param({"1000", "100000", "10000000"})
        public int accounts;

        /** How the accounts of each transfer are drawn. */
        @Param({"UNIFORM", "ZIPF"})
        public Distribution distribution;

        Machines machines;
        TransferStream transfers;

        /** Opens the accounts. */
        @Setup(Level.Trial)
        public void load() {
            machines = Machines.withAccounts(accounts);
            transfers = new TransferStream(machines.accountIds, distribution, 1 << 20, 4242);
            System.gc();
        }

        /** Fails the run if any measured transfer was rejected. */
        @TearDown(Level.Iteration)
        public void check() {
            machines.checkNoneRejected("transfer at scale");
        }
    }

    /**
     * A posted two-leg transfer between two accounts drawn from {@code accounts} by {@code distribution}.
     *
     * @param s the machine and the transfers.
     * @return the last result code's ordinal.
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

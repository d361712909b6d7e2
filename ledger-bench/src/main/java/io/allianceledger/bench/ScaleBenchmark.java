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

import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.TimeUnit;

/**
 * The state-machine benchmarks at 1,000, 100,000 and 10,000,000 accounts, with accounts drawn uniformly or
 * Zipfian (a few hot accounts, scattered over the table): what the account table's size and the access pattern
 * do to the cost of a command once the working set leaves the caches.
 * <p>
 * For accruals the accounts are members' points accounts (one per member), with 1,000 stores; the draws pick the
 * member and the store, so under ZIPF a few hot stores take most accruals, and a few members most lots.
 * <p>
 * The accounts are loaded once per fork (10 million take several seconds and several GiB), and iterations do not
 * reset the machine, so it grows by every accepted command across the fork; hence the heap of up to 12 GiB (10
 * million members take about 6.4 GB before the first accrual: see {@code MemoryFootprint}) and the short runs. The
 * draws cycle through a pool of 2^20.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
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
    public int transfer(final Transfers s, final CpuTime cpu) {
        final long start = CpuTime.now();
        final Machines m = s.machines;
        final TransferStream t = s.transfers;
        for (int i = 0; i < BATCH; i++) {
            t.next(m.nextId());
            m.apply(t.command, 0, TransferStream.LENGTH);
        }
        cpu.add(start, BATCH);
        return m.result.code().ordinal();
    }

    /** Stores of the accrual benchmark. */
    static final int STORES = 1_000;

    /** An alliance of {@code accounts} members and {@value #STORES} stores, members and stores drawn by {@code distribution}. */
    @State(Scope.Thread)
    public static class Accruals {
        /** Members (each with one points account). */
        @Param({"1000", "100000", "10000000"})
        public int accounts;

        /** How the member and the store of each accrual are drawn. */
        @Param({"UNIFORM", "ZIPF"})
        public Distribution distribution;

        /** Rows the domain's tables are sized for up front; the smoke test makes it small. */
        int capacity = 1 << 20;
        Alliances alliance;
        UnsafeBuffer accrual;
        int[] memberDraws;
        int[] storeDraws;
        int cursor;
        long time = Alliances.T0;

        /** Registers the members and stores. */
        @Setup(Level.Trial)
        public void load() {
            alliance = Alliances.open(accounts, STORES, capacity);
            accrual = Alliances.accrualTemplate();
            memberDraws = distribution.draw(accounts, 1 << 20, 77);
            storeDraws = distribution.draw(STORES, 1 << 20, 78);
            System.gc();
        }

        /** Fails the run if any measured accrual was rejected. */
        @TearDown(Level.Iteration)
        public void check() {
            alliance.m.checkNoneRejected("accrual at scale");
        }
    }

    /**
     * An accrual of 100 points for a member at a store, both drawn from {@code distribution}; see
     * {@link StateMachineBenchmark#accrual}.
     *
     * @param s the alliance and the draws.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int accrual(final Accruals s, final CpuTime cpu) {
        final long start = CpuTime.now();
        final Machines m = s.alliance.m;
        final long[] members = s.alliance.members;
        final long[] stores = s.alliance.stores;
        for (int i = 0; i < BATCH; i++) {
            final int k = s.cursor++ & ((1 << 20) - 1);
            Alliances.accrue(s.accrual, m.nextId(), members[s.memberDraws[k]], stores[s.storeDraws[k]], s.time++);
            m.apply(s.accrual, 0, 64);
        }
        cpu.add(start, BATCH);
        return m.result.code().ordinal();
    }
}

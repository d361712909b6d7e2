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

import org.agrona.concurrent.UnsafeBuffer;

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
 * <p>
 * The alliance operations run on {@link Alliances}' standard alliance (1,000 members, 100 stores under one HQ
 * under two agents). Operations that use something up (a redemption consumes lots, a refund a sale's remaining
 * amount, a sweep expired lots) run in single-shot mode: each iteration loads a fresh machine with exactly what
 * its commands will consume, then times one call applying all of them; their score is time per operation.
 * <p>
 * Every benchmark also reports the thread's CPU time ({@link CpuTime}), for a figure that a shared machine's time
 * slicing does not distort.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
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

    /**
     * {@link #transfer} in a JVM that backs its heap with transparent huge pages ({@code
     * -XX:+UseTransparentHugePages}; the kernel here has THP in {@code madvise} mode, so the JVM uses them only when
     * asked): fewer TLB misses on the id index and account tables.
     *
     * @param s   the machine and the transfers.
     * @param cpu CPU time.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages"})
    public int transferHugePages(final Transfers s, final CpuTime cpu) {
        return transfer(s, cpu);
    }

    /** Alliance members in the domain benchmarks. */
    static final int MEMBERS = 1_000;
    /** Alliance stores in the domain benchmarks. */
    static final int STORES = 100;
    /** Redemptions of one lot per single-shot iteration. */
    static final int REDEMPTIONS = 200_000;
    /** Redemptions of three lots per single-shot iteration. */
    static final int REDEMPTIONS_3 = 100_000;
    /** Partial refunds per single-shot iteration: four of 2,000 fen against each of a quarter as many sales. */
    static final int REFUNDS = 200_000;
    /** Lots swept per single-shot iteration. */
    static final int SWEPT_LOTS = 256 * 1024;
    /** Lots each sweep command processes. */
    static final int LOTS_PER_SWEEP = 1024;

    /** Draws of members and stores for the throughput-mode alliance benchmarks. */
    @State(Scope.Thread)
    public static class Alliance {
        /** Rows the domain's tables are sized for up front; the smoke test makes it small. */
        int capacity = 1 << 20;
        Alliances alliance;
        UnsafeBuffer accrual;
        UnsafeBuffer sale;
        int[] memberDraws;
        int[] storeDraws;
        int cursor;
        long time;

        /** Registers a fresh alliance. */
        @Setup(Level.Iteration)
        public void load() {
            alliance = null;
            System.gc();
            alliance = Alliances.open(MEMBERS, STORES, capacity);
            accrual = Alliances.accrualTemplate();
            sale = alliance.saleTemplate();
            memberDraws = Distribution.UNIFORM.draw(MEMBERS, 1 << 16, 11);
            storeDraws = Distribution.UNIFORM.draw(STORES, 1 << 16, 13);
            time = Alliances.T0;
        }

        /** Fails the run if any measured command was rejected. */
        @TearDown(Level.Iteration)
        public void check() {
            alliance.m.checkNoneRejected("alliance operation");
        }
    }

    /**
     * An accrual: a member earns 100 points at a store (uniform draws). Looks up the member, the store and the rule
     * version in force, computes the value at the issue price, creates a lot (linked last in the member's list, queued
     * for expiry), an accrual record and an operation-index entry, and posts one generated entry across both assets
     * (four legs; five when the member repays a debt).
     *
     * @param s the alliance.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int accrual(final Alliance s, final CpuTime cpu) {
        final long start = CpuTime.now();
        final Machines m = s.alliance.m;
        final long[] members = s.alliance.members;
        final long[] stores = s.alliance.stores;
        for (int i = 0; i < BATCH; i++) {
            final int k = s.cursor++ & 0xFFFF;
            Alliances.accrue(s.accrual, m.nextId(), members[s.memberDraws[k]], stores[s.storeDraws[k]], s.time++);
            m.apply(s.accrual, 0, 64);
        }
        cpu.add(start, BATCH);
        return m.result.code().ordinal();
    }

    /**
     * {@link #accrual} with transparent huge pages, as {@link #transferHugePages}.
     *
     * @param s   the alliance.
     * @param cpu CPU time.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    @Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages"})
    public int accrualHugePages(final Alliance s, final CpuTime cpu) {
        return accrual(s, cpu);
    }

    /**
     * A sale of 100.00 CNY settled through a channel at a store (uniform draws): the fee (300 bps, at most 500 bps of
     * the amount) split by largest remainder over five parties (the store's HQ, its two agents, the operator, the
     * store the rest), the channel transaction id checked for duplicates and kept, and one generated entry posted.
     *
     * @param s the alliance.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int saleSplit(final Alliance s, final CpuTime cpu) {
        final long start = CpuTime.now();
        final Machines m = s.alliance.m;
        final long[] stores = s.alliance.stores;
        for (int i = 0; i < BATCH; i++) {
            final int k = s.cursor++ & 0xFFFF;
            Alliances.sale(s.sale, m.nextId(), stores[s.storeDraws[k]], s.time++);
            m.apply(s.sale, 0, Alliances.SALE_LENGTH);
        }
        cpu.add(start, BATCH);
        return m.result.code().ordinal();
    }

    /** Members holding lots of 100 points, for redemptions (single shot: reloaded every iteration). */
    @State(Scope.Thread)
    public static class Lots {
        Alliances alliance;
        UnsafeBuffer redeemOne;
        UnsafeBuffer redeemThree;
        UnsafeBuffer sweep;

        void load(final int lots) {
            alliance = null;
            System.gc();
            alliance = Alliances.open(MEMBERS, STORES, lots);
            alliance.loadLots(lots);
            redeemOne = Alliances.redemptionTemplate(Alliances.LOT_POINTS);
            redeemThree = Alliances.redemptionTemplate(3 * Alliances.LOT_POINTS);
            sweep = Alliances.sweepTemplate(LOTS_PER_SWEEP);
        }

        /** Fails the run if any measured command was rejected. */
        @TearDown(Level.Iteration)
        public void check() {
            alliance.m.checkNoneRejected("lots");
        }
    }

    /** Lots for {@value #REDEMPTIONS} one-lot redemptions. */
    @State(Scope.Thread)
    public static class LotsForOne extends Lots {
        /** Loads them. */
        @Setup(Level.Iteration)
        public void loadForOne() {
            load(REDEMPTIONS);
        }
    }

    /** Lots for {@value #REDEMPTIONS_3} three-lot redemptions. */
    @State(Scope.Thread)
    public static class LotsForThree extends Lots {
        /** Loads them. */
        @Setup(Level.Iteration)
        public void loadForThree() {
            load(3 * REDEMPTIONS_3);
        }
    }

    /** Lots, all expired by the sweep's time, for {@value #SWEPT_LOTS} lots swept. */
    @State(Scope.Thread)
    public static class LotsToSweep extends Lots {
        /** Loads them. */
        @Setup(Level.Iteration)
        public void loadToSweep() {
            load(SWEPT_LOTS);
        }
    }

    /**
     * A redemption that consumes exactly one lot (100 points from a member whose lots are all 100): member, store and
     * rule lookups, the walk of the member's lot list from its head, the lot emptied and unlinked, a redemption
     * record with one piece, and one generated entry (points back to the operator, CNY owed to the store).
     * Single shot: time per redemption.
     *
     * @param s lots to redeem.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    @OperationsPerInvocation(REDEMPTIONS)
    public int redeemOneLot(final LotsForOne s, final CpuTime cpu) {
        final long start = CpuTime.now();
        final int r = redeem(s, s.redeemOne, REDEMPTIONS);
        cpu.add(start, REDEMPTIONS);
        return r;
    }

    /**
     * A redemption that consumes exactly three lots (300 points), as {@link #redeemOneLot} otherwise: three lots
     * emptied and unlinked, three pieces. Single shot: time per redemption.
     *
     * @param s lots to redeem.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    @OperationsPerInvocation(REDEMPTIONS_3)
    public int redeemThreeLots(final LotsForThree s, final CpuTime cpu) {
        final long start = CpuTime.now();
        final int r = redeem(s, s.redeemThree, REDEMPTIONS_3);
        cpu.add(start, REDEMPTIONS_3);
        return r;
    }

    /**
     * {@link #redeemThreeLots} with transparent huge pages, as {@link #transferHugePages}.
     *
     * @param s   lots to redeem.
     * @param cpu CPU time.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    @OperationsPerInvocation(REDEMPTIONS_3)
    @Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g", "-XX:+UseTransparentHugePages"})
    public int redeemThreeLotsHugePages(final LotsForThree s, final CpuTime cpu) {
        return redeemThreeLots(s, cpu);
    }

    static int redeem(final Lots s, final UnsafeBuffer command, final int count) {
        final Machines m = s.alliance.m;
        final long[] members = s.alliance.members;
        final long[] stores = s.alliance.stores;
        for (int i = 0; i < count; i++) {
            Alliances.redeem(command, m.nextId(), members[i % MEMBERS], stores[i % STORES]);
            m.apply(command, 0, 56);
        }
        return m.result.code().ordinal();
    }

    /**
     * The expiry sweep, per lot: sweeps of {@value #LOTS_PER_SWEEP} expired lots each (lots spread over 1,000
     * members), each popping its lots from the expiry queue, expiring them, and posting the expired points per
     * member (entries of up to 63 member legs) and the breakage. Single shot: time per lot swept.
     *
     * @param s expired lots.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    @OperationsPerInvocation(SWEPT_LOTS)
    public int expirySweepPerLot(final LotsToSweep s, final CpuTime cpu) {
        final long start = CpuTime.now();
        final int r = sweep(s, SWEPT_LOTS);
        cpu.add(start, SWEPT_LOTS);
        return r;
    }

    static int sweep(final Lots s, final int lots) {
        final Machines m = s.alliance.m;
        for (int i = 0; i < lots / LOTS_PER_SWEEP; i++) {
            Alliances.sweep(s.sweep, m.nextId());
            m.apply(s.sweep, 0, 40);
        }
        return m.result.code().ordinal();
    }

    /** Sales of 100.00 CNY, each to be refunded four times 20.00 (single shot: reloaded every iteration). */
    @State(Scope.Thread)
    public static class Sales {
        Alliances alliance;
        long[] sales;
        UnsafeBuffer refund;

        /** Settles the sales. */
        @Setup(Level.Iteration)
        public void load() {
            load(REFUNDS);
        }

        void load(final int refunds) {
            alliance = null;
            System.gc();
            alliance = Alliances.open(10, STORES, refunds);
            sales = alliance.loadSales(refunds / 4);
            refund = Alliances.refundTemplate(Alliances.SALE_AMOUNT / 5);
        }

        /** Fails the run if any measured refund was rejected. */
        @TearDown(Level.Iteration)
        public void check() {
            alliance.m.checkNoneRejected("refund");
        }
    }

    /**
     * A partial refund of a sale (20.00 of 100.00 CNY, never the last part): the sale found through the operation
     * index, the amount taken back from each of the five parties and the channel pro rata to their remaining parts
     * (largest remainder), the sale's remaining parts updated, one generated entry. Single shot: time per refund.
     *
     * @param s sales to refund.
     * @return the last result code's ordinal.
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, batchSize = 1)
    @Measurement(iterations = 5, batchSize = 1)
    @OperationsPerInvocation(REFUNDS)
    public int partialRefund(final Sales s, final CpuTime cpu) {
        final long start = CpuTime.now();
        final int r = refund(s, REFUNDS);
        cpu.add(start, REFUNDS);
        return r;
    }

    static int refund(final Sales s, final int count) {
        final Machines m = s.alliance.m;
        final long[] sales = s.sales;
        for (int i = 0; i < count; i++) {
            Alliances.refund(s.refund, m.nextId(), Machines.ID_HIGH, sales[i % sales.length]);
            m.apply(s.refund, 0, Alliances.REFUND_LENGTH);
        }
        return m.result.code().ordinal();
    }
}

package io.allianceledger.bench;

import io.allianceledger.journal.DocumentGrouping;
import io.allianceledger.journal.Durability;
import io.allianceledger.ledger.WaitMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each benchmark's set-up, one call of its measured method and its tear-down run once, small, so a broken
 * benchmark fails the build rather than the next benchmark run. Nothing here is timed.
 */
class BenchmarkSetupSmokeTest {
    @Test
    void stateMachineTransfer() {
        final StateMachineBenchmark.Transfers s = new StateMachineBenchmark.Transfers();
        s.load();
        new StateMachineBenchmark().transfer(s, new CpuTime());
        s.check();
        assertEquals(StateMachineBenchmark.ACCOUNTS + StateMachineBenchmark.BATCH + 1, s.machines.machine.recordCount());
    }

    @Test
    void allianceThroughputOperations() {
        final StateMachineBenchmark.Alliance s = new StateMachineBenchmark.Alliance();
        s.capacity = 4096;
        s.load();
        new StateMachineBenchmark().accrual(s, new CpuTime());
        new StateMachineBenchmark().saleSplit(s, new CpuTime());
        s.check();
    }

    @Test
    void allianceSingleShotOperationsOnSmallLoads() {
        final StateMachineBenchmark.Lots one = new StateMachineBenchmark.Lots();
        one.load(3_000);
        StateMachineBenchmark.redeem(one, one.redeemOne, 3_000);
        one.check();
        final StateMachineBenchmark.Lots three = new StateMachineBenchmark.Lots();
        three.load(3_000);
        StateMachineBenchmark.redeem(three, three.redeemThree, 1_000);
        three.check();
        final StateMachineBenchmark.Lots expired = new StateMachineBenchmark.Lots();
        expired.load(4 * StateMachineBenchmark.LOTS_PER_SWEEP);
        StateMachineBenchmark.sweep(expired, 4 * StateMachineBenchmark.LOTS_PER_SWEEP);
        expired.check();
        final StateMachineBenchmark.Sales sales = new StateMachineBenchmark.Sales();
        sales.load(4_000);
        StateMachineBenchmark.refund(sales, 4_000);
        sales.check();
    }

    @Test
    void scaleTransferBothDistributions() {
        for (final Distribution d : Distribution.values()) {
            final ScaleBenchmark.Transfers s = new ScaleBenchmark.Transfers();
            s.accounts = 1000;
            s.distribution = d;
            s.load();
            new ScaleBenchmark().transfer(s, new CpuTime());
            s.check();
            final ScaleBenchmark.Accruals a = new ScaleBenchmark.Accruals();
            a.accounts = 1000;
            a.capacity = 4096;
            a.distribution = d;
            a.load();
            new ScaleBenchmark().accrual(a, new CpuTime());
            a.check();
        }
    }

    @Test
    void cpuTimeCountsOperationsAndNanoseconds() {
        final CpuTime cpu = new CpuTime();
        cpu.reset();
        final StateMachineBenchmark.Transfers s = new StateMachineBenchmark.Transfers();
        s.load();
        new StateMachineBenchmark().transfer(s, cpu);
        assertEquals(StateMachineBenchmark.BATCH, cpu.cpuOps);
        assertTrue(cpu.cpuNanos > 0);
    }

    @Test
    void zipfDrawsAreSkewedAndInRange() {
        final int[] draws = Distribution.ZIPF.draw(1000, 100_000, 1);
        final int[] counts = new int[1000];
        for (final int d : draws) {
            counts[d]++;
        }
        final int[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        // The hottest account takes far more than a uniform share (100), the coldest far less.
        assertTrue(sorted[999] > 5_000, "hottest " + sorted[999]);
        assertTrue(sorted[0] < 50, "coldest " + sorted[0]);
    }

    @Test
    void codecEncodesEveryKind() {
        for (final String kind : CodecBenchmark.KINDS) {
            final CodecBenchmark.Encode s = new CodecBenchmark.Encode();
            s.command = kind;
            s.build();
            assertEquals(s.value.encodedLength(), new CodecBenchmark().encode(s), kind);
        }
    }

    @Test
    void pipelineOneHostWithEveryJournal() {
        for (final String journal : List.of("NONE", "PAGE_CACHE", "SYNC_PER_BATCH")) {
            final PipelineBenchmark.Pipeline p = new PipelineBenchmark.Pipeline();
            p.journal = journal;
            p.open();
            try {
                final PipelineBenchmark.Host h = new PipelineBenchmark.Host();
                h.start(p);
                for (int i = 0; i < 10; i++) {
                    new PipelineBenchmark().oneHost(p, h);
                }
                h.drain();
            } finally {
                p.close();
            }
            assertFalse(java.nio.file.Files.exists(p.dir), "journal directory deleted");
        }
    }

    @Test
    void journalAppendEveryModeAndTheCeilings() throws Exception {
        for (final Durability d : Durability.values()) {
            for (final DocumentGrouping g : DocumentGrouping.values()) {
                final JournalAppendBenchmark.JournalState s = new JournalAppendBenchmark.JournalState();
                s.durability = d;
                s.grouping = g;
                s.open();
                try {
                    new JournalAppendBenchmark().journal(s);
                } finally {
                    s.close();
                }
            }
        }
        final JournalAppendBenchmark.MappedState m = new JournalAppendBenchmark.MappedState();
        m.open();
        try {
            new JournalAppendBenchmark().plainMappedFile(m);
            new JournalAppendBenchmark().plainMappedFileForcedPerBatch(m);
        } finally {
            m.close();
        }
    }

    @Test
    void replayEveryWayOnASmallJournal() throws Exception {
        final ReplayBenchmark.Journaled j = new ReplayBenchmark.Journaled();
        j.transfers = 2_048;
        j.write();
        try {
            final long n = 1 + ReplayBenchmark.ACCOUNTS + 2_048;
            assertEquals(n, new ReplayBenchmark().recover(j));
            assertEquals(n, new ReplayBenchmark().replayInto(j));
            assertEquals(n, new ReplayBenchmark().verifyOnly(j));
            assertEquals(n, new ReplayBenchmark().applyFromMemory(j));
            new ReplayBenchmark().readFilesOnly(j);
        } finally {
            j.delete();
        }
    }

    @Test
    void journalFramesEncodeAndDecode() {
        final JournalCodecBenchmark.Frames f = new JournalCodecBenchmark.Frames();
        f.command = "TRANSFER";
        f.build();
        assertEquals(160, new JournalCodecBenchmark().frameEncode(f));
        assertEquals(1, new JournalCodecBenchmark().frameDecode(f));
    }

    @Test
    void ringCeilingBothTopologies() {
        for (final String topology : List.of("ONE_HANDLER", "LEDGER_TOPOLOGY")) {
            final RingCeilingBenchmark.Ring r = new RingCeilingBenchmark.Ring();
            r.topology = topology;
            r.start();
            try {
                final RingCeilingBenchmark.Host h = new RingCeilingBenchmark.Host();
                for (int i = 0; i < 10; i++) {
                    new RingCeilingBenchmark().oneHost(r, h);
                }
            } finally {
                r.stop();
            }
        }
    }

    @Test
    void memoryCeiling() {
        final MemoryCeilingBenchmark.Table t = new MemoryCeilingBenchmark.Table();
        t.size = 1 << 12;
        t.build();
        new MemoryCeilingBenchmark().independentReads(t, new CpuTime());
        new MemoryCeilingBenchmark().dependentReads(t, new CpuTime());
    }

    @Test
    void idIndexLayouts() {
        for (final String layout : List.of("PARALLEL_ARRAYS", "INTERLEAVED", "INTERLEAVED_PREFETCHED")) {
            final IdIndexLayoutBenchmark.Table t = new IdIndexLayoutBenchmark.Table();
            t.layout = layout;
            t.capacity = 1 << 14;
            t.fill();
            new IdIndexLayoutBenchmark().newId(t, new CpuTime());
        }
    }

    @Test
    void latencyHarnessDriverRunsOneShortLoad() throws Exception {
        try (var ledger = Ledgers.open(Journals.open("NONE", null), WaitMode.SLEEPING, 100)) {
            final LatencyHarness.Run run = new LatencyHarness.Driver(ledger, Ledgers.accountIds(100))
                .run("NONE", WaitMode.SLEEPING, 2_000, 1);
            assertEquals(2_000, run.commands());
            assertEquals(0, run.rejected());
            assertEquals(2_000, run.latency().getTotalCount());
            assertFalse(LatencyHarness.json(List.of(run)).isEmpty());
        }
    }

    @Test
    void memoryFootprintMeasuresAndBreaksDown() {
        final MemoryFootprint.Footprint f = MemoryFootprint.accounts(10_000, false);
        assertEquals(10_000, f.count());
        assertEquals(5, f.breakdown().size());
        final MemoryFootprint.Footprint lots = MemoryFootprint.lots(10_000);
        assertEquals(8, lots.breakdown().size());
        assertFalse(MemoryFootprint.json(List.of(f, lots)).isEmpty());
    }

    @Test
    void jvmFlagsWereFilteredIntoTheJar() {
        assertTrue(JvmFlags.forThisJvm().contains("--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED"));
    }
}

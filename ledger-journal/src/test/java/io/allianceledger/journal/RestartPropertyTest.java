package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.ledger.Ledger;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Property: however a run is cut by restarts (clean close and reopen, with grouping, durability, snapshot interval
 * and retention changing between runs) and whatever snapshots are taken on demand, the final state hash equals
 * that of a reference state machine that applied the same commands at the same timestamps without restarting.
 * <p>
 * {@code -Dledger.test.seed=N} reruns a failing seed; {@code -Dledger.test.trials=N} changes the number of trials.
 */
class RestartPropertyTest {
    @TempDir
    Path root;

    @Test
    void finalStateEqualsAReferenceRunWithoutRestarts() {
        final long seed = Long.getLong("ledger.test.seed", System.nanoTime());
        final int trials = Integer.getInteger("ledger.test.trials", 12);
        System.out.println("RestartPropertyTest seed " + seed + " (rerun with -Dledger.test.seed=" + seed + ")");
        final SplittableRandom seeds = new SplittableRandom(seed);
        for (int trial = 0; trial < trials; trial++) {
            final long trialSeed = seeds.nextLong();
            runTrial(root.resolve("trial-" + trial), trialSeed, "seed " + seed + ", trial " + trial
                + " (trial seed " + trialSeed + ")");
        }
    }

    private static void runTrial(final Path dir, final long trialSeed, final String context) {
        final SplittableRandom random = new SplittableRandom(trialSeed);
        final int total = 200 + random.nextInt(4_000);
        final Workload workload = new Workload(trialSeed, 1);
        final List<Command> commands = new ArrayList<>(Workload.setup());
        while (commands.size() < total) {
            commands.add(workload.next());
        }
        // Small steps keep one cycle; steps of seconds make hourly cycles roll within the trial.
        final long step = random.nextBoolean() ? 1 + random.nextInt(5_000_000) : 1_000_000_000L + random.nextLong(5_000_000_000L);
        final TestClock clock = new TestClock(TestClock.START, step);

        int next = 0;
        int restarts = 0;
        int snapshots = 0;
        String hash = null;
        while (next < commands.size()) {
            final JournalConfig config = Fixtures.config(dir)
                .grouping(random.nextBoolean() ? DocumentGrouping.PER_BATCH : DocumentGrouping.PER_COMMAND)
                .durability(random.nextInt(5) == 0 ? Durability.SYNC_PER_BATCH : Durability.PAGE_CACHE)
                .snapshotInterval(random.nextBoolean() ? 0 : 20 + random.nextInt(400))
                .snapshotsToKeep(1 + random.nextInt(3))
                .rollCycle(JournalRollCycle.HOURLY)
                .build();
            try (Ledger ledger = Fixtures.open(config, clock)) {
                if (hash != null) {
                    assertEquals(hash, Fixtures.hash(ledger), "state after restart " + restarts + ", " + context);
                }
                final int runEnd = Math.min(commands.size(), next + 1 + random.nextInt(commands.size() / 3 + 1));
                while (next < runEnd) {
                    final int n = Math.min(runEnd - next, 1 + random.nextInt(random.nextBoolean() ? 4 : 80));
                    final var futures = ledger.submitAll(commands.subList(next, next + n));
                    next += n;
                    if (random.nextInt(10) == 0) {
                        // Not waiting for the results first: the snapshot may run before the journal caught up.
                        assertEquals(next, ledger.snapshot().join().longValue(), context);
                        snapshots++;
                    }
                    futures.forEach(java.util.concurrent.CompletableFuture::join);
                }
                hash = Fixtures.hash(ledger);
            }
            restarts++;
        }
        // The reference: the same commands, the timestamps the ledger gave them (the clock is read once per
        // command, at ingress), no journal, no restart.
        final StateMachine reference = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[4096]);
        final CommandResult result = new CommandResult();
        for (int i = 0; i < commands.size(); i++) {
            final int length = commands.get(i).encode(buffer, 0);
            reference.apply(buffer, 0, length, TestClock.START + (i + 1) * step, result);
        }
        assertEquals(reference.stateHash(), hash, "final state vs reference, " + context + ", " + restarts
            + " restarts, " + snapshots + " snapshots on demand");
        // And the last restart restores the same state again, from snapshot and journal.
        try (Ledger ledger = Fixtures.open(Fixtures.config(dir).build(), clock)) {
            assertEquals(reference.stateHash(), Fixtures.hash(ledger), "after the final reopen, " + context);
        }
        assertEquals(reference.stateHash(), Fixtures.fullReplay(dir, null).stateHash(), "full replay, " + context);
        System.out.println(context + ": " + commands.size() + " commands, " + restarts + " restarts, " + snapshots
            + " snapshots on demand, " + JournalQueue.cycleFiles(dir.resolve("journal")).size() + " cycle files");
    }
}

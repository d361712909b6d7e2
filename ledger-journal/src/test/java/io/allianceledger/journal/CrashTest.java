package io.allianceledger.journal;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.ledger.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Kills a child JVM that is writing the ledger, with SIGKILL ({@link Process#destroyForcibly()}) at random
 * moments (while recovering, submitting, snapshotting, rolling cycles), at least {@value #KILLS} times. After each
 * kill the directory is reopened and checked: every acknowledged command is in the journal at the sequence its
 * result gave, every linked batch is all there or all absent, the invariants hold, and the state restored from
 * snapshot plus journal equals a fresh replay of the whole journal.
 * <p>
 * Seed: {@code -Dledger.test.seed=N} reproduces the kill schedule (not the exact kill points, which depend on
 * timing).
 */
class CrashTest {
    static final int KILLS = 22;
    /** Commands the children submit in all, across runs: bounds the journal, so each check stays quick. */
    static final long MAX_COMMANDS = 60_000;

    @TempDir
    Path dir;

    static JournalConfig config(final Path dir, final DocumentGrouping grouping, final Durability durability) {
        return JournalConfig.builder(dir, Fixtures.LEDGER)
            .maxAccounts(Fixtures.MAX_ACCOUNTS)
            .grouping(grouping)
            .durability(durability)
            .rollCycle(JournalRollCycle.HOURLY)
            .snapshotInterval(1_000)
            .snapshotsToKeep(3)
            .build();
    }

    @Test
    void everyAcknowledgedCommandSurvivesSigkill() throws Exception {
        final long seed = Long.getLong("ledger.test.seed", System.nanoTime());
        System.out.println("CrashTest seed " + seed + " (rerun with -Dledger.test.seed=" + seed + ")");
        final SplittableRandom random = new SplittableRandom(seed);
        final Path ledgerDir = dir.resolve("ledger");
        int kills = 0;
        int killedBeforeReady = 0;
        int tornTails = 0;
        int fromSnapshot = 0;
        // A runaway guard, not a speed check: ~110 s on a quiet 2-core machine, several times that when shared.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(900);
        for (int run = 1; kills < KILLS; run++) {
            assertTrue(System.nanoTime() < deadline, "no progress: only " + kills + " kills in 900 s (seed " + seed + ")");
            final DocumentGrouping grouping = random.nextBoolean() ? DocumentGrouping.PER_BATCH : DocumentGrouping.PER_COMMAND;
            final Durability durability = random.nextInt(4) == 0 ? Durability.SYNC_PER_BATCH : Durability.PAGE_CACHE;
            final Path acks = dir.resolve("acks-" + run + ".txt");
            final Path log = dir.resolve("child-" + run + ".log");
            final Process child = start(ledgerDir, acks, log, random.nextLong(), run, grouping, durability);
            final boolean early = run > 1 && random.nextInt(8) == 0;
            if (early) {
                // Kill it while it recovers.
                Thread.sleep(300 + random.nextInt(900));
            } else {
                awaitReady(child, log, seed);
                Thread.sleep(100 + random.nextInt(1_400));
            }
            if (!child.isAlive()) {
                fail("run " + run + " ended before it was killed (seed " + seed + "):\n" + Files.readString(log));
            }
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            kills++;
            killedBeforeReady += early && !Files.readString(log).contains("READY") ? 1 : 0;
            final Check check = check(ledgerDir, seed, run);
            tornTails += check.torn ? 1 : 0;
            fromSnapshot += check.snapshot ? 1 : 0;
            System.out.println("run " + run + " " + grouping + "/" + durability + " killed; journal holds "
                + check.records + " records, " + check.acks + " acks checked" + (check.torn ? ", torn tail voided" : "")
                + (check.snapshot ? ", restored from a snapshot" : ""));
        }
        System.out.println("CrashTest seed " + seed + ": " + kills + " kills (" + killedBeforeReady
            + " during recovery), " + tornTails + " torn tails voided, " + fromSnapshot + " recoveries from a snapshot, "
            + JournalQueue.cycleFiles(ledgerDir.resolve("journal")).size() + " cycle files");
        assertTrue(kills >= 20);
    }

    private Process start(final Path ledgerDir, final Path acks, final Path log, final long seed, final int run,
        final DocumentGrouping grouping, final Durability durability) throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        final String flags = System.getProperty("ledger.jvm.flags", "");
        for (final String flag : flags.trim().split("\\s+")) {
            if (!flag.isEmpty()) {
                command.add(flag);
            }
        }
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashChild.class.getName());
        command.add(ledgerDir.toString());
        command.add(acks.toString());
        command.add(Long.toString(seed));
        command.add(Integer.toString(run));
        command.add(grouping.name());
        command.add(durability.name());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void awaitReady(final Process child, final Path log, final long seed) throws Exception {
        final long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            if (Files.exists(log) && Files.readString(log).contains("READY")) {
                return;
            }
            if (!child.isAlive()) {
                fail("the child died before it was ready (seed " + seed + "):\n" + Files.readString(log));
            }
            Thread.sleep(20);
        }
        child.destroyForcibly();
        fail("the child was not ready within 60 s (seed " + seed + "):\n" + Files.readString(log));
    }

    private record Check(long records, long acks, boolean torn, boolean snapshot) {
    }

    /** Reopens the directory as the next writer would and checks everything the test promises. */
    private Check check(final Path ledgerDir, final long seed, final int run) throws IOException {
        final String context = " (seed " + seed + ", after run " + run + ")";
        final ChronicleJournal journal = ChronicleJournal.open(config(ledgerDir, DocumentGrouping.PER_BATCH,
            Durability.PAGE_CACHE));
        final Journal.Recovered recovered;
        final RecoveryReport report;
        try {
            recovered = journal.recover(() -> new StateMachine(64, Fixtures.MAX_ACCOUNTS));
            report = journal.recoveryReport();
        } finally {
            journal.close();
        }
        final StateMachine machine = recovered.machine();
        final long records = recovered.nextSequence();

        // The restored state equals a fresh replay of the journal, and the invariants hold.
        final StateMachine replayed = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
        final Map<Long, CommandId> idAt = new HashMap<>();
        final List<Long> wanted = new ArrayList<>();
        final List<String[]> ackLines = new ArrayList<>();
        final List<String[]> batches = new ArrayList<>();
        for (int r = 1; r <= run; r++) {
            final Path acks = dir.resolve("acks-" + r + ".txt");
            if (Files.exists(acks)) {
                for (final String line : Files.readAllLines(acks)) {
                    final String[] f = line.split(" ");
                    if (f[0].equals("A") && f.length == 5) {
                        ackLines.add(f);
                        wanted.add(Long.parseLong(f[1]));
                    } else if (f[0].equals("B")) {
                        batches.add(f);
                    }
                    // A line cut by the kill is not an acknowledgement that reached the host.
                }
            }
        }
        final java.util.Set<Long> wantedSet = new java.util.HashSet<>(wanted);
        final io.allianceledger.engine.CommandResult result = new io.allianceledger.engine.CommandResult();
        JournalReader.open(ledgerDir).replay(0, Long.MAX_VALUE, (seq, ts, buf, off, len) -> {
            replayed.apply(buf, off, len, ts, result);
            if (wantedSet.contains(seq)) {
                final boolean batch = (buf.getShort(off + CommandLayout.TYPE_OFFSET) & 0xFFFF) == CommandLayout.TYPE_LINKED_BATCH;
                final int at = off + (batch ? CommandLayout.BATCH_ITEMS_OFFSET : 0);
                idAt.put(seq, new CommandId(buf.getLong(at + CommandLayout.ID_HIGH_OFFSET),
                    buf.getLong(at + CommandLayout.ID_LOW_OFFSET)));
            }
            return true;
        });
        assertEquals(records, replayed.commandCount(), "records" + context);
        assertEquals(replayed.stateHash(), machine.stateHash(), "restored state vs full replay" + context);
        assertEquals(Optional.empty(), machine.findViolation(), "invariants" + context);

        // Every acknowledged command is in the journal, at the sequence its result named.
        for (final String[] f : ackLines) {
            final long seq = Long.parseLong(f[1]);
            assertTrue(seq < records, "acknowledged sequence " + seq + " lost; journal holds " + records + context);
            assertEquals(new CommandId(Long.parseLong(f[2]), Long.parseLong(f[3])), idAt.get(seq),
                "command at sequence " + seq + context);
        }
        // Linked batches, acknowledged or not, are all there or all absent.
        for (final String[] f : batches) {
            int present = 0;
            final int items = (f.length - 1) / 2;
            for (int i = 0; i < items; i++) {
                final CommandId id = new CommandId(Long.parseLong(f[1 + 2 * i]), Long.parseLong(f[2 + 2 * i]));
                present += machine.entry(id).isPresent() ? 1 : 0;
            }
            assertTrue(present == 0 || present == items, "linked batch half applied: " + String.join(" ", f) + context);
        }
        return new Check(records, ackLines.size(), report.voidedNow() != null, report.snapshot() != null);
    }
}

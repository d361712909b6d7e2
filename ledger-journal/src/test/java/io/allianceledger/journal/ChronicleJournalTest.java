package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class ChronicleJournalTest {
    @TempDir
    Path dir;

    private static List<Command> commands(final long seed, final int n) {
        final Workload w = new Workload(seed, 1);
        final List<Command> list = new ArrayList<>(Workload.setup());
        for (int i = 0; i < n; i++) {
            list.add(w.next());
        }
        return list;
    }

    @ParameterizedTest
    @EnumSource(DocumentGrouping.class)
    void reopeningRestoresTheStateByFullReplay(final DocumentGrouping grouping) {
        final TestClock clock = new TestClock();
        final JournalConfig config = Fixtures.config(dir).grouping(grouping).build();
        final List<Command> commands = commands(1, 2_000);
        final String hash;
        try (Ledger ledger = Fixtures.open(config, clock)) {
            final List<Result> results = Fixtures.submitAll(ledger, commands);
            assertEquals(commands.size() - 1, results.get(results.size() - 1).sequence());
            assertTrue(results.stream().anyMatch(r -> r.code() == ResultCode.CREATED));
            assertTrue(results.stream().anyMatch(r -> !r.isSuccess()), "the workload has rejections too");
            hash = Fixtures.hash(ledger);
        }
        final ChronicleJournal journal = ChronicleJournal.open(config);
        try (Ledger ledger = Ledger.open(io.allianceledger.ledger.LedgerConfig.builder().journal(journal).clock(clock)
            .initialAccounts(64).maxAccounts(Fixtures.MAX_ACCOUNTS).build())) {
            assertEquals(hash, Fixtures.hash(ledger));
            final RecoveryReport report = journal.recoveryReport();
            assertNull(report.snapshot());
            assertEquals(commands.size(), report.replayed());
            assertNull(report.voidedNow());
            assertEquals(Fixtures.LEDGER, report.scan().ledgerName());
            // The ledger goes on from the next sequence.
            final Result next = ledger.execute(PostEntry.transfer(CommandId.of(99_999_999), Workload.account(1, 0),
                Workload.account(1, 1), 5));
            assertEquals(commands.size(), next.sequence());
            assertEquals(ResultCode.CREATED, next.code());
            assertEquals(Fixtures.hash(ledger), Fixtures.fullReplay(dir, null).stateHash());
            assertEquals(Optional.empty(), ledger.findViolation().join());
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void snapshotsShortenRecoveryAndRestoreTheSameState(final Durability durability) {
        final TestClock clock = new TestClock();
        final JournalConfig config = Fixtures.config(dir).durability(durability).snapshotInterval(500)
            .snapshotsToKeep(2).build();
        final List<Command> commands = commands(2, 1_700);
        final String hash;
        try (Ledger ledger = Fixtures.open(config, clock)) {
            Fixtures.submitAll(ledger, commands.subList(0, 1_200));
            assertEquals(1_200L, ledger.snapshot().join());
            Fixtures.submitAll(ledger, commands.subList(1_200, commands.size()));
            hash = Fixtures.hash(ledger);
        }
        // Interval snapshots at 500 and 1000, one on demand at 1200, and 1500: two kept.
        final List<SnapshotInfo> snapshots = JournalReader.open(dir).snapshots();
        assertEquals(List.of(1_500L, 1_200L), snapshots.stream().map(SnapshotInfo::sequence).toList());
        final ChronicleJournal journal = ChronicleJournal.open(config);
        try (Ledger ledger = Ledger.open(io.allianceledger.ledger.LedgerConfig.builder().journal(journal).clock(clock)
            .initialAccounts(64).maxAccounts(Fixtures.MAX_ACCOUNTS).build())) {
            assertEquals(hash, Fixtures.hash(ledger));
            assertEquals(dir.resolve("snapshots").resolve(SnapshotFile.name(1_500)), journal.recoveryReport().snapshot());
            assertEquals(commands.size() - 1_500, journal.recoveryReport().replayed());
        }
        assertEquals(hash, Fixtures.fullReplay(dir, null).stateHash());
        // The snapshot's recorded hash is the state after exactly its sequence.
        final StateMachine at1500 = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
        final JournalReader reader = JournalReader.open(dir);
        reader.replay(0, Long.MAX_VALUE, (seq, ts, buf, off, len) -> {
            if (seq >= 1_500) {
                return false;
            }
            at1500.apply(buf, off, len, ts, new io.allianceledger.engine.CommandResult());
            return true;
        });
        assertEquals(snapshots.get(0).stateHash(), at1500.stateHash());
        assertEquals(at1500.stateHash(), reader.loadSnapshot(snapshots.get(0)).stateHash());
    }

    @Test
    void syncPerBatchForcesEveryBatch() {
        final TestClock clock = new TestClock();
        final JournalConfig config = Fixtures.config(dir).durability(Durability.SYNC_PER_BATCH).build();
        final ChronicleJournal journal = ChronicleJournal.open(config);
        try (Ledger ledger = Ledger.open(io.allianceledger.ledger.LedgerConfig.builder().journal(journal).clock(clock)
            .initialAccounts(64).maxAccounts(Fixtures.MAX_ACCOUNTS).build())) {
            for (final Command c : Workload.setup()) {
                ledger.execute(c);
            }
            // One command at a time: every command is its own batch, and each was forced before its result.
            assertEquals(Workload.setup().size(), journal.syncCount());
        }
    }

    @Test
    void aSecondWriterIsRefused() {
        final JournalConfig config = Fixtures.config(dir).build();
        final ChronicleJournal first = ChronicleJournal.open(config);
        try {
            final IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChronicleJournal.open(config));
            assertTrue(e.getMessage().contains("already open"), e.getMessage());
        } finally {
            first.close();
        }
        ChronicleJournal.open(config).close();
    }

    @Test
    void anotherLedgersJournalIsRefused() {
        final TestClock clock = new TestClock();
        try (Ledger ledger = Fixtures.open(Fixtures.config(dir).build(), clock)) {
            Fixtures.submitAll(ledger, Workload.setup());
        }
        final JournalConfig other = JournalConfig.builder(dir, "someone-else").maxAccounts(Fixtures.MAX_ACCOUNTS).build();
        final JournalMismatchException e = assertThrows(JournalMismatchException.class,
            () -> ChronicleJournal.open(other).recover(StateMachine::new));
        assertTrue(e.getMessage().contains("belongs to ledger 'test-ledger', not 'someone-else'"), e.getMessage());
        final JournalConfig limit = Fixtures.config(dir).maxAccounts(10).build();
        assertThrows(JournalMismatchException.class, () -> ChronicleJournal.open(limit).recover(StateMachine::new));
        // A refused open leaves the directory unlocked.
        ChronicleJournal.open(Fixtures.config(dir).build()).close();
    }

    @Test
    void cyclesRollByEngineTimeAndEachStartsWithAHeader() {
        final TestClock clock = new TestClock();
        final JournalConfig config = Fixtures.config(dir).rollCycle(JournalRollCycle.HOURLY).build();
        final List<Command> commands = commands(3, 300);
        try (Ledger ledger = Fixtures.open(config, clock)) {
            for (int i = 0; i < 3; i++) {
                Fixtures.submitAll(ledger, commands.subList(i * 100, (i + 1) * 100));
                clock.advance(3_600_000_000_000L);
            }
        }
        assertEquals(3, JournalQueue.cycleFiles(dir.resolve("journal")).size());
        try (Ledger ledger = Fixtures.open(config, clock)) {
            Fixtures.submitAll(ledger, commands.subList(300, commands.size()));
            assertEquals(Fixtures.hash(ledger), Fixtures.fullReplay(dir, null).stateHash());
        }
        assertEquals(4, JournalQueue.cycleFiles(dir.resolve("journal")).size());
        final ScanReport report = JournalReader.open(dir).verify();
        assertEquals(commands.size(), report.nextSequence());
        assertTrue(report.complete());
    }

    @Test
    void aKeyedJournalNeedsItsKey() throws Exception {
        final byte[] key = "0123456789abcdef-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        final TestClock clock = new TestClock();
        final String hash;
        try (Ledger ledger = Fixtures.open(Fixtures.config(dir).hmacKey(key).build(), clock)) {
            Fixtures.submitAll(ledger, commands(4, 200));
            ledger.snapshot().join();
            hash = Fixtures.hash(ledger);
        }
        assertEquals(hash, Fixtures.fullReplay(dir, key).stateHash());
        assertThrows(JournalMismatchException.class, () -> JournalReader.open(dir).verify());
        final byte[] wrong = key.clone();
        wrong[0] ^= 1;
        final JournalMismatchException e = assertThrows(JournalMismatchException.class,
            () -> JournalReader.open(dir, wrong).verify());
        assertTrue(e.getMessage().contains("the key is wrong"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("snapshots").resolve(SnapshotFile.name(commands(4, 200).size()))));
    }
}

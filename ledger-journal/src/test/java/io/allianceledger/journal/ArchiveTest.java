package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.journal.audit.AuditReport;
import io.allianceledger.journal.audit.JournalAudit;
import io.allianceledger.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The archiving procedure of docs/operations.md: old cycle files moved away once a snapshot covers them. */
class ArchiveTest {
    @TempDir
    Path dir;
    @TempDir
    Path archive;

    @Test
    void aJournalWhoseOldCyclesWereArchivedOpensFromASnapshot() throws Exception {
        final TestClock clock = new TestClock();
        final JournalConfig config = Fixtures.config(dir).rollCycle(JournalRollCycle.HOURLY).snapshotsToKeep(5).build();
        final Workload w = new Workload(41, 41);
        long snapshotSequence = 0;
        try (Ledger ledger = Fixtures.open(config, clock)) {
            Fixtures.submitAll(ledger, Workload.setup());
            for (int hour = 0; hour < 4; hour++) {
                final List<Command> commands = new ArrayList<>();
                for (int i = 0; i < 150; i++) {
                    commands.add(w.next());
                }
                Fixtures.submitAll(ledger, commands);
                if (hour == 2) {
                    snapshotSequence = ledger.snapshot().join();
                }
                clock.advance(3_600_000_000_000L);
            }
        }
        final String hash = Fixtures.fullReplay(dir, null).stateHash();
        final List<Path> cycles = JournalQueue.cycleFiles(dir.resolve("journal"));
        assertEquals(4, cycles.size());
        // The snapshot was taken at the end of the third hour: the first three cycle files hold only records
        // before it, and the fourth starts at its sequence. Archive the first three.
        for (final Path cycle : cycles.subList(0, 3)) {
            Files.move(cycle, archive.resolve(cycle.getFileName()));
        }
        final ScanReport remaining = JournalReader.open(dir).verify();
        assertEquals(snapshotSequence, remaining.firstSequence());

        final String after;
        try (Ledger ledger = Fixtures.open(config, clock)) {
            assertEquals(hash, Fixtures.hash(ledger));
            Fixtures.submitAll(ledger, List.of(w.next(), w.next()));
            after = Fixtures.hash(ledger);
        }
        final AuditReport audit = JournalAudit.of(dir).run();
        assertTrue(audit.ok(), audit.toString());
        assertEquals(snapshotSequence, audit.firstSequence());
        assertNotNull(audit.startSnapshot());

        // Without the snapshot the remaining journal cannot be replayed, and opening says why.
        for (final SnapshotInfo s : JournalReader.open(dir).snapshots()) {
            Files.move(s.file(), archive.resolve(s.file().getFileName()));
        }
        final JournalCorruptException e = assertThrows(JournalCorruptException.class,
            () -> ChronicleJournal.open(config).recover(StateMachine::new));
        assertTrue(e.reason().contains("starts at sequence " + snapshotSequence), e.getMessage());
        // Putting the archived cycles back restores the full history; a read-only reader asks for the writer to
        // refresh Chronicle's listing first rather than silently skipping them.
        for (final Path cycle : cycles.subList(0, 3)) {
            Files.move(archive.resolve(cycle.getFileName()), cycle);
        }
        final IllegalStateException stale = assertThrows(IllegalStateException.class,
            () -> JournalReader.open(dir).verify());
        assertTrue(stale.getMessage().contains("open the ledger for writing once"), stale.getMessage());
        final ChronicleJournal journal = ChronicleJournal.open(config);
        try {
            assertEquals(after, journal.recover(() -> new StateMachine(64, Fixtures.MAX_ACCOUNTS)).machine().stateHash());
            assertNull(journal.recoveryReport().snapshot(), "full replay from the restored start");
            assertEquals(0, journal.recoveryReport().scan().firstSequence());
        } finally {
            journal.close();
        }
        assertEquals(0, JournalReader.open(dir).verify().firstSequence());
    }
}

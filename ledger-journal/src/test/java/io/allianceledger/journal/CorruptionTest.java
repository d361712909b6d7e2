package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.engine.MachineDriver;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.ledger.Journal;
import io.allianceledger.ledger.Ledger;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Damage to journal and snapshot files: each kind is detected with an error naming the file, the Chronicle index
 * and the reason, and nothing after the damage is applied; only a torn final batch is discarded by itself.
 */
class CorruptionTest {
    private static final int BATCH = 20;

    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();

    /** Writes {@code batches} batches of {@link #BATCH} commands; returns the state hash after each batch. */
    private List<String> write(final JournalConfig config, final int batches, final long seed) {
        final Workload w = new Workload(seed, seed);
        final List<String> hashes = new ArrayList<>();
        try (Ledger ledger = Fixtures.open(config, clock)) {
            Fixtures.submitAll(ledger, Workload.setup());
            hashes.add(Fixtures.hash(ledger));
            for (int b = 0; b < batches; b++) {
                final List<Command> batch = new ArrayList<>();
                for (int i = 0; i < BATCH; i++) {
                    batch.add(w.next());
                }
                Fixtures.submitAll(ledger, batch);
                hashes.add(Fixtures.hash(ledger));
            }
        }
        return hashes;
    }

    private JournalConfig config(final DocumentGrouping grouping) {
        return Fixtures.config(dir).grouping(grouping).build();
    }

    private static Journal.Recovered recover(final JournalConfig config, final ChronicleJournal[] out) {
        final ChronicleJournal journal = ChronicleJournal.open(config);
        out[0] = journal;
        return journal.recover(() -> new StateMachine(64, Fixtures.MAX_ACCOUNTS));
    }

    private void assertOpenFails(final JournalConfig config, final Class<? extends JournalException> type,
        final String reasonPart, final Surgery.Doc at) {
        final JournalException e = assertThrows(type, () -> ChronicleJournal.open(config)
            .recover(() -> new StateMachine(64, Fixtures.MAX_ACCOUNTS)));
        assertTrue(e.getMessage().contains(reasonPart), e.getMessage());
        if (at != null && e instanceof JournalCorruptException c) {
            assertEquals(at.file(), c.file(), e.getMessage());
            assertEquals(at.index(), c.index(), e.getMessage());
        }
        // The reader refuses it the same way, and the failed open released the directory.
        assertThrows(type, () -> JournalReader.open(dir).verify());
        ChronicleJournal.open(config).close();
    }

    @ParameterizedTest
    @EnumSource(DocumentGrouping.class)
    void aFlippedBitInARecordBodyStopsTheOpen(final DocumentGrouping grouping) {
        write(config(grouping), 10, 1);
        final List<Surgery.Doc> docs = Surgery.commandDocuments(dir);
        final Surgery.Doc victim = docs.get(docs.size() / 2);
        Surgery.flipBit(victim.file(), victim.position() + Frames.COMMAND_BYTES_OFFSET + 9, 3);
        assertOpenFails(config(grouping), JournalCorruptException.class, "CRC32C mismatch", victim);
    }

    @Test
    void aTruncatedCycleFileIsDetectedBeforeItIsMapped() {
        write(config(DocumentGrouping.PER_COMMAND), 5, 2);
        final List<Surgery.Doc> docs = Surgery.documents(dir);
        final Surgery.Doc middle = docs.get(docs.size() / 2);
        Surgery.truncate(middle.file(), middle.position() + 17);
        final JournalCorruptException e = assertThrows(JournalCorruptException.class,
            () -> ChronicleJournal.open(config(DocumentGrouping.PER_COMMAND)).recover(StateMachine::new));
        assertTrue(e.reason().contains("truncated"), e.getMessage());
        assertEquals(middle.file(), e.file());
        assertThrows(JournalCorruptException.class, () -> JournalReader.open(dir).verify());
    }

    @Test
    void aDeletedMiddleRecordIsDetected() {
        write(config(DocumentGrouping.PER_COMMAND), 5, 3);
        final List<Surgery.Doc> docs = Surgery.documents(dir);
        final int k = middleCommandPair(docs);
        final long missing = docs.get(k).firstSequence();
        assertEquals(Frames.KIND_COMMAND, docs.get(k).kindOfFirstFrame());
        final List<byte[]> payloads = new ArrayList<>(docs.stream().map(Surgery.Doc::bytes).toList());
        payloads.remove(k);
        Surgery.rewrite(dir, payloads, docs.get(0).cycle() * 86_400_000L);
        final Surgery.Doc after = Surgery.documents(dir).get(k);
        assertOpenFails(config(DocumentGrouping.PER_COMMAND), JournalCorruptException.class,
            "sequence " + (missing + 1) + " where " + missing + " was expected: records are missing", after);
    }

    @Test
    void aReorderedPairIsDetected() {
        write(config(DocumentGrouping.PER_COMMAND), 5, 4);
        final List<Surgery.Doc> docs = Surgery.documents(dir);
        final int k = middleCommandPair(docs);
        final long expected = docs.get(k).firstSequence();
        final List<byte[]> payloads = new ArrayList<>(docs.stream().map(Surgery.Doc::bytes).toList());
        Collections.swap(payloads, k, k + 1);
        Surgery.rewrite(dir, payloads, docs.get(0).cycle() * 86_400_000L);
        assertOpenFails(config(DocumentGrouping.PER_COMMAND), JournalCorruptException.class,
            "sequence " + (expected + 1) + " where " + expected + " was expected", Surgery.documents(dir).get(k));
    }

    @Test
    void aDeletionWithRenumberedSequencesBreaksTheChain() {
        write(config(DocumentGrouping.PER_COMMAND), 5, 5);
        final List<Surgery.Doc> docs = Surgery.documents(dir);
        final int k = middleCommandPair(docs);
        final List<byte[]> payloads = new ArrayList<>();
        long shift = 0;
        for (int i = 0; i < docs.size(); i++) {
            if (i == k) {
                shift = 1;
                continue;
            }
            final byte[] doc = docs.get(i).bytes().clone();
            final UnsafeBuffer b = new UnsafeBuffer(doc);
            // Move every later sequence down (COMMAND and COMMIT alike) and fix the CRCs: only the chain is left.
            if (shift > 0 && docs.get(i).kindOfFirstFrame() == Frames.KIND_COMMAND) {
                b.putLong(Frames.COMMAND_SEQUENCE_OFFSET, b.getLong(Frames.COMMAND_SEQUENCE_OFFSET) - shift);
            } else if (shift > 0 && docs.get(i).kindOfFirstFrame() == Frames.KIND_COMMIT) {
                b.putLong(Frames.COMMIT_FIRST_SEQUENCE_OFFSET, b.getLong(Frames.COMMIT_FIRST_SEQUENCE_OFFSET) - shift);
            }
            payloads.add(Surgery.fixCrcs(doc));
        }
        Surgery.rewrite(dir, payloads, docs.get(0).cycle() * 86_400_000L);
        assertOpenFails(config(DocumentGrouping.PER_COMMAND), JournalCorruptException.class, "chain hash mismatch",
            Surgery.documents(dir).get(k));
    }

    @Test
    void onlyTheHmacChainResistsAForgerWhoRecomputesHashes() {
        // Without a key, a forger who knows the format can re-chain a journal with a record removed.
        write(config(DocumentGrouping.PER_COMMAND), 3, 6);
        final List<Surgery.Doc> plain = Surgery.documents(dir);
        Surgery.rewrite(dir, Surgery.rechain(plain, Surgery.dropRecord(middleCommandPair(plain)), null),
            plain.get(0).cycle() * 86_400_000L);
        assertEquals(plain.stream().filter(d -> d.kindOfFirstFrame() == Frames.KIND_COMMAND).count() - 1,
            JournalReader.open(dir).verify().nextSequence());

        // With a key, the same forgery fails, whether the forger keeps the HMAC marking or strips it.
        Surgery.deleteRecursively(dir);
        final byte[] key = "k3y-of-the-alliance-operator".getBytes(StandardCharsets.UTF_8);
        final JournalConfig keyed = Fixtures.config(dir).grouping(DocumentGrouping.PER_COMMAND).hmacKey(key).build();
        write(keyed, 3, 6);
        final List<Surgery.Doc> docs = Surgery.documents(dir);
        final byte[] guess = "a-key-the-forger-guessed".getBytes(StandardCharsets.UTF_8);
        final int k = middleCommandPair(docs);
        // Keeping the history before the edit and re-chaining after it under a guessed key: caught at the edit.
        Surgery.rewrite(dir, Surgery.rechain(docs, Surgery.dropRecord(k), guess, k), docs.get(0).cycle() * 86_400_000L);
        final JournalCorruptException e = assertThrows(JournalCorruptException.class,
            () -> JournalReader.open(dir, key).verify());
        assertTrue(e.reason().contains("HMAC mismatch"), e.getMessage());
        assertEquals(Surgery.documents(dir).get(k).index(), e.index());
        // Re-chaining everything under a guessed key: it reads as the wrong key, which no repair ever voids.
        Surgery.rewrite(dir, Surgery.rechain(docs, Surgery.dropRecord(k), guess), docs.get(0).cycle() * 86_400_000L);
        final JournalMismatchException wrong = assertThrows(JournalMismatchException.class,
            () -> ChronicleJournal.open(Fixtures.config(dir).hmacKey(key).repair(true).build()).recover(StateMachine::new));
        assertTrue(wrong.getMessage().contains("the key is wrong"), wrong.getMessage());
        Surgery.rewrite(dir, Surgery.rechain(docs, Surgery.stripKey(middleCommandPair(docs)), null),
            docs.get(0).cycle() * 86_400_000L);
        final JournalMismatchException m = assertThrows(JournalMismatchException.class,
            () -> JournalReader.open(dir, key).verify());
        assertTrue(m.getMessage().contains("plain SHA-256 chain but an HMAC key was given"), m.getMessage());
    }

    @Test
    void aSnapshotWithABadChecksumIsSkippedForAnOlderOne() {
        final JournalConfig config = Fixtures.config(dir).snapshotInterval(100).snapshotsToKeep(5).build();
        final List<String> hashes = write(config, 12, 7);
        final List<SnapshotInfo> snapshots = JournalReader.open(dir).snapshots();
        assertTrue(snapshots.size() >= 2, snapshots.toString());
        final SnapshotInfo newest = snapshots.get(0);
        Surgery.flipBit(newest.file(), SnapshotFile.HEADER_LENGTH + 40, 0);

        final ChronicleJournal[] journal = new ChronicleJournal[1];
        final Journal.Recovered recovered = recover(config, journal);
        try {
            final RecoveryReport report = journal[0].recoveryReport();
            assertEquals(snapshots.get(1).file(), report.snapshot());
            assertEquals(1, report.skippedSnapshots().size());
            assertTrue(report.skippedSnapshots().get(0).startsWith(newest.file().getFileName() + ": "),
                report.skippedSnapshots().toString());
            assertTrue(report.skippedSnapshots().get(0).contains("CRC32C mismatch"), report.skippedSnapshots().toString());
            assertEquals(hashes.get(hashes.size() - 1), recovered.machine().stateHash());
        } finally {
            journal[0].close();
        }
        // Every snapshot damaged: a full replay, same state.
        for (final SnapshotInfo s : snapshots) {
            Surgery.truncate(s.file(), Files.exists(s.file()) ? 300 : 0);
        }
        final Journal.Recovered full = recover(config, journal);
        try {
            assertNull(journal[0].recoveryReport().snapshot());
            assertEquals(snapshots.size(), journal[0].recoveryReport().skippedSnapshots().size());
            assertEquals(hashes.get(hashes.size() - 1), full.machine().stateHash());
        } finally {
            journal[0].close();
        }
    }

    @Test
    void aTornFinalBatchIsDiscardedAndVoided() {
        final JournalConfig config = config(DocumentGrouping.PER_BATCH);
        final List<String> hashes = write(config, 6, 8);
        final List<Surgery.Doc> docs = Surgery.documents(dir);
        final Surgery.Doc last = docs.get(docs.size() - 1);
        final long lost = last.firstSequence();
        final String before = stateBefore(lost);
        // As if the power failed while the last batch's pages were being written back.
        Surgery.overwrite(last.file(), last.position() + last.bytes().length - 100, new byte[60]);

        final ChronicleJournal[] journal = new ChronicleJournal[1];
        Journal.Recovered recovered = recover(config, journal);
        try {
            final RecoveryReport report = journal[0].recoveryReport();
            assertNotNull(report.voidedNow());
            assertFalse(report.repaired());
            assertEquals(last.index(), report.voidedNow().firstIndex());
            assertEquals(lost, recovered.nextSequence());
            assertEquals(before, recovered.machine().stateHash());
            assertNotEquals(hashes.get(hashes.size() - 1), before);
        } finally {
            journal[0].close();
        }
        // The VOID frame keeps the discarded batch out of every later read, and writing goes on after it.
        final String after;
        try (Ledger ledger = Fixtures.open(config, clock)) {
            Fixtures.submitAll(ledger, List.of(new Workload(80, 80).next(), new Workload(81, 81).next()));
            after = Fixtures.hash(ledger);
        }
        final ScanReport scan = JournalReader.open(dir).verify();
        assertEquals(1, scan.voided().size());
        assertNull(scan.tornTail());
        assertEquals(lost + 2, scan.nextSequence());
        recovered = recover(config, journal);
        try {
            assertNull(journal[0].recoveryReport().voidedNow());
            assertEquals(after, recovered.machine().stateHash());
        } finally {
            journal[0].close();
        }
    }

    @Test
    void damageInTheLastBatchIsATornTailEvenIfItsCommitReachedTheDisk() {
        // PER_COMMAND after a power loss: the last batch's COMMIT document was written back, one of its command
        // documents was not. The batch was never acknowledged; only a later batch's COMMIT would prove otherwise.
        final JournalConfig config = config(DocumentGrouping.PER_COMMAND);
        write(config, 4, 14);
        final List<Surgery.Doc> docs = Surgery.documents(dir);
        final List<Integer> commits = commitPositions(docs);
        final int lastCommit = commits.get(commits.size() - 1);
        assertEquals(docs.size() - 1, lastCommit);
        final Surgery.Doc victim = docs.get((commits.get(commits.size() - 2) + lastCommit) / 2);
        assertEquals(Frames.KIND_COMMAND, victim.kindOfFirstFrame());
        final String before = stateBefore(victim.firstSequence());
        Surgery.overwrite(victim.file(), victim.position() + Frames.COMMAND_BYTES_OFFSET, new byte[16]);
        final ChronicleJournal[] journal = new ChronicleJournal[1];
        final Journal.Recovered recovered = recover(config, journal);
        try {
            assertEquals(victim.index(), journal[0].recoveryReport().voidedNow().firstIndex());
            assertEquals(victim.firstSequence(), recovered.nextSequence());
            assertEquals(before, recovered.machine().stateHash());
        } finally {
            journal[0].close();
        }
    }

    @Test
    void damageBeforeTheLastBatchIsCorruption() {
        final JournalConfig config = config(DocumentGrouping.PER_COMMAND);
        write(config, 4, 15);
        final List<Surgery.Doc> docs = Surgery.documents(dir);
        final List<Integer> commits = commitPositions(docs);
        // The last command of the second-to-last batch: the last batch's COMMIT proves it was acknowledged.
        final Surgery.Doc victim = docs.get(commits.get(commits.size() - 2) - 1);
        assertEquals(Frames.KIND_COMMAND, victim.kindOfFirstFrame());
        Surgery.overwrite(victim.file(), victim.position() + Frames.COMMAND_BYTES_OFFSET, new byte[16]);
        assertOpenFails(config, JournalCorruptException.class, "CRC32C mismatch", victim);
    }

    /** @return a position from the middle on where two COMMAND documents follow each other (PER_COMMAND). */
    private static int middleCommandPair(final List<Surgery.Doc> docs) {
        for (int k = docs.size() / 2; k + 1 < docs.size(); k++) {
            if (docs.get(k).kindOfFirstFrame() == Frames.KIND_COMMAND
                && docs.get(k + 1).kindOfFirstFrame() == Frames.KIND_COMMAND) {
                return k;
            }
        }
        throw new AssertionError("no two COMMAND documents in a row");
    }

    /** @return the positions of the COMMIT documents (PER_COMMAND), in order. */
    private static List<Integer> commitPositions(final List<Surgery.Doc> docs) {
        final List<Integer> commits = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (docs.get(i).kindOfFirstFrame() == Frames.KIND_COMMIT) {
                commits.add(i);
            }
        }
        return commits;
    }

    /** @return the state hash after the journal's records before {@code sequence}. */
    private String stateBefore(final long sequence) {
        final StateMachine machine = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
        final io.allianceledger.engine.CommandResult result = new io.allianceledger.engine.CommandResult();
        JournalReader.open(dir).replay(0, Long.MAX_VALUE, (seq, ts, buf, off, len) -> {
            if (seq < sequence) {
                machine.apply(buf, off, len, ts, result);
            }
            return seq < sequence;
        });
        assertEquals(sequence, machine.commandCount());
        return machine.stateHash();
    }

    @Test
    void aCycleFileWhoseCreationWasInterruptedIsSetAside() throws Exception {
        final JournalConfig config = config(DocumentGrouping.PER_BATCH);
        final List<String> hashes = write(config, 2, 16);
        final Path current = JournalQueue.cycleFiles(dir.resolve("journal")).get(0);
        // The writer died rolling to the next day: Chronicle had created the file but not its header.
        final Path next = current.resolveSibling("20231115F.cq4");
        Files.write(next, new byte[0]);
        assertEquals(hashes.get(hashes.size() - 1), Fixtures.fullReplay(dir, null).stateHash(), "readers skip it");
        try (Ledger ledger = Fixtures.open(config, clock)) {
            assertEquals(hashes.get(hashes.size() - 1), Fixtures.hash(ledger));
            clock.advance(86_400_000_000_000L);
            Fixtures.submitAll(ledger, List.of(new Workload(160, 160).next()));
        }
        assertTrue(Files.exists(next.resolveSibling("20231115F.cq4.incomplete")));
        assertTrue(JournalQueue.isIncomplete(next.resolveSibling("20231115F.cq4.incomplete")));
        assertFalse(JournalQueue.isIncomplete(next), "the writer made a proper file for the new day");
        assertEquals(2, JournalQueue.cycleFiles(dir.resolve("journal")).size());
        try (Ledger ledger = Fixtures.open(config, clock)) {
            assertEquals(Fixtures.hash(ledger), Fixtures.fullReplay(dir, null).stateHash());
        }
    }

    @Test
    void bytesOfAnIncompleteDocumentAfterTheEndAreIgnored() {
        final JournalConfig config = config(DocumentGrouping.PER_BATCH);
        final List<String> hashes = write(config, 3, 9);
        final Surgery.Doc last = Surgery.documents(dir).get(Surgery.documents(dir).size() - 1);
        // A killed writer's document: its Chronicle header is still zero, its bytes half written.
        final byte[] garbage = new byte[700];
        new java.util.Random(9).nextBytes(garbage);
        Surgery.overwrite(last.file(), last.position() + last.bytes().length + 8, garbage);
        final String next;
        try (Ledger ledger = Fixtures.open(config, clock)) {
            assertEquals(hashes.get(hashes.size() - 1), Fixtures.hash(ledger));
            Fixtures.submitAll(ledger, List.of(new Workload(90, 90).next()));
            next = Fixtures.hash(ledger);
        }
        assertEquals(next, Fixtures.fullReplay(dir, null).stateHash());
    }

    @Test
    void repairDropsEverythingFromTheFirstCorruptDocumentAndSaysSo() {
        final JournalConfig config = config(DocumentGrouping.PER_COMMAND);
        final List<String> hashes = write(config, 6, 10);
        final List<Surgery.Doc> docs = Surgery.commandDocuments(dir);
        final Surgery.Doc victim = docs.get(docs.size() / 2);
        final long firstLost = victim.firstSequence();
        Surgery.flipBit(victim.file(), victim.position() + Frames.COMMAND_TIMESTAMP_OFFSET, 1);
        assertThrows(JournalCorruptException.class, () -> ChronicleJournal.open(config).recover(StateMachine::new));

        final JournalConfig repair = Fixtures.config(dir).grouping(DocumentGrouping.PER_COMMAND).repair(true).build();
        final ChronicleJournal[] journal = new ChronicleJournal[1];
        final Journal.Recovered recovered = recover(repair, journal);
        try {
            final RecoveryReport report = journal[0].recoveryReport();
            assertTrue(report.repaired());
            assertEquals(victim.index(), report.voidedNow().firstIndex());
            assertEquals(firstLost + 1, report.voidedNow().firstDroppedSequence(), "the victim fails its CRC");
            assertEquals(docs.size() - docs.indexOf(victim) - 1, report.voidedNow().droppedRecords());
            assertEquals(firstLost, recovered.nextSequence());
            final StateMachine expected = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
            JournalReader.open(dir).replayInto(expected, Long.MAX_VALUE);
            assertEquals(expected.stateHash(), recovered.machine().stateHash());
            assertEquals(firstLost, expected.commandCount());
        } finally {
            journal[0].close();
        }
        // After the repair the journal opens normally and goes on.
        try (Ledger ledger = Fixtures.open(config, clock)) {
            Fixtures.submitAll(ledger, List.of(new Workload(100, 100).next()));
        }
        assertEquals(firstLost + 1, JournalReader.open(dir).verify().nextSequence());
        assertNotEquals(hashes.get(hashes.size() - 1), Fixtures.fullReplay(dir, null).stateHash());
    }

    @Test
    void anUnknownFormatVersionIsRejectedNamingFileAndVersion() {
        write(config(DocumentGrouping.PER_COMMAND), 2, 11);
        final Surgery.Doc doc = Surgery.commandDocuments(dir).get(3);
        final byte[] bytes = doc.bytes().clone();
        new UnsafeBuffer(bytes).putShort(Frames.VERSION_OFFSET, (short)2);
        Surgery.overwrite(doc.file(), doc.position(), Surgery.fixCrcs(bytes));
        final UnsupportedJournalFormatException e = assertThrows(UnsupportedJournalFormatException.class,
            () -> ChronicleJournal.open(config(DocumentGrouping.PER_COMMAND)).recover(StateMachine::new));
        assertEquals(2, e.version());
        assertEquals(doc.file(), e.file());
        assertTrue(e.getMessage().contains("journal format version 2, which this reader does not know (it reads version 1)"),
            e.getMessage());
    }

    @Test
    void aSnapshotAheadOfTheJournalIsSetAside() {
        final JournalConfig config = config(DocumentGrouping.PER_BATCH);
        final List<String> hashes = write(config, 3, 12);
        // As if the logic thread had snapshotted commands the journal thread never wrote before the process died.
        final StateMachine ahead = Fixtures.fullReplay(dir, null);
        final MachineDriver driver = new MachineDriver(ahead, ahead.lastTimestamp());
        driver.apply(new Workload(120, 120).next());
        SnapshotFile.write(dir.resolve("snapshots"), ahead.commandCount(), ahead,
            Fixtures.LEDGER.getBytes(StandardCharsets.UTF_8), Fixtures.MAX_ACCOUNTS, null);

        final ChronicleJournal[] journal = new ChronicleJournal[1];
        final Journal.Recovered recovered = recover(config, journal);
        try {
            assertNull(journal[0].recoveryReport().snapshot());
            assertTrue(journal[0].recoveryReport().skippedSnapshots().get(0).contains("ahead of the journal"));
            assertEquals(hashes.get(hashes.size() - 1), recovered.machine().stateHash());
        } finally {
            journal[0].close();
        }
        assertTrue(Files.exists(dir.resolve("snapshots").resolve(SnapshotFile.name(ahead.commandCount()) + ".stale")));
        assertTrue(JournalReader.open(dir).snapshots().isEmpty());
    }

    @Test
    void aSnapshotOfAnotherHistoryIsSkipped() {
        final JournalConfig config = config(DocumentGrouping.PER_BATCH);
        final List<String> hashes = write(config, 3, 13);
        // Same number of commands as the journal's first 30, other timestamps: not this journal's past.
        final StateMachine other = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
        final MachineDriver driver = new MachineDriver(other, 5);
        for (final Command c : Workload.setup()) {
            driver.apply(c);
        }
        SnapshotFile.write(dir.resolve("snapshots"), other.commandCount(), other,
            Fixtures.LEDGER.getBytes(StandardCharsets.UTF_8), Fixtures.MAX_ACCOUNTS, null);
        final ChronicleJournal[] journal = new ChronicleJournal[1];
        final Journal.Recovered recovered = recover(config, journal);
        try {
            assertNull(journal[0].recoveryReport().snapshot());
            assertTrue(journal[0].recoveryReport().skippedSnapshots().get(0).contains("no longer holds"),
                journal[0].recoveryReport().skippedSnapshots().toString());
            assertEquals(hashes.get(hashes.size() - 1), recovered.machine().stateHash());
        } finally {
            journal[0].close();
        }
    }
}

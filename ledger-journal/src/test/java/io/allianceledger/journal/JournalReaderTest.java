package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class JournalReaderTest {
    @TempDir
    Path dir;

    @Test
    void pointInTimeStateMatchesTheLedgerAsItWasThen() {
        final TestClock clock = new TestClock();
        final List<Long> times = new ArrayList<>();
        final List<String> hashes = new ArrayList<>();
        final Workload w = new Workload(21, 21);
        try (Ledger ledger = Fixtures.open(Fixtures.config(dir).snapshotInterval(150).snapshotsToKeep(10).build(), clock)) {
            Fixtures.submitAll(ledger, Workload.setup());
            for (int batch = 0; batch < 30; batch++) {
                final List<Command> commands = new ArrayList<>();
                for (int i = 0; i < 1 + batch % 17; i++) {
                    commands.add(w.next());
                }
                Fixtures.submitAll(ledger, commands);
                times.add(clock.peek()); // the engine timestamp of the batch's last command
                hashes.add(Fixtures.hash(ledger));
            }
        }
        final JournalReader reader = JournalReader.open(dir);
        assertFalse(reader.snapshots().isEmpty());
        for (int i = 0; i < times.size(); i++) {
            assertEquals(hashes.get(i), reader.stateAt(times.get(i)).stateHash(), "at batch " + i);
            // Between two commands: the state after the earlier one.
            assertEquals(hashes.get(i), reader.stateAt(times.get(i) + 500).stateHash(), "just after batch " + i);
        }
        assertEquals(0, reader.stateAt(TestClock.START).commandCount(), "before the first command");
    }

    @Test
    void replayDeliversARangeInOrderAndReadsALiveJournal() {
        final TestClock clock = new TestClock();
        final Workload w = new Workload(22, 22);
        final List<Command> commands = new ArrayList<>(Workload.setup());
        for (int i = 0; i < 300; i++) {
            commands.add(w.next());
        }
        try (Ledger ledger = Fixtures.open(Fixtures.config(dir).build(), clock)) {
            Fixtures.submitAll(ledger, commands);
            // The writer is still running: a reader sees every acknowledged command.
            final JournalReader reader = JournalReader.open(dir);
            assertEquals(commands.size(), reader.verify().nextSequence());
            final List<Long> sequences = new ArrayList<>();
            final long to = TestClock.START + 200 * 1_000L;
            final ScanReport report = reader.replay(100, to, (seq, ts, buf, off, len) -> {
                assertTrue(ts <= to);
                assertEquals(commands.get((int)seq).encodedLength(), len);
                assertEquals(commands.get((int)seq) instanceof io.allianceledger.command.LinkedBatch
                    ? CommandLayout.TYPE_LINKED_BATCH : buf.getShort(off + CommandLayout.TYPE_OFFSET),
                    buf.getShort(off + CommandLayout.TYPE_OFFSET));
                sequences.add(seq);
                return true;
            });
            assertFalse(report.complete());
            assertEquals(100L, sequences.get(0));
            assertEquals(199L, sequences.get(sequences.size() - 1), "timestamps are START + 1000 * (sequence + 1)");
            assertEquals(100, sequences.size());
            // Into a machine that already holds the first 100: the rest of the journal.
            final StateMachine machine = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
            reader.replay(0, Long.MAX_VALUE, (seq, ts, buf, off, len) -> {
                if (seq < 100) {
                    machine.apply(buf, off, len, ts, new io.allianceledger.engine.CommandResult());
                }
                return seq < 100;
            });
            reader.replayInto(machine, Long.MAX_VALUE);
            assertEquals(Fixtures.hash(ledger), machine.stateHash());
        }
    }

    @Test
    void anEmptyDirectoryReadsAsAnEmptyJournal() {
        final ScanReport report = JournalReader.open(dir).verify();
        assertEquals(0, report.nextSequence());
        assertNull(report.ledgerName());
        assertEquals(0, JournalReader.open(dir).stateAt(Long.MAX_VALUE).commandCount());
    }
}

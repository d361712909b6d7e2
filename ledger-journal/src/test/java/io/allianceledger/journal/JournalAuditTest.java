package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.Books;
import io.allianceledger.engine.MachineDriver;
import io.allianceledger.engine.StateExtension;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.engine.StateReader;
import io.allianceledger.engine.StateWriter;
import io.allianceledger.journal.audit.AuditReport;
import io.allianceledger.journal.audit.JournalAudit;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.Result;
import org.agrona.DirectBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.*;

class JournalAuditTest {
    @TempDir
    Path dir;
    private final TestClock clock = new TestClock();

    private List<Result> write(final JournalConfig config, final int n) {
        final Workload w = new Workload(31, 31);
        final List<Command> commands = new ArrayList<>(Workload.setup());
        for (int i = 0; i < n; i++) {
            commands.add(w.next());
        }
        final List<Result> results = new ArrayList<>();
        try (Ledger ledger = Fixtures.open(config, clock)) {
            for (int i = 0; i < commands.size(); i += 25) {
                results.addAll(Fixtures.submitAll(ledger, commands.subList(i, Math.min(commands.size(), i + 25))));
            }
        }
        return results;
    }

    @Test
    void aHealthyJournalAuditsCleanWithItsSummary() {
        final List<Result> results = write(Fixtures.config(dir).snapshotInterval(200).snapshotsToKeep(10).build(), 900);
        final AuditReport report = JournalAudit.of(dir).run();
        assertTrue(report.ok(), report.toString());
        assertEquals(Fixtures.LEDGER, report.ledgerName());
        assertEquals(results.size(), report.commands());
        assertEquals(results.stream().filter(r -> r.code() == ResultCode.CREATED).count(), report.created());
        assertEquals(results.stream().filter(r -> r.code() == ResultCode.EXISTS).count(), report.duplicates());
        assertEquals(report.commands(), report.created() + report.duplicates() + report.rejected());
        assertTrue(report.entries() > 0 && report.entries() < report.created());
        assertEquals(results.get(0).timestamp(), report.firstTimestamp());
        assertEquals(TestClock.START + 1_000L * results.size(), report.lastTimestamp());
        assertEquals(Fixtures.fullReplay(dir, null).stateHash(), report.finalStateHash());
        assertEquals(results.size(), report.invariantChecks(), "after every command");
        assertEquals(JournalReader.open(dir).snapshots().size(), report.snapshotsChecked());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        report.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        final String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("result:            OK"), text);
        assertTrue(text.contains("commands:          " + results.size()), text);
        assertTrue(text.contains("final stateHash(): " + report.finalStateHash()), text);
    }

    @Test
    void corruptionIsReportedNotThrown() {
        write(Fixtures.config(dir).grouping(DocumentGrouping.PER_COMMAND).build(), 100);
        final Surgery.Doc victim = Surgery.commandDocuments(dir).get(40);
        Surgery.flipBit(victim.file(), victim.position() + 40, 2);
        final AuditReport report = JournalAudit.of(dir).run();
        assertFalse(report.ok());
        assertTrue(report.error().contains("CRC32C mismatch"), report.error());
        assertTrue(report.error().contains(victim.file().toString()), report.error());
    }

    @Test
    void aSnapshotThatDisagreesWithTheJournalIsAViolationAtItsSequence() {
        write(Fixtures.config(dir).build(), 100);
        // A snapshot claiming the state after 30 commands, from another history.
        final StateMachine other = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
        final MachineDriver driver = new MachineDriver(other, 5);
        for (final Command c : Workload.setup()) {
            driver.apply(c);
        }
        final Workload w = new Workload(99, 99);
        while (other.commandCount() < 30) {
            driver.apply(w.next());
        }
        SnapshotFile.write(dir.resolve("snapshots"), 30, other, Fixtures.LEDGER.getBytes(StandardCharsets.UTF_8),
            Fixtures.MAX_ACCOUNTS, null);
        final AuditReport report = JournalAudit.of(dir).run();
        assertFalse(report.ok());
        assertEquals(1, report.violations().size());
        assertEquals(29, report.violations().get(0).sequence());
        assertTrue(report.violations().get(0).description().contains(SnapshotFile.name(30)), report.toString());
    }

    @Test
    void anInvariantViolationIsReportedWithItsSequence() {
        write(Fixtures.config(dir).build(), 100);
        final AuditReport report = JournalAudit.of(dir).stateMachines(
            () -> new StateMachine(64, Fixtures.MAX_ACCOUNTS, new FailsAfter(57))).run();
        assertFalse(report.ok());
        assertNull(report.error());
        assertEquals(57, report.violations().get(0).sequence());
        assertEquals("broken after 58 commands", report.violations().get(0).description());
        // Sampling invariants every 10 commands finds it at the next sample.
        final AuditReport sampled = JournalAudit.of(dir).invariantCheckInterval(10).stateMachines(
            () -> new StateMachine(64, Fixtures.MAX_ACCOUNTS, new FailsAfter(57))).run();
        assertEquals(59, sampled.violations().get(0).sequence());
        assertEquals(13, sampled.invariantChecks(), "126 commands: 12 samples and the final state");
    }

    /** Test extension whose invariant breaks after a given number of commands. */
    private static final class FailsAfter implements StateExtension {
        private final long limit;
        private long commands;

        FailsAfter(final long limit) {
            this.limit = limit;
        }

        @Override
        public void attach(final Books books) {
        }

        @Override
        public boolean handles(final int type) {
            return false;
        }

        @Override
        public ResultCode apply(final int type, final DirectBuffer buffer, final int offset, final int length,
            final long timestamp) {
            return ResultCode.UNKNOWN_COMMAND_TYPE;
        }

        @Override
        public void beforeCommand(final long timestamp) {
            commands++;
        }

        @Override
        public void writeState(final StateWriter out) {
        }

        @Override
        public void readState(final StateReader in) {
        }

        @Override
        public Optional<String> findViolation() {
            return commands > limit ? Optional.of("broken after " + commands + " commands") : Optional.empty();
        }
    }
}

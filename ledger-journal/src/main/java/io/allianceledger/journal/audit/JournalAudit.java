package io.allianceledger.journal.audit;

import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.journal.JournalException;
import io.allianceledger.journal.JournalReader;
import io.allianceledger.journal.ScanReport;
import io.allianceledger.journal.SnapshotInfo;
import org.agrona.DirectBuffer;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Audits a ledger directory without its writer: verifies the journal's chain and every checksum, replays every
 * command into a fresh state machine and checks every invariant after each one, compares each snapshot's
 * recorded hash with the replayed state at its sequence, and reports commands, entries, first and last
 * timestamps and the final {@code stateHash()}; a violation is reported with its sequence.
 * <pre>{@code
 * AuditReport report = JournalAudit.of(Path.of("/var/lib/ledger")).run();
 * report.print(System.out);
 * }</pre>
 * Checking every invariant after every command costs O(state) per command; {@link #invariantCheckInterval} trades
 * that for speed on long journals (the final state is always checked).
 */
public final class JournalAudit {
    private final Path directory;
    private byte[] hmacKey;
    private long invariantCheckInterval = 1;
    private int maxViolations = 100;
    private Supplier<StateMachine> fresh;

    private JournalAudit(final Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** @return an audit of the ledger directory with the defaults: no key, invariants after every command. */
    public static JournalAudit of(final Path ledgerDirectory) {
        return new JournalAudit(ledgerDirectory);
    }

    /** @param key the journal's HMAC key, or null. @return this audit. */
    public JournalAudit hmacKey(final byte[] key) {
        hmacKey = key == null ? null : key.clone();
        return this;
    }

    /** @param commands check all invariants every this many commands (default 1: after each). @return this audit. */
    public JournalAudit invariantCheckInterval(final long commands) {
        if (commands < 1) {
            throw new IllegalArgumentException("invariantCheckInterval must be at least 1: " + commands);
        }
        invariantCheckInterval = commands;
        return this;
    }

    /** @param count stop recording violations after this many (default 100). @return this audit. */
    public JournalAudit maxViolations(final int count) {
        maxViolations = count;
        return this;
    }

    /**
     * @param factory makes the empty state machine to replay into: needed for a ledger with a domain extension;
     *                by default a plain machine under the account limit the journal records.
     * @return this audit.
     */
    public JournalAudit stateMachines(final Supplier<StateMachine> factory) {
        fresh = factory;
        return this;
    }

    /** @return the report; an unreadable or corrupt journal is reported in {@link AuditReport#error()}, not thrown. */
    public AuditReport run() {
        final JournalReader reader = JournalReader.open(directory, hmacKey);
        final Tally tally = new Tally();
        String error = null;
        ScanReport scan = null;
        Path startSnapshot = null;
        StateMachine machine = null;
        try {
            final int maxAccounts = reader.maxAccounts();
            final Supplier<StateMachine> factory = fresh != null ? fresh : () -> new StateMachine(1024, maxAccounts);
            final List<SnapshotInfo> snapshots = reader.snapshots();
            machine = factory.get();
            final ScanReport head = reader.replay(0, Long.MIN_VALUE, (s, t, b, o, l) -> false);
            if (head.firstSequence() > 0) {
                // Older cycles were archived: start from the oldest snapshot the remaining journal continues.
                SnapshotInfo start = null;
                for (final SnapshotInfo info : snapshots) {
                    if (info.sequence() >= head.firstSequence()) {
                        start = info;
                    }
                }
                if (start == null) {
                    throw new IllegalStateException("the journal starts at sequence " + head.firstSequence()
                        + " and no snapshot at or after it is left to start from");
                }
                machine = reader.loadSnapshot(start, factory);
                startSnapshot = start.file();
            }
            tally.machine = machine;
            for (final SnapshotInfo info : snapshots) {
                tally.snapshots.put(info.sequence(), info);
            }
            scan = reader.replay(machine.commandCount(), Long.MAX_VALUE, tally);
        } catch (final JournalException | UncheckedIOException | IllegalStateException e) {
            error = e.getMessage();
        }
        if (machine != null && (tally.commands == 0 || tally.commands % invariantCheckInterval != 0)) {
            tally.check(machine.commandCount() - 1, true); // the final state is always checked
        }
        return new AuditReport(reader.directory(), scan == null ? null : scan.ledgerName(),
            startSnapshot == null ? 0 : machine.commandCount() - tally.commands, startSnapshot, tally.commands,
            tally.created, tally.duplicates, tally.rejected, tally.entries, tally.firstTimestamp, tally.lastTimestamp,
            machine == null ? null : machine.stateHash(), tally.invariantChecks, tally.snapshotsChecked,
            tally.violations, scan == null ? List.of() : scan.voided(), scan == null ? null : scan.tornTail(), error);
    }

    /** Applies each record, counts results and runs the checks. */
    private final class Tally implements io.allianceledger.journal.RecordHandler {
        StateMachine machine;
        final Map<Long, SnapshotInfo> snapshots = new HashMap<>();
        final CommandResult result = new CommandResult();
        final List<Violation> violations = new ArrayList<>();
        long commands;
        long created;
        long duplicates;
        long rejected;
        long entries;
        long invariantChecks;
        int snapshotsChecked;
        long firstTimestamp = Long.MIN_VALUE;
        long lastTimestamp = Long.MIN_VALUE;

        @Override
        public boolean onRecord(final long sequence, final long timestamp, final DirectBuffer buffer, final int offset,
            final int length) {
            final long entriesBefore = machine.entryCount();
            machine.apply(buffer, offset, length, timestamp, result);
            entries += machine.entryCount() - entriesBefore;
            commands++;
            if (firstTimestamp == Long.MIN_VALUE) {
                firstTimestamp = timestamp;
            }
            lastTimestamp = timestamp;
            final ResultCode code = result.code();
            if (code == ResultCode.CREATED) {
                created++;
            } else if (code == ResultCode.EXISTS) {
                duplicates++;
            } else {
                rejected++;
            }
            check(sequence, commands % invariantCheckInterval == 0);
            final SnapshotInfo snapshot = snapshots.get(sequence + 1);
            if (snapshot != null) {
                snapshotsChecked++;
                final String hash = machine.stateHash();
                if (!hash.equals(snapshot.stateHash())) {
                    add(new Violation(sequence, snapshot.file().getFileName() + " records state hash "
                        + snapshot.stateHash() + " but the replayed state is " + hash));
                }
            }
            return true;
        }

        void check(final long sequence, final boolean due) {
            if (!due || violations.size() >= maxViolations) {
                return;
            }
            invariantChecks++;
            final Optional<String> violation = machine.findViolation();
            violation.ifPresent(v -> add(new Violation(sequence, v)));
        }

        private void add(final Violation v) {
            if (violations.size() < maxViolations) {
                violations.add(v);
            }
        }
    }
}

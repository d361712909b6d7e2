package io.allianceledger.journal;

import io.allianceledger.engine.StateMachine;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads a ledger directory without its writer: Chronicle is opened read-only, no lock is taken and no file is
 * changed, so it can run beside a live ledger (it then sees the batches written so far) or on a backup.
 * Every read verifies the journal from its first record (CRC32C, chain, sequences), whatever part it delivers.
 * <pre>{@code
 * JournalReader reader = JournalReader.open(Path.of("/var/lib/ledger"));
 * StateMachine asOfNoon = reader.stateAt(noonNanos);
 * reader.replay(1_000, Long.MAX_VALUE, (seq, ts, buf, off, len) -> { ...; return true; });
 * }</pre>
 */
public final class JournalReader {
    private final Path directory;
    private final byte[] key;

    private JournalReader(final Path directory, final byte[] key) {
        this.directory = directory.toAbsolutePath().normalize();
        this.key = key == null ? null : key.clone();
    }

    /**
     * @param ledgerDirectory the directory a {@link ChronicleJournal} writes (holding {@code journal/} and
     *                        {@code snapshots/}).
     * @return a reader for a journal without an HMAC key.
     */
    public static JournalReader open(final Path ledgerDirectory) {
        return open(ledgerDirectory, null);
    }

    /**
     * @param ledgerDirectory the ledger's directory.
     * @param hmacKey         the journal's HMAC key, or null if it has none.
     * @return a reader.
     */
    public static JournalReader open(final Path ledgerDirectory, final byte[] hmacKey) {
        return new JournalReader(Objects.requireNonNull(ledgerDirectory, "ledgerDirectory"), hmacKey);
    }

    /** @return the ledger's directory. */
    public Path directory() {
        return directory;
    }

    private Path queueDirectory() {
        return directory.resolve("journal");
    }

    private Path snapshotDirectory() {
        return directory.resolve("snapshots");
    }

    /**
     * Verifies the whole journal, delivering nothing.
     *
     * @return what it holds.
     * @throws JournalException if it does not verify.
     */
    public ScanReport verify() {
        return scan(null);
    }

    /**
     * Verifies the journal and delivers records with sequence ≥ {@code fromSequence} and timestamp ≤
     * {@code toTimestamp}, in order; reading stops at the first later timestamp or when the handler says so.
     *
     * @return what was read; {@link ScanReport#complete()} is false if reading stopped before the end.
     * @throws JournalException if the journal does not verify up to where reading stopped.
     */
    public ScanReport replay(final long fromSequence, final long toTimestamp, final RecordHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return scan((sequence, timestamp, buffer, offset, length) -> {
            if (timestamp > toTimestamp) {
                return false;
            }
            return sequence < fromSequence || handler.onRecord(sequence, timestamp, buffer, offset, length);
        });
    }

    /**
     * Applies the journal's records to {@code machine}, from the sequence it has reached
     * ({@link StateMachine#commandCount()}, 0 for a fresh one) up to {@code toTimestamp}.
     *
     * @return what was read.
     */
    public ScanReport replayInto(final StateMachine machine, final long toTimestamp) {
        final long from = machine.commandCount();
        final BoundReplay replay = new BoundReplay(machine, from, machine.lastTimestamp(), toTimestamp);
        final ScanReport report = scan(replay);
        if (replay.mismatch() != null) {
            throw new IllegalArgumentException("the machine does not fit this journal: " + replay.mismatch());
        }
        if (from > 0 && !replay.bound()) {
            throw new IllegalArgumentException("the journal does not reach the machine's sequence " + from);
        }
        return report;
    }

    /**
     * Rebuilds the ledger as it was at {@code timestamp}: after every command with an engine timestamp at or
     * before it. Starts from the newest snapshot taken at or before that time that verifies and belongs to this
     * journal, else from the start.
     *
     * @param timestamp engine time, nanoseconds since the epoch.
     * @return a state machine without extension, under the account limit the journal records; the caller owns it.
     */
    public StateMachine stateAt(final long timestamp) {
        final int maxAccounts = maxAccounts();
        return stateAt(timestamp, () -> new StateMachine(1024, maxAccounts));
    }

    /**
     * Rebuilds the ledger as it was at {@code timestamp}, into state machines made by {@code fresh}: for a ledger
     * with a domain extension, or to size tables.
     *
     * @param timestamp engine time, nanoseconds since the epoch.
     * @param fresh     makes an empty state machine configured as the ledger's.
     * @return the rebuilt state; the caller owns it.
     */
    public StateMachine stateAt(final long timestamp, final Supplier<StateMachine> fresh) {
        for (final SnapshotInfo info : snapshots()) {
            if (info.lastTimestamp() > timestamp) {
                continue;
            }
            final StateMachine machine;
            try {
                machine = loadSnapshot(info, fresh);
            } catch (final JournalException | UncheckedIOException e) {
                System.getLogger(JournalReader.class.getName()).log(System.Logger.Level.WARNING,
                    "skipping snapshot " + info.file() + ": " + e.getMessage());
                continue;
            }
            final BoundReplay replay = new BoundReplay(machine, info.sequence(), info.lastTimestamp(), timestamp);
            scan(replay);
            if (replay.mismatch() == null && replay.bound()) {
                return machine;
            }
        }
        final StateMachine machine = fresh.get();
        final ScanReport report = scan(new BoundReplay(machine, 0, Long.MIN_VALUE, timestamp));
        if (report.firstSequence() > 0) {
            throw new IllegalStateException("the journal starts at sequence " + report.firstSequence()
                + " and no snapshot at or before the requested time covers what came before");
        }
        return machine;
    }

    /** @return the account limit the journal records, or the engine's default for an empty journal. */
    public int maxAccounts() {
        final ScanReport first = scan((sequence, timestamp, buffer, offset, length) -> false);
        return first.maxAccounts() == 0 ? StateMachine.DEFAULT_MAX_ACCOUNTS : first.maxAccounts();
    }

    /**
     * @return the snapshot files whose headers read, newest first (unreadable ones are left out; loading checks
     *     the rest).
     */
    public List<SnapshotInfo> snapshots() {
        final List<SnapshotInfo> infos = new ArrayList<>();
        for (final Path file : SnapshotFile.list(snapshotDirectory())) {
            try {
                infos.add(SnapshotFile.info(file));
            } catch (final JournalException | UncheckedIOException e) {
                System.getLogger(JournalReader.class.getName()).log(System.Logger.Level.WARNING,
                    "unreadable snapshot " + file + ": " + e.getMessage());
            }
        }
        return infos;
    }

    /**
     * Verifies a snapshot completely and restores it into a state machine without extension.
     *
     * @return the restored state, whose hash equals {@link SnapshotInfo#stateHash()}.
     * @throws JournalException if it does not verify.
     */
    public StateMachine loadSnapshot(final SnapshotInfo info) {
        return loadSnapshot(info, () -> new StateMachine(1024, info.maxAccounts()));
    }

    /**
     * Verifies a snapshot completely and restores it into a machine made by {@code fresh} (which must have the
     * extension the ledger had, if any).
     *
     * @return the restored state, whose hash equals {@link SnapshotInfo#stateHash()}.
     * @throws JournalException if it does not verify.
     */
    public StateMachine loadSnapshot(final SnapshotInfo info, final Supplier<StateMachine> fresh) {
        return SnapshotFile.load(info.file(), null, info.maxAccounts(), key, fresh);
    }

    private ScanReport scan(final RecordHandler handler) {
        return JournalScanner.scan(queueDirectory(), new ChainHash(key), null, 0, handler, false).report;
    }
}

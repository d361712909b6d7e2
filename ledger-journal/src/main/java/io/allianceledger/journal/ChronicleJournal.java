package io.allianceledger.journal;

import io.allianceledger.engine.StateMachine;
import io.allianceledger.ledger.Journal;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

/**
 * The ledger's write-ahead journal on Chronicle Queue: every command is framed with its sequence, engine
 * timestamp, chain hash and CRC32C, a batch is closed by a COMMIT frame and made as durable as
 * {@link Durability} promises before its results are released; snapshots are taken on request and on an
 * interval; opening restores the state from the newest usable snapshot and the journal after it.
 * <pre>{@code
 * JournalConfig config = JournalConfig.builder(Path.of("/var/lib/ledger"), "alliance-east").build();
 * try (Ledger ledger = Ledger.open(LedgerConfig.builder().journal(ChronicleJournal.open(config)).build())) {
 *     ...
 * }
 * }</pre>
 * {@link #recover} runs once, on the opening thread; {@link #append} and {@link #endOfBatch} on the pipeline's
 * journal thread; {@link #snapshot} on its logic thread, concurrently with appends. Closing the ledger closes
 * the journal.
 */
public final class ChronicleJournal implements Journal {
    /** Size at which a {@link DocumentGrouping#PER_BATCH} document is closed and the batch goes on in another. */
    public static final int MAX_BATCH_DOCUMENT = 1 << 20;

    private static final System.Logger LOG = System.getLogger(ChronicleJournal.class.getName());
    private static final int OPEN = 0;
    private static final int RECOVERED = 1;
    private static final int CLOSED = 2;

    private final JournalConfig config;
    private final byte[] identity;
    private final byte[] key;
    private final DirectoryLock lock;
    private final FrameEncoder encoder;
    private final boolean perBatch;
    private final boolean sync;
    private volatile int state = OPEN;
    private RecoveryReport report;

    // Journal thread from the first append on.
    private SingleChronicleQueue queue;
    private EngineTime time;
    private ExcerptAppender appender;
    private DocumentContext batchDocument;
    private long batchDocumentStart;
    private long headerCycle;
    private long nextSequence;
    private long lastTimestamp;
    private long batchFirst = -1;
    private long batchCount;
    private File syncedFile;
    private FileChannel syncChannel;
    private long syncs;

    private ChronicleJournal(final JournalConfig config) {
        this.config = config;
        this.identity = config.identity();
        this.key = config.hmacKey();
        this.encoder = new FrameEncoder(new ChainHash(key));
        this.perBatch = config.grouping() == DocumentGrouping.PER_BATCH;
        this.sync = config.durability() == Durability.SYNC_PER_BATCH;
        this.lock = DirectoryLock.acquire(config.directory());
    }

    /**
     * Opens a ledger directory for writing: takes its lock; {@link #recover} then reads it.
     *
     * @param config validated settings.
     * @return the journal, to hand to {@code LedgerConfig.Builder.journal}.
     * @throws IllegalStateException if another journal holds the directory.
     */
    public static ChronicleJournal open(final JournalConfig config) {
        return new ChronicleJournal(Objects.requireNonNull(config, "config"));
    }

    /** @return the settings it was opened with. */
    public JournalConfig config() {
        return config;
    }

    /** @return what recovery did, or null before {@link #recover}. */
    public RecoveryReport recoveryReport() {
        return report;
    }

    @Override
    public long snapshotInterval() {
        return config.snapshotInterval();
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Restores the state: the newest snapshot that verifies, belongs to this journal and is not ahead of it,
     * then every journal record after it. The whole journal is verified on the way (chain, CRC, sequences), so
     * corruption anywhere but in the torn final batch stops the open.
     *
     * @throws JournalCorruptException            if the journal is damaged and repair is off.
     * @throws JournalMismatchException           if it belongs to another ledger, key or account limit.
     * @throws UnsupportedJournalFormatException  if it was written in a newer format.
     */
    @Override
    public Recovered recover(final Supplier<StateMachine> fresh) {
        if (state != OPEN) {
            throw new IllegalStateException("recover() runs once, right after open()");
        }
        try {
            return recover0(fresh);
        } catch (final RuntimeException | Error e) {
            state = CLOSED;
            closeWriter();
            throw e;
        }
    }

    private Recovered recover0(final Supplier<StateMachine> fresh) {
        final long started = System.nanoTime();
        final Path queueDirectory = config.journalDirectory();
        deleteTemporarySnapshots();
        // Before anything maps a cycle file; then the writer's queue, whose opening refreshes Chronicle's listing
        // of cycle files (restored archives included) and touches no cycle file, so that the read-only scans see
        // every cycle.
        for (final Path aside : JournalQueue.setAsideIncomplete(queueDirectory)) {
            LOG.log(WARNING, "moved aside " + aside + ": Chronicle never finished creating this cycle file (the"
                + " writer died rolling to it); it held no document");
        }
        JournalQueue.checkLengths(queueDirectory);
        time = new EngineTime(0);
        queue = JournalQueue.openForWriting(queueDirectory, config.rollCycle().chronicle(), time);
        final List<Path> snapshots = SnapshotFile.list(config.snapshotDirectory());
        final List<String> skipped = new ArrayList<>();
        final List<Path> ahead = new ArrayList<>();
        for (int candidate = 0; candidate <= snapshots.size(); candidate++) {
            final Path snapshot = candidate < snapshots.size() ? snapshots.get(candidate) : null;
            final StateMachine machine;
            long from = 0;
            long boundTimestamp = Long.MIN_VALUE;
            if (snapshot != null) {
                try {
                    final SnapshotInfo info = SnapshotFile.info(snapshot);
                    machine = SnapshotFile.load(snapshot, identity, config.maxAccounts(), key, fresh);
                    from = info.sequence();
                    boundTimestamp = info.lastTimestamp();
                } catch (final JournalException | UncheckedIOException e) {
                    skip(skipped, snapshot, e.getMessage());
                    continue;
                }
            } else {
                machine = fresh.get();
                if (machine.commandCount() != 0) {
                    throw new IllegalArgumentException("the fresh state machine already applied commands");
                }
            }
            final BoundReplay replay = new BoundReplay(machine, from, boundTimestamp, Long.MAX_VALUE);
            final JournalScanner.Outcome outcome = JournalScanner.scan(queueDirectory, new ChainHash(key), identity,
                config.maxAccounts(), replay, config.repair());
            final long records = outcome.report.nextSequence();
            if (snapshot != null) {
                if (replay.mismatch() != null) {
                    skip(skipped, snapshot, replay.mismatch());
                    continue;
                }
                if (from > records) {
                    skip(skipped, snapshot, "it is ahead of the journal, which holds " + records + " records (taken"
                        + " while the journal thread was still behind, then the process died)");
                    ahead.add(snapshot);
                    continue;
                }
                if (outcome.firstSequence > from) {
                    skip(skipped, snapshot, "the journal starts at sequence " + outcome.firstSequence + ", after it");
                    continue;
                }
            } else if (outcome.firstSequence > 0) {
                throw new JournalCorruptException(queueDirectory, JournalCorruptException.NO_INDEX, -1,
                    "the journal starts at sequence " + outcome.firstSequence + " (older cycles archived) and no"
                        + " usable snapshot covers the records before it");
            }
            if (machine.commandCount() != records) {
                throw new IllegalStateException("replay applied " + machine.commandCount() + " commands but the"
                    + " journal holds " + records);
            }
            final Damage voidNow = outcome.corruption != null ? outcome.corruption : outcome.report.tornTail();
            openWriter(outcome, machine.lastTimestamp(), voidNow);
            for (final Path stale : ahead) {
                moveAside(stale, ".stale");
            }
            report = new RecoveryReport(outcome.report, snapshot, skipped, records - from, voidNow,
                outcome.corruption != null, (System.nanoTime() - started) / 1_000_000);
            LOG.log(INFO, () -> "recovered " + config.ledgerName() + ": " + records + " records, "
                + (snapshot == null ? "full replay" : "snapshot " + snapshot.getFileName()) + ", replayed "
                + report.replayed() + " in " + report.millis() + " ms");
            state = RECOVERED;
            return new Recovered(machine, records);
        }
        throw new AssertionError("the full-replay candidate always returns or throws");
    }

    private static void skip(final List<String> skipped, final Path snapshot, final String reason) {
        final String line = snapshot.getFileName() + ": " + reason;
        skipped.add(line);
        LOG.log(WARNING, "skipping snapshot " + line);
    }

    private void openWriter(final JournalScanner.Outcome outcome, final long machineTimestamp, final Damage voidNow) {
        final long cycleLength = config.rollCycle().lengthMillis();
        if (outcome.lastCycle != Long.MIN_VALUE) {
            time.advanceToMillis(outcome.lastCycleStartMillis);
        }
        time.advanceTo(machineTimestamp);
        if (queue.rollCycle().lengthInMillis() != cycleLength) {
            LOG.log(INFO, "the journal keeps its roll cycle of " + queue.rollCycle().lengthInMillis()
                + " ms; the configured " + config.rollCycle() + " applies to new journals only");
        }
        encoder.chain().set(outcome.chain, 0);
        headerCycle = outcome.headerCycle;
        nextSequence = outcome.report.nextSequence();
        lastTimestamp = machineTimestamp;
        if (voidNow != null) {
            final boolean repair = outcome.corruption != null;
            LOG.log(WARNING, (repair ? "REPAIR: dropping " : "discarding the torn tail: ") + voidNow);
            final int length = encoder.voidFrame(voidNow.firstIndex(), voidNow.lastIndex(),
                voidNow.firstDroppedSequence(), voidNow.droppedRecords(),
                repair ? Frames.VOID_REASON_REPAIR : Frames.VOID_REASON_TORN_TAIL);
            try (ExcerptAppender once = queue.createAppender()) {
                try (DocumentContext dc = once.writingDocument()) {
                    dc.wire().bytes().write(encoder.bytes(), 0, length);
                }
                if (sync) {
                    forceFile(once.currentFile());
                }
            }
        }
    }

    private void deleteTemporarySnapshots() {
        final Path directory = config.snapshotDirectory();
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.tmp")) {
            for (final Path p : stream) {
                LOG.log(WARNING, "deleting the incomplete snapshot " + p + " (the process died while writing it)");
                Files.delete(p);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot clean " + directory, e);
        }
    }

    private static void moveAside(final Path file, final String suffix) {
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + suffix), StandardCopyOption.REPLACE_EXISTING);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot move " + file + " aside", e);
        }
    }

    // ---------------------------------------------------------------- writing

    @Override
    public void append(final long sequence, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length) {
        if (sequence != nextSequence) {
            throw new IllegalStateException(state != RECOVERED ? "append() before recover() or after close()"
                : "the journal expected sequence " + nextSequence + ", not " + sequence);
        }
        if (timestamp <= lastTimestamp) {
            throw new IllegalStateException("timestamp " + timestamp + " is not after " + lastTimestamp);
        }
        time.advanceTo(timestamp);
        if (batchFirst < 0) {
            batchFirst = sequence;
        }
        if (perBatch) {
            final Bytes<?> bytes = batchBytes(Frames.commandFrameLength(length), timestamp);
            bytes.write(encoder.bytes(), 0, encoder.command(sequence, timestamp, buffer, offset, length));
        } else {
            writeHeaderIfNewCycle(timestamp);
            writeDocument(encoder.command(sequence, timestamp, buffer, offset, length));
        }
        nextSequence = sequence + 1;
        lastTimestamp = timestamp;
        batchCount++;
    }

    /**
     * Closes the batch with a COMMIT frame and, under {@link Durability#SYNC_PER_BATCH}, forces the cycle file to
     * the device. A batch that appended nothing (only queries) writes nothing.
     */
    @Override
    public void endOfBatch() {
        if (batchCount == 0) {
            return;
        }
        final int length = encoder.commit(batchFirst, batchCount);
        if (perBatch) {
            batchDocument.wire().bytes().write(encoder.bytes(), 0, length);
            final DocumentContext dc = batchDocument;
            batchDocument = null;
            dc.close();
        } else {
            writeDocument(length);
        }
        batchFirst = -1;
        batchCount = 0;
        if (sync) {
            forceCurrentFile();
        }
    }

    private Bytes<?> batchBytes(final int frameLength, final long timestamp) {
        if (batchDocument != null
            && batchDocument.wire().bytes().writePosition() - batchDocumentStart + frameLength > MAX_BATCH_DOCUMENT) {
            // Keep documents bounded; the COMMIT at the end of the batch still closes it as a whole.
            final DocumentContext dc = batchDocument;
            batchDocument = null;
            dc.close();
        }
        if (batchDocument == null) {
            writeHeaderIfNewCycle(timestamp);
            batchDocument = appender().writingDocument();
            batchDocumentStart = batchDocument.wire().bytes().writePosition();
        }
        return batchDocument.wire().bytes();
    }

    /** Starts every cycle with a HEADER, so that each cycle file can be verified on its own. */
    private void writeHeaderIfNewCycle(final long timestamp) {
        final int cycle = queue.cycle();
        if (cycle == headerCycle) {
            return;
        }
        final int length = encoder.header(nextSequence, timestamp, config.maxAccounts(), identity);
        writeDocument(length);
        if (appender.cycle() != cycle) {
            throw new IllegalStateException("the HEADER went to cycle " + appender.cycle() + ", not " + cycle);
        }
        headerCycle = cycle;
    }

    private void writeDocument(final int length) {
        final DocumentContext dc = appender().writingDocument();
        try {
            dc.wire().bytes().write(encoder.bytes(), 0, length);
        } catch (final RuntimeException | Error e) {
            dc.rollbackOnClose();
            throw e;
        } finally {
            dc.close();
        }
    }

    private ExcerptAppender appender() {
        if (appender == null) {
            // Created on the journal thread: Chronicle appenders belong to the thread that made them.
            appender = queue.createAppender();
        }
        return appender;
    }

    private void forceCurrentFile() {
        final File current = appender.currentFile();
        try {
            if (!current.equals(syncedFile)) {
                if (syncChannel != null) {
                    // The batch rolled into a new cycle: the old file's last batch and EOF marker go down too.
                    syncChannel.force(false);
                    syncChannel.close();
                }
                syncChannel = FileChannel.open(current.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                syncedFile = current;
                // A new cycle file must also survive as a directory entry.
                SnapshotFile.forceDirectory(config.journalDirectory());
            }
            syncChannel.force(false);
            syncs++;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot force " + current + " to the device", e);
        }
    }

    private void forceFile(final File file) {
        try (FileChannel channel = FileChannel.open(file.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            channel.force(false);
            SnapshotFile.forceDirectory(config.journalDirectory());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot force " + file + " to the device", e);
        }
    }

    /** @return how many batches were forced to the device; for tests of {@link Durability#SYNC_PER_BATCH}. */
    long syncCount() {
        return syncs;
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * Writes {@code snapshots/snapshot-<sequence>.bin} (temporary file, force, atomic rename, directory force),
     * then deletes snapshots beyond {@link JournalConfig#snapshotsToKeep()}. Runs on the logic thread while the
     * journal thread may still be writing commands before {@code sequence}; recovery only uses a snapshot the
     * journal has caught up with.
     */
    @Override
    public void snapshot(final long sequence, final StateMachine machine) {
        if (state == CLOSED) {
            throw new IllegalStateException("the journal is closed");
        }
        final long started = System.nanoTime();
        final Path written = SnapshotFile.write(config.snapshotDirectory(), sequence, machine, identity,
            config.maxAccounts(), key);
        LOG.log(INFO, () -> "snapshot " + written.getFileName() + " written in "
            + (System.nanoTime() - started) / 1_000_000 + " ms");
        final List<Path> all = SnapshotFile.list(config.snapshotDirectory());
        for (int i = config.snapshotsToKeep(); i < all.size(); i++) {
            try {
                Files.deleteIfExists(all.get(i));
            } catch (final IOException e) {
                LOG.log(WARNING, "cannot delete old snapshot " + all.get(i), e);
            }
        }
    }

    // ---------------------------------------------------------------- closing

    /**
     * Commits a batch left open (when driven without a ledger), then releases the queue and the lock.
     * Idempotent.
     */
    @Override
    public void close() {
        if (state == CLOSED) {
            return;
        }
        try {
            if (state == RECOVERED && batchCount > 0) {
                endOfBatch();
            }
        } finally {
            state = CLOSED;
            closeWriter();
        }
    }

    private void closeWriter() {
        try {
            if (batchDocument != null) {
                batchDocument.rollbackOnClose();
                batchDocument.close();
                batchDocument = null;
            }
            if (syncChannel != null) {
                syncChannel.close();
                syncChannel = null;
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (appender != null) {
                appender.close();
                appender = null;
            }
            if (queue != null) {
                queue.close();
                queue = null;
            }
            lock.close();
        }
    }
}

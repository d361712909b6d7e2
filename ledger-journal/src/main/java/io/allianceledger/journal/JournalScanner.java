package io.allianceledger.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.allianceledger.journal.Frames.*;

/**
 * Reads a journal from its first document to its last, verifying every document, and hands verified records
 * to a {@link RecordHandler}.
 * <p>
 * When a document fails, the scanner reads on to classify it. If a VOID frame right after a run of documents
 * starting with the failed one voids them, they are skipped. Otherwise, if a later document holds the COMMIT
 * frame of a batch that starts after the failure (a later batch was written, so the failed one had been
 * acknowledged), the journal is corrupt. Otherwise
 * the failure is the torn tail: the batch being written when the process died, never acknowledged, which is
 * ignored.
 */
final class JournalScanner {
    private JournalScanner() {
    }

    /** Everything a scan learned, including the state a writer needs to continue the journal. */
    static final class Outcome {
        ScanReport report;
        /** Chain value after the last valid frame. */
        byte[] chain;
        long headerCycle = Long.MIN_VALUE;
        /** Chronicle index of the last document on disk, valid or not; {@link Long#MIN_VALUE} if none. */
        long lastDocumentIndex = Long.MIN_VALUE;
        long lastCycle = Long.MIN_VALUE;
        /** Start of {@link #lastCycle} in epoch milliseconds, for the writer's cycle clock. */
        long lastCycleStartMillis;
        /** With {@code tolerateCorruption}: the failed run the scan stopped at, or null. */
        Damage corruption;
        /** The sequence the journal (as read) starts at. */
        long firstSequence;
    }

    /**
     * @param directory          the queue directory.
     * @param chain              the chain to verify with (keyed for an HMAC journal).
     * @param identity           the ledger the journal must belong to, or null for any.
     * @param maxAccounts        the account limit it must record, or 0 for any.
     * @param handler            receives records, or null.
     * @param tolerateCorruption report corruption in {@link Outcome#corruption} instead of throwing.
     * @throws JournalCorruptException            on corruption, unless tolerated.
     * @throws JournalMismatchException           if the journal names another ledger, algorithm or limit.
     * @throws UnsupportedJournalFormatException  if a frame has an unknown format version.
     */
    static Outcome scan(final Path directory, final ChainHash chain, final byte[] identity, final int maxAccounts,
        final RecordHandler handler, final boolean tolerateCorruption) {
        final Outcome outcome = new Outcome();
        final DocumentVerifier verifier = new DocumentVerifier(chain, identity, maxAccounts);
        final List<Damage> voided = new ArrayList<>();
        long documents = 0;
        long firstTimestamp = Long.MIN_VALUE;
        Damage torn = null;
        boolean complete = true;
        try (DocumentCursor cursor = DocumentCursor.open(directory)) {
            if (cursor != null) {
                outcome.lastCycle = cursor.lastCycle();
                outcome.lastCycleStartMillis = cursor.cycleStartMillis(cursor.lastCycle());
                final UnsafeBuffer view = new UnsafeBuffer(0, 0);
                boolean more = cursor.next();
                scan:
                while (more) {
                    documents++;
                    outcome.lastDocumentIndex = cursor.index();
                    final int status = cursor.oversized() ? DocumentVerifier.FAILED
                        : verifier.verify(cursor.bytes(), cursor.length(), cursor.cycle(), cursor.file());
                    if (status == DocumentVerifier.OK) {
                        final FrameDecoder frames = verifier.decoder();
                        view.wrap(cursor.bytes(), 0, cursor.length());
                        for (int i = 0; i < frames.count(); i++) {
                            final int at = frames.offset(i);
                            if ((view.getShort(at + KIND_OFFSET) & 0xFFFF) != KIND_COMMAND) {
                                continue;
                            }
                            final long timestamp = view.getLong(at + COMMAND_TIMESTAMP_OFFSET);
                            if (firstTimestamp == Long.MIN_VALUE) {
                                firstTimestamp = timestamp;
                            }
                            if (handler != null && !handler.onRecord(view.getLong(at + COMMAND_SEQUENCE_OFFSET),
                                timestamp, view, at + COMMAND_BYTES_OFFSET, view.getInt(at + COMMAND_LENGTH_OFFSET))) {
                                complete = false;
                                break scan;
                            }
                        }
                        more = cursor.next();
                        continue;
                    }
                    // The document failed: read on to find a VOID for it, a later batch, or the end.
                    final Path failedFile = cursor.file();
                    final long failedIndex = cursor.index();
                    final boolean damaged = status == DocumentVerifier.FAILED;
                    final long sequenceAtFailure = verifier.nextSequence();
                    final String reason = cursor.oversized()
                        ? "Chronicle reports a document larger than " + DocumentCursor.MAX_DOCUMENT + " bytes"
                        : verifier.failure();
                    long dropped = cursor.oversized() ? 0 : verifier.commandFrames(cursor.bytes(), cursor.length());
                    long firstDropped = dropped == 0 ? -1 : verifier.firstCommandSequence(cursor.bytes(), cursor.length());
                    long lastSeen = failedIndex;
                    boolean laterBatch = false;
                    while (true) {
                        more = cursor.next();
                        if (!more) {
                            break;
                        }
                        documents++;
                        outcome.lastDocumentIndex = cursor.index();
                        if (!cursor.oversized()) {
                            final String notVoid = verifier.verifyVoid(cursor.bytes(), cursor.length(), failedIndex, lastSeen);
                            if (notVoid == null) {
                                voided.add(new Damage(failedFile, failedIndex, lastSeen, firstDropped, dropped, reason));
                                more = cursor.next();
                                continue scan;
                            }
                            laterBatch |= verifier.isLaterBatch(cursor.bytes(), cursor.length(), sequenceAtFailure);
                            final int commands = verifier.commandFrames(cursor.bytes(), cursor.length());
                            if (commands > 0 && firstDropped < 0) {
                                firstDropped = verifier.firstCommandSequence(cursor.bytes(), cursor.length());
                            }
                            dropped += commands;
                        }
                        lastSeen = cursor.index();
                    }
                    final Damage damage = new Damage(failedFile, failedIndex, lastSeen, firstDropped, dropped, reason);
                    if (damaged && !laterBatch) {
                        torn = damage;
                    } else if (tolerateCorruption) {
                        outcome.corruption = damage;
                    } else {
                        throw new JournalCorruptException(failedFile, failedIndex, sequenceAtFailure, reason
                            + (damaged ? " (later batches follow, so this is not a torn tail; " : " (")
                            + dropped + " intact-looking record(s) follow it; open with repair to drop them)");
                    }
                    break;
                }
            }
        }
        final byte[] name = verifier.identity();
        outcome.chain = verifier.chain().value();
        outcome.headerCycle = verifier.headerCycle();
        outcome.firstSequence = verifier.firstSequence();
        outcome.report = new ScanReport(name == null ? null : new String(name, StandardCharsets.UTF_8),
            verifier.maxAccounts(), verifier.firstSequence(), verifier.nextSequence(), firstTimestamp,
            verifier.lastTimestamp(), documents, voided, torn, complete);
        return outcome;
    }
}

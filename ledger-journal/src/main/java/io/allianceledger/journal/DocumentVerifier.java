package io.allianceledger.journal;

import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static io.allianceledger.journal.Frames.*;

/**
 * Verifies documents in journal order and carries the state that links them: the chain hash, the next
 * sequence, the last timestamp and the cycle of the last HEADER. A document is all or nothing: if any frame
 * fails, the state is left as it was before the document, so a failed document can be voided as a whole.
 * <p>
 * Rules beyond {@link FrameDecoder}: every frame's chain hash must be H(previous || content); a HEADER starts
 * each cycle, continues the sequence and chain, and names the same ledger, algorithm and account limit as the
 * first; a COMMAND needs a HEADER earlier in its cycle and carries the next sequence with a later timestamp; a
 * COMMIT closes records just written; a VOID only stands right after the documents it voids.
 */
final class DocumentVerifier {
    /** The outcome of {@link #verify}: the document verified and the state moved past it. */
    static final int OK = 0;
    /**
     * The document's bytes are damaged (a CRC, a length, a field): what a torn write leaves. {@link #failure()}
     * says why and the state is unchanged.
     */
    static final int FAILED = 1;
    /**
     * Every frame passes its CRC but the document does not continue the journal (sequence, timestamp, chain,
     * HEADER rules): never the trace of a torn write, always an edit, a reordering or the wrong key.
     */
    static final int BROKEN = 2;

    private final FrameDecoder decoder = new FrameDecoder();
    private final ChainHash chain;
    private final byte[] expectedIdentity;
    private final int expectedMaxAccounts;
    private final byte[] scratch = new byte[ChainHash.LENGTH];
    private final byte[] savedChain = new byte[ChainHash.LENGTH];
    private final byte[] currentChain = new byte[ChainHash.LENGTH];
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);

    private boolean seeded;
    private long firstSequence;
    private long nextSequence;
    private long lastTimestamp = Long.MIN_VALUE;
    private long headerCycle = Long.MIN_VALUE;
    private byte[] identity;
    private int maxAccounts;
    private String failure;

    /**
     * @param chain               the chain to verify with: keyed exactly when the journal must be HMAC-chained.
     * @param expectedIdentity    the ledger the journal must name, or null to accept any (then it only has to be
     *                            the same in every HEADER).
     * @param expectedMaxAccounts the account limit it must record, or 0 for any.
     */
    DocumentVerifier(final ChainHash chain, final byte[] expectedIdentity, final int expectedMaxAccounts) {
        this.chain = chain;
        this.expectedIdentity = expectedIdentity == null ? null : expectedIdentity.clone();
        this.expectedMaxAccounts = expectedMaxAccounts;
    }

    /**
     * Verifies the next document.
     *
     * @param doc    its bytes from index 0.
     * @param length its length.
     * @param cycle  the cycle it was read from.
     * @param file   the cycle file, for errors.
     * @return {@link #OK}, {@link #FAILED} or {@link #BROKEN}.
     * @throws UnsupportedJournalFormatException if a frame passes its CRC but has an unknown version.
     * @throws JournalMismatchException          if a valid HEADER names another ledger, algorithm or limit.
     */
    int verify(final byte[] doc, final int length, final long cycle, final Path file) {
        final int decoded = decoder.decode(doc, length);
        if (decoded == FrameDecoder.UNSUPPORTED_VERSION) {
            throw new UnsupportedJournalFormatException(file, "frame", decoder.version(), FORMAT_VERSION);
        }
        if (decoded != FrameDecoder.OK) {
            return fail("frame at offset " + decoder.failureOffset() + ": " + decoder.failure());
        }
        view.wrap(doc, 0, length);
        // Remember the state so that a document failing part-way changes nothing.
        final boolean wasSeeded = seeded;
        final long savedFirst = firstSequence;
        final long savedNext = nextSequence;
        final long savedTimestamp = lastTimestamp;
        final long savedHeaderCycle = headerCycle;
        chain.copyTo(savedChain, 0);
        for (int i = 0; i < decoder.count(); i++) {
            final String problem = frame(doc, decoder.offset(i), cycle, file);
            if (problem != null) {
                seeded = wasSeeded;
                firstSequence = savedFirst;
                nextSequence = savedNext;
                lastTimestamp = savedTimestamp;
                headerCycle = savedHeaderCycle;
                chain.set(savedChain, 0);
                fail("frame " + i + " (" + kindName(kind(decoder.offset(i))) + ", offset " + decoder.offset(i)
                    + "): " + problem);
                return BROKEN;
            }
        }
        failure = null;
        return OK;
    }

    /**
     * Verifies a document that should void the failed documents from {@code firstIndex} to {@code lastIndex}:
     * exactly one VOID frame naming that range, chained from the state before the first of them.
     *
     * @return null if it does, else why not.
     */
    String verifyVoid(final byte[] doc, final int length, final long firstIndex, final long lastIndex) {
        if (decoder.decode(doc, length) != FrameDecoder.OK || decoder.count() != 1 || kind(0, doc) != KIND_VOID) {
            return "not a VOID document";
        }
        view.wrap(doc, 0, length);
        if (view.getLong(VOID_FIRST_INDEX_OFFSET) != firstIndex) {
            return "VOID starts at index 0x" + Long.toHexString(view.getLong(VOID_FIRST_INDEX_OFFSET));
        }
        if (view.getLong(VOID_LAST_INDEX_OFFSET) != lastIndex) {
            return "VOID ends at index 0x" + Long.toHexString(view.getLong(VOID_LAST_INDEX_OFFSET))
                + " but the document before it is 0x" + Long.toHexString(lastIndex);
        }
        seedIfNeeded(doc, 0, false);
        if (!chain.matches(doc, 0, VOID_CONTENT_LENGTH, VOID_CONTENT_LENGTH, scratch)) {
            return "VOID chain hash mismatch";
        }
        chain.advance(doc, 0, VOID_CONTENT_LENGTH);
        return null;
    }

    /**
     * @param failedAt the next sequence when an earlier document failed.
     * @return true if the document decodes cleanly (CRCs pass) and holds a COMMIT of a batch that starts after
     *     {@code failedAt}, or a frame of another format version: evidence that a later batch was written, which
     *     happens only after the failed one was acknowledged, so the failure is no torn tail. A COMMIT of the
     *     failed document's own batch proves nothing: after a power loss it may reach the disk without the rest.
     */
    boolean isLaterBatch(final byte[] doc, final int length, final long failedAt) {
        final int decoded = decoder.decode(doc, length);
        if (decoded == FrameDecoder.UNSUPPORTED_VERSION) {
            return true;
        }
        if (decoded != FrameDecoder.OK) {
            return false;
        }
        view.wrap(doc, 0, length);
        for (int i = 0; i < decoder.count(); i++) {
            final int at = decoder.offset(i);
            if (kind(at, doc) == KIND_COMMIT && view.getLong(at + COMMIT_FIRST_SEQUENCE_OFFSET) > failedAt) {
                return true;
            }
        }
        return false;
    }

    /** @return the COMMAND frames in a document that decodes cleanly; 0 otherwise. */
    int commandFrames(final byte[] doc, final int length) {
        if (decoder.decode(doc, length) != FrameDecoder.OK) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < decoder.count(); i++) {
            n += kind(decoder.offset(i), doc) == KIND_COMMAND ? 1 : 0;
        }
        return n;
    }

    /** @return the sequence of the first COMMAND frame in a cleanly decoding document, or -1. */
    long firstCommandSequence(final byte[] doc, final int length) {
        if (decoder.decode(doc, length) != FrameDecoder.OK) {
            return -1;
        }
        view.wrap(doc, 0, length);
        for (int i = 0; i < decoder.count(); i++) {
            if (kind(decoder.offset(i), doc) == KIND_COMMAND) {
                return view.getLong(decoder.offset(i) + COMMAND_SEQUENCE_OFFSET);
            }
        }
        return -1;
    }

    private String frame(final byte[] doc, final int at, final long cycle, final Path file) {
        final int kind = kind(at);
        final int content = view.getInt(at + LENGTH_OFFSET) - TRAILER_LENGTH;
        final boolean seedsChain = !seeded;
        seedIfNeeded(doc, at, kind == KIND_HEADER);
        switch (kind) {
            case KIND_HEADER -> {
                final String problem = header(doc, at, file);
                if (problem != null) {
                    return problem;
                }
            }
            case KIND_COMMAND -> {
                if (headerCycle != cycle) {
                    return "a COMMAND frame before the HEADER of its cycle";
                }
                final long sequence = view.getLong(at + COMMAND_SEQUENCE_OFFSET);
                if (sequence != nextSequence) {
                    return "sequence " + sequence + " where " + nextSequence + " was expected: "
                        + (sequence > nextSequence ? "records are missing" : "a record is repeated or out of order");
                }
                final long timestamp = view.getLong(at + COMMAND_TIMESTAMP_OFFSET);
                if (timestamp <= lastTimestamp) {
                    return "timestamp " + timestamp + " is not after " + lastTimestamp;
                }
            }
            case KIND_COMMIT -> {
                final long first = view.getLong(at + COMMIT_FIRST_SEQUENCE_OFFSET);
                final long count = view.getLong(at + COMMIT_COUNT_OFFSET);
                if (first < firstSequence || first + count != nextSequence) {
                    return "COMMIT of sequences [" + first + ", " + (first + count) + ") where the journal is at "
                        + nextSequence;
                }
            }
            case KIND_VOID -> {
                return "a VOID frame that follows no failed document";
            }
            default -> {
                return "unknown kind";
            }
        }
        if (!chain.matches(doc, at, content, at + content, scratch)) {
            if (seedsChain && kind == KIND_HEADER && chain.algorithm() == ALGORITHM_HMAC_SHA256) {
                // The first frame seeds the chain itself, so only the key can make it fail: never repair that.
                throw new JournalMismatchException(file, "the HMAC chain does not verify from the journal's first"
                    + " frame: the key is wrong (or the journal was re-chained under another key)");
            }
            return chain.algorithm() == ALGORITHM_HMAC_SHA256
                ? "chain HMAC mismatch (altered, removed or reordered frames, or the wrong key)"
                : "chain hash mismatch (altered, removed or reordered frames)";
        }
        chain.advance(doc, at, content);
        if (kind == KIND_COMMAND) {
            nextSequence++;
            lastTimestamp = view.getLong(at + COMMAND_TIMESTAMP_OFFSET);
        } else if (kind == KIND_HEADER) {
            headerCycle = cycle;
        }
        return null;
    }

    private String header(final byte[] doc, final int at, final Path file) {
        final int identityLength = view.getByte(at + HEADER_IDENTITY_LENGTH_OFFSET) & 0xFF;
        final byte[] named = Arrays.copyOfRange(doc, at + HEADER_IDENTITY_OFFSET, at + HEADER_IDENTITY_OFFSET + identityLength);
        final int algorithm = view.getByte(at + HEADER_ALGORITHM_OFFSET);
        final int limit = view.getInt(at + HEADER_MAX_ACCOUNTS_OFFSET);
        if (algorithm != chain.algorithm()) {
            throw new JournalMismatchException(file, algorithm == ALGORITHM_HMAC_SHA256
                ? "the journal is HMAC-chained: give its key to read it"
                : "the journal has a plain SHA-256 chain but an HMAC key was given");
        }
        final byte[] required = identity != null ? identity : expectedIdentity;
        if (required != null && !Arrays.equals(required, named)) {
            throw new JournalMismatchException(file, "the journal belongs to ledger '"
                + new String(named, StandardCharsets.UTF_8) + "', not '" + new String(required, StandardCharsets.UTF_8) + "'");
        }
        final int requiredLimit = maxAccounts != 0 ? maxAccounts : expectedMaxAccounts;
        if (requiredLimit != 0 && requiredLimit != limit) {
            throw new JournalMismatchException(file, "the journal was written with maxAccounts " + limit
                + ", not " + requiredLimit + "; replaying under another account limit could change results");
        }
        final long first = view.getLong(at + HEADER_FIRST_SEQUENCE_OFFSET);
        if (first != nextSequence) {
            return "HEADER opens the cycle at sequence " + first + " but the journal is at " + nextSequence;
        }
        chain.copyTo(currentChain, 0);
        if (!Arrays.equals(doc, at + HEADER_PREVIOUS_CHAIN_OFFSET, at + HEADER_PREVIOUS_CHAIN_OFFSET + ChainHash.LENGTH,
            currentChain, 0, ChainHash.LENGTH)) {
            return "HEADER's previous chain hash does not match the frame before it";
        }
        identity = named;
        maxAccounts = limit;
        return null;
    }

    /**
     * The first frame read fixes where the chain and sequence start: a HEADER carries both (so a journal whose
     * older cycles were archived can still be verified); anything else must be the very start of a journal.
     */
    private void seedIfNeeded(final byte[] doc, final int at, final boolean isHeader) {
        if (seeded) {
            return;
        }
        seeded = true;
        if (isHeader) {
            chain.set(doc, at + HEADER_PREVIOUS_CHAIN_OFFSET);
            nextSequence = view.getLong(at + HEADER_FIRST_SEQUENCE_OFFSET);
        } else {
            chain.reset();
            nextSequence = 0;
        }
        firstSequence = nextSequence;
    }

    private int kind(final int at) {
        return view.getShort(at + KIND_OFFSET) & 0xFFFF;
    }

    private static int kind(final int at, final byte[] doc) {
        return (doc[at + KIND_OFFSET] & 0xFF) | (doc[at + KIND_OFFSET + 1] & 0xFF) << 8;
    }

    private int fail(final String reason) {
        failure = reason;
        return FAILED;
    }

    // ---------------------------------------------------------------- state

    /** @return why the last document failed. */
    String failure() {
        return failure;
    }

    /** @return the decoder, positioned on the frames of the last document that verified. */
    FrameDecoder decoder() {
        return decoder;
    }

    /** @return true once any frame was read. */
    boolean seeded() {
        return seeded;
    }

    /** @return the sequence the journal (as read) starts at: 0 unless older cycles were archived. */
    long firstSequence() {
        return firstSequence;
    }

    /** @return the sequence the next COMMAND must have: the number of records verified so far, plus the first. */
    long nextSequence() {
        return nextSequence;
    }

    /** @return the timestamp of the last verified COMMAND, or {@link Long#MIN_VALUE}. */
    long lastTimestamp() {
        return lastTimestamp;
    }

    /** @return the cycle of the last verified HEADER, or {@link Long#MIN_VALUE}. */
    long headerCycle() {
        return headerCycle;
    }

    /** @return the ledger named by the HEADERs, or null before the first. */
    byte[] identity() {
        return identity == null ? null : identity.clone();
    }

    /** @return the account limit recorded in the HEADERs, or 0 before the first. */
    int maxAccounts() {
        return maxAccounts;
    }

    /** @return the chain the verifier advances. */
    ChainHash chain() {
        return chain;
    }
}

package io.allianceledger.journal;

import io.allianceledger.command.CommandLayout;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.zip.CRC32C;

import static io.allianceledger.journal.Frames.*;

/**
 * Splits a document into frames and checks each on its own: length, CRC32C, format version, kind and the
 * fields every frame of its kind must have (reserved bytes zero, counts in range). It knows nothing of the
 * chain or of sequences; {@link DocumentVerifier} checks those. Never throws on any input: a failure is a
 * result. Not thread-safe.
 */
final class FrameDecoder {
    /** The document decoded cleanly. */
    static final int OK = 0;
    /** A frame is malformed or fails its CRC; see {@link #failure()}. */
    static final int MALFORMED = 1;
    /** A frame passes its CRC but names a format version this code does not read. */
    static final int UNSUPPORTED_VERSION = 2;

    private final CRC32C crc = new CRC32C();
    private final UnsafeBuffer view = new UnsafeBuffer(0, 0);
    private int[] offsets = new int[64];
    private int count;
    private String failure;
    private int failureOffset;
    private int version;

    /**
     * Decodes {@code doc[0, length)}.
     *
     * @return {@link #OK}, {@link #MALFORMED} or {@link #UNSUPPORTED_VERSION}.
     */
    int decode(final byte[] doc, final int length) {
        count = 0;
        failure = null;
        failureOffset = 0;
        version = FORMAT_VERSION;
        if (length <= 0 || length > doc.length) {
            return fail(0, "empty document");
        }
        view.wrap(doc, 0, length);
        int at = 0;
        while (at < length) {
            final int remaining = length - at;
            if (remaining < PREFIX_LENGTH + TRAILER_LENGTH) {
                return fail(at, remaining + " trailing bytes are too few for a frame");
            }
            final int frameLength = view.getInt(at + LENGTH_OFFSET);
            if (frameLength < PREFIX_LENGTH + TRAILER_LENGTH || frameLength > remaining
                || frameLength > MAX_FRAME_LENGTH || (frameLength & 7) != 0) {
                return fail(at, "bad frame length " + frameLength + " (" + remaining + " bytes left in the document)");
            }
            final int content = frameLength - TRAILER_LENGTH;
            crc.reset();
            crc.update(doc, at, content + CHAIN_LENGTH);
            if ((int)crc.getValue() != view.getInt(at + content + CHAIN_LENGTH)) {
                return fail(at, "CRC32C mismatch");
            }
            if (view.getInt(at + content + CHAIN_LENGTH + 4) != 0) {
                return fail(at, "non-zero trailer padding");
            }
            final int frameVersion = view.getShort(at + VERSION_OFFSET) & 0xFFFF;
            if (frameVersion != FORMAT_VERSION) {
                version = frameVersion;
                failureOffset = at;
                failure = "format version " + frameVersion;
                return UNSUPPORTED_VERSION;
            }
            final String problem = checkKind(at, frameLength);
            if (problem != null) {
                return fail(at, problem);
            }
            if (count == offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, count * 2);
            }
            offsets[count++] = at;
            at += frameLength;
        }
        return OK;
    }

    private String checkKind(final int at, final int frameLength) {
        final int kind = view.getShort(at + KIND_OFFSET) & 0xFFFF;
        switch (kind) {
            case KIND_COMMAND -> {
                final int n = view.getInt(at + COMMAND_LENGTH_OFFSET);
                if (n < 0 || n > CommandLayout.MAX_COMMAND_LENGTH || frameLength != commandFrameLength(n)) {
                    return "COMMAND frame of " + frameLength + " bytes declares a command of " + n + " bytes";
                }
                if (view.getInt(at + COMMAND_RESERVED_OFFSET) != 0
                    || !isZero(at + COMMAND_BYTES_OFFSET + n, at + frameLength - TRAILER_LENGTH)) {
                    return "COMMAND frame has non-zero reserved or padding bytes";
                }
                if (view.getLong(at + COMMAND_SEQUENCE_OFFSET) < 0) {
                    return "COMMAND frame has a negative sequence";
                }
                return null;
            }
            case KIND_COMMIT -> {
                if (frameLength != COMMIT_FRAME_LENGTH) {
                    return "COMMIT frame of " + frameLength + " bytes";
                }
                if (view.getLong(at + COMMIT_FIRST_SEQUENCE_OFFSET) < 0 || view.getLong(at + COMMIT_COUNT_OFFSET) < 1) {
                    return "COMMIT frame has a negative sequence or no record";
                }
                return null;
            }
            case KIND_HEADER -> {
                if (frameLength != HEADER_FRAME_LENGTH) {
                    return "HEADER frame of " + frameLength + " bytes";
                }
                final int algorithm = view.getByte(at + HEADER_ALGORITHM_OFFSET);
                final int identityLength = view.getByte(at + HEADER_IDENTITY_LENGTH_OFFSET) & 0xFF;
                if ((algorithm != ALGORITHM_SHA256 && algorithm != ALGORITHM_HMAC_SHA256)
                    || identityLength < 1 || identityLength > MAX_IDENTITY_LENGTH
                    || view.getShort(at + HEADER_RESERVED_OFFSET) != 0
                    || !isZero(at + HEADER_IDENTITY_OFFSET + identityLength, at + HEADER_CONTENT_LENGTH)
                    || view.getInt(at + HEADER_MAX_ACCOUNTS_OFFSET) < 1
                    || view.getLong(at + HEADER_FIRST_SEQUENCE_OFFSET) < 0) {
                    return "HEADER frame has invalid fields";
                }
                return null;
            }
            case KIND_VOID -> {
                if (frameLength != VOID_FRAME_LENGTH) {
                    return "VOID frame of " + frameLength + " bytes";
                }
                final int reason = view.getInt(at + VOID_REASON_OFFSET);
                if ((reason != VOID_REASON_TORN_TAIL && reason != VOID_REASON_REPAIR)
                    || view.getInt(at + VOID_RESERVED_OFFSET) != 0
                    || view.getLong(at + VOID_FIRST_INDEX_OFFSET) > view.getLong(at + VOID_LAST_INDEX_OFFSET)
                    || view.getLong(at + VOID_DROPPED_RECORDS_OFFSET) < 0
                    || view.getLong(at + VOID_FIRST_DROPPED_SEQUENCE_OFFSET) < -1) {
                    return "VOID frame has invalid fields";
                }
                return null;
            }
            default -> {
                return "unknown frame kind " + kind;
            }
        }
    }

    /** True if bytes [from, to) of the document are zero. */
    private boolean isZero(final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (view.getByte(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private int fail(final int at, final String reason) {
        failureOffset = at;
        failure = reason;
        return MALFORMED;
    }

    /** @return frames decoded by the last successful {@link #decode}. */
    int count() {
        return count;
    }

    /** @return the offset of frame {@code i} in the document. */
    int offset(final int i) {
        return offsets[i];
    }

    /** @return why the last decode failed, or null. */
    String failure() {
        return failure;
    }

    /** @return the offset of the frame that failed. */
    int failureOffset() {
        return failureOffset;
    }

    /** @return the unsupported version found by the last decode. */
    int version() {
        return version;
    }
}

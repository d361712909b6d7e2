package io.allianceledger.journal;

import io.allianceledger.command.CommandLayout;

/**
 * The byte layout of journal frames, version {@value #FORMAT_VERSION}; {@code docs/journal-format.md} is the
 * normative description and must change with this class.
 * <p>
 * Every Chronicle document the journal writes holds one or more frames back to back. A frame is little-endian:
 * <pre>
 *   0   u32  frame length L, a multiple of 8, trailer included
 *   4   u16  format version
 *   6   u16  kind: HEADER, COMMAND, COMMIT or VOID
 *   8   ...  fields of the kind, zero padded to content length C (a multiple of 8)
 *   C   32   chain hash: SHA-256, or HMAC-SHA256 under the key, of (previous frame's chain hash || bytes [0, C))
 *   C+32 u32 CRC32C of bytes [0, C+32)
 *   C+36 u32 zero
 * </pre>
 */
final class Frames {
    /** The only format version this code writes and reads. */
    static final int FORMAT_VERSION = 1;

    static final int KIND_HEADER = 1;
    static final int KIND_COMMAND = 2;
    static final int KIND_COMMIT = 3;
    static final int KIND_VOID = 4;

    static final int LENGTH_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int KIND_OFFSET = 6;
    static final int PREFIX_LENGTH = 8;

    static final int CHAIN_LENGTH = 32;
    /** Chain hash, CRC and four zero bytes. */
    static final int TRAILER_LENGTH = CHAIN_LENGTH + 8;

    // HEADER: opens every cycle file and names the ledger.
    static final int HEADER_FIRST_SEQUENCE_OFFSET = 8;
    static final int HEADER_FIRST_TIMESTAMP_OFFSET = 16;
    static final int HEADER_MAX_ACCOUNTS_OFFSET = 24;
    static final int HEADER_ALGORITHM_OFFSET = 28;
    static final int HEADER_IDENTITY_LENGTH_OFFSET = 29;
    static final int HEADER_RESERVED_OFFSET = 30;
    static final int HEADER_PREVIOUS_CHAIN_OFFSET = 32;
    static final int HEADER_IDENTITY_OFFSET = 64;
    static final int MAX_IDENTITY_LENGTH = 64;
    static final int HEADER_CONTENT_LENGTH = HEADER_IDENTITY_OFFSET + MAX_IDENTITY_LENGTH;

    // COMMAND: one journaled command.
    static final int COMMAND_SEQUENCE_OFFSET = 8;
    static final int COMMAND_TIMESTAMP_OFFSET = 16;
    static final int COMMAND_LENGTH_OFFSET = 24;
    static final int COMMAND_RESERVED_OFFSET = 28;
    static final int COMMAND_BYTES_OFFSET = 32;

    // COMMIT: closes a group-commit batch.
    static final int COMMIT_FIRST_SEQUENCE_OFFSET = 8;
    static final int COMMIT_COUNT_OFFSET = 16;
    static final int COMMIT_CONTENT_LENGTH = 24;

    // VOID: declares a run of earlier documents void (a torn tail, or what a repair dropped).
    static final int VOID_FIRST_INDEX_OFFSET = 8;
    static final int VOID_LAST_INDEX_OFFSET = 16;
    static final int VOID_FIRST_DROPPED_SEQUENCE_OFFSET = 24;
    static final int VOID_DROPPED_RECORDS_OFFSET = 32;
    static final int VOID_REASON_OFFSET = 40;
    static final int VOID_RESERVED_OFFSET = 44;
    static final int VOID_CONTENT_LENGTH = 48;

    static final int VOID_REASON_TORN_TAIL = 1;
    static final int VOID_REASON_REPAIR = 2;

    static final int ALGORITHM_SHA256 = 1;
    static final int ALGORITHM_HMAC_SHA256 = 2;

    static final int HEADER_FRAME_LENGTH = HEADER_CONTENT_LENGTH + TRAILER_LENGTH;
    static final int COMMIT_FRAME_LENGTH = COMMIT_CONTENT_LENGTH + TRAILER_LENGTH;
    static final int VOID_FRAME_LENGTH = VOID_CONTENT_LENGTH + TRAILER_LENGTH;
    static final int MIN_COMMAND_FRAME_LENGTH = COMMAND_BYTES_OFFSET + TRAILER_LENGTH;
    static final int MAX_COMMAND_FRAME_LENGTH = commandFrameLength(CommandLayout.MAX_COMMAND_LENGTH);
    static final int MAX_FRAME_LENGTH = Math.max(MAX_COMMAND_FRAME_LENGTH, HEADER_FRAME_LENGTH);

    private Frames() {
    }

    /** @return the length of a COMMAND frame holding {@code commandLength} bytes. */
    static int commandFrameLength(final int commandLength) {
        return COMMAND_BYTES_OFFSET + pad8(commandLength) + TRAILER_LENGTH;
    }

    static int pad8(final int length) {
        return (length + 7) & ~7;
    }

    static String kindName(final int kind) {
        return switch (kind) {
            case KIND_HEADER -> "HEADER";
            case KIND_COMMAND -> "COMMAND";
            case KIND_COMMIT -> "COMMIT";
            case KIND_VOID -> "VOID";
            default -> "UNKNOWN(" + kind + ")";
        };
    }
}

package io.allianceledger.journal;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.zip.CRC32C;

import static io.allianceledger.journal.Frames.*;

/**
 * Builds frames in a reused array and seals each with the running chain hash and its CRC32C. Each method leaves
 * one complete frame at the start of {@link #bytes()} and returns its length; the caller copies it out before
 * the next call. Allocates nothing. Not thread-safe.
 */
final class FrameEncoder {
    private final byte[] bytes = new byte[MAX_FRAME_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private final CRC32C crc = new CRC32C();
    private final ChainHash chain;

    FrameEncoder(final ChainHash chain) {
        this.chain = chain;
    }

    /** @return the array holding the last frame built, from index 0. */
    byte[] bytes() {
        return bytes;
    }

    /** @return the chain hash this encoder advances. */
    ChainHash chain() {
        return chain;
    }

    int command(final long sequence, final long timestamp, final DirectBuffer source, final int offset,
        final int length) {
        final int content = COMMAND_BYTES_OFFSET + pad8(length);
        start(content, KIND_COMMAND);
        buffer.putLong(COMMAND_SEQUENCE_OFFSET, sequence);
        buffer.putLong(COMMAND_TIMESTAMP_OFFSET, timestamp);
        buffer.putInt(COMMAND_LENGTH_OFFSET, length);
        buffer.putInt(COMMAND_RESERVED_OFFSET, 0);
        source.getBytes(offset, buffer, COMMAND_BYTES_OFFSET, length);
        for (int i = COMMAND_BYTES_OFFSET + length; i < content; i++) {
            bytes[i] = 0;
        }
        return seal(content);
    }

    int commit(final long firstSequence, final long count) {
        start(COMMIT_CONTENT_LENGTH, KIND_COMMIT);
        buffer.putLong(COMMIT_FIRST_SEQUENCE_OFFSET, firstSequence);
        buffer.putLong(COMMIT_COUNT_OFFSET, count);
        return seal(COMMIT_CONTENT_LENGTH);
    }

    int header(final long firstSequence, final long firstTimestamp, final int maxAccounts, final byte[] identity) {
        start(HEADER_CONTENT_LENGTH, KIND_HEADER);
        buffer.putLong(HEADER_FIRST_SEQUENCE_OFFSET, firstSequence);
        buffer.putLong(HEADER_FIRST_TIMESTAMP_OFFSET, firstTimestamp);
        buffer.putInt(HEADER_MAX_ACCOUNTS_OFFSET, maxAccounts);
        buffer.putByte(HEADER_ALGORITHM_OFFSET, (byte)chain.algorithm());
        buffer.putByte(HEADER_IDENTITY_LENGTH_OFFSET, (byte)identity.length);
        buffer.putShort(HEADER_RESERVED_OFFSET, (short)0);
        chain.copyTo(bytes, HEADER_PREVIOUS_CHAIN_OFFSET);
        buffer.setMemory(HEADER_IDENTITY_OFFSET, MAX_IDENTITY_LENGTH, (byte)0);
        buffer.putBytes(HEADER_IDENTITY_OFFSET, identity);
        return seal(HEADER_CONTENT_LENGTH);
    }

    int voidFrame(final long firstIndex, final long lastIndex, final long firstDroppedSequence,
        final long droppedRecords, final int reason) {
        start(VOID_CONTENT_LENGTH, KIND_VOID);
        buffer.putLong(VOID_FIRST_INDEX_OFFSET, firstIndex);
        buffer.putLong(VOID_LAST_INDEX_OFFSET, lastIndex);
        buffer.putLong(VOID_FIRST_DROPPED_SEQUENCE_OFFSET, firstDroppedSequence);
        buffer.putLong(VOID_DROPPED_RECORDS_OFFSET, droppedRecords);
        buffer.putInt(VOID_REASON_OFFSET, reason);
        buffer.putInt(VOID_RESERVED_OFFSET, 0);
        return seal(VOID_CONTENT_LENGTH);
    }

    private void start(final int content, final int kind) {
        buffer.putInt(LENGTH_OFFSET, content + TRAILER_LENGTH);
        buffer.putShort(VERSION_OFFSET, (short)FORMAT_VERSION);
        buffer.putShort(KIND_OFFSET, (short)kind);
    }

    private int seal(final int content) {
        chain.advance(bytes, 0, content);
        chain.copyTo(bytes, content);
        crc.reset();
        crc.update(bytes, 0, content + CHAIN_LENGTH);
        buffer.putInt(content + CHAIN_LENGTH, (int)crc.getValue());
        buffer.putInt(content + CHAIN_LENGTH + 4, 0);
        return content + TRAILER_LENGTH;
    }
}

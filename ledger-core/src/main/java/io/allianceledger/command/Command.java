package io.allianceledger.command;

import org.agrona.MutableDirectBuffer;

import static io.allianceledger.command.CommandLayout.HEADER_LENGTH;
import static io.allianceledger.command.CommandLayout.ID_HIGH_OFFSET;
import static io.allianceledger.command.CommandLayout.ID_LOW_OFFSET;
import static io.allianceledger.command.CommandLayout.LENGTH_OFFSET;
import static io.allianceledger.command.CommandLayout.RESERVED_OFFSET;
import static io.allianceledger.command.CommandLayout.TYPE_OFFSET;

/**
 * A command the host asks the ledger to apply: a value that encodes itself into the binary layout of
 * {@link CommandLayout}. The encoded bytes, not this object, are what the engine applies and the journal keeps.
 */
public interface Command {
    /** @return the idempotency key. */
    CommandId id();

    /** @return the number of bytes {@link #encode} writes. */
    int encodedLength();

    /**
     * Writes the command at {@code offset}.
     *
     * @param buffer where to write; must have {@link #encodedLength()} bytes from {@code offset}.
     * @param offset where the header starts.
     * @return the number of bytes written.
     */
    int encode(MutableDirectBuffer buffer, int offset);

    /**
     * Writes the common header.
     *
     * @param buffer the target.
     * @param offset where the header starts.
     * @param type   one of the {@code TYPE_} constants.
     * @param length the total length of the command.
     * @param id     the idempotency key.
     */
    static void writeHeader(
        final MutableDirectBuffer buffer, final int offset, final int type, final int length, final CommandId id) {
        if ((length & 7) != 0 || length < HEADER_LENGTH) {
            throw new IllegalArgumentException("command length must be a multiple of 8: " + length);
        }
        buffer.setMemory(offset, length, (byte)0);
        buffer.putShort(offset + TYPE_OFFSET, (short)type);
        buffer.putShort(offset + RESERVED_OFFSET, (short)0);
        buffer.putInt(offset + LENGTH_OFFSET, length);
        buffer.putLong(offset + ID_HIGH_OFFSET, id.high());
        buffer.putLong(offset + ID_LOW_OFFSET, id.low());
    }
}

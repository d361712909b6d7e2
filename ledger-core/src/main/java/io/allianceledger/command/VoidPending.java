package io.allianceledger.command;

import org.agrona.MutableDirectBuffer;

import static io.allianceledger.command.CommandLayout.*;

/**
 * Releases everything a pending entry reserved.
 *
 * @param id        idempotency key.
 * @param pendingId the pending entry's id.
 */
public record VoidPending(CommandId id, CommandId pendingId) implements Command {
    @Override
    public int encodedLength() {
        return VOID_PENDING_LENGTH;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_VOID_PENDING, VOID_PENDING_LENGTH, id);
        buffer.putLong(offset + PENDING_ID_HIGH_OFFSET, pendingId.high());
        buffer.putLong(offset + PENDING_ID_LOW_OFFSET, pendingId.low());
        return VOID_PENDING_LENGTH;
    }
}

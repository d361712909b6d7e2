package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Releases an open hold: its points go back to the lots they were reserved from.
 *
 * @param id        idempotency key.
 * @param hold      the hold's id.
 * @param eventTime business time, epoch milliseconds; orders the release among the ledger's events.
 */
public record ReleaseHold(CommandId id, CommandId hold, long eventTime) implements Command {
    @Override
    public int encodedLength() {
        return 48;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_RELEASE_HOLD, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, hold.high());
        buffer.putLong(offset + FIELD_1, hold.low());
        buffer.putLong(offset + FIELD_2, eventTime);
        return encodedLength();
    }
}

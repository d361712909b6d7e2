package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Captures an open hold, whole or in part, and releases the rest: a redemption of the captured points, priced
 * with the rules the hold was made under.
 *
 * @param id        idempotency key.
 * @param hold      the hold's id.
 * @param points    points to capture, 1..the points held.
 * @param eventTime business time, epoch milliseconds.
 */
public record CaptureHold(CommandId id, CommandId hold, long points, long eventTime) implements Command {
    @Override
    public int encodedLength() {
        return 56;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_CAPTURE_HOLD, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, hold.high());
        buffer.putLong(offset + FIELD_1, hold.low());
        buffer.putLong(offset + FIELD_2, points);
        buffer.putLong(offset + FIELD_3, eventTime);
        return encodedLength();
    }
}

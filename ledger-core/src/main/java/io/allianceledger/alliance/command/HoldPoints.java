package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * The first phase of a two-phase redemption (rule 3): reserves available lots in redemption order for an order
 * in progress. Nothing is posted until {@link CaptureHold}; {@link ReleaseHold} or the timeout on the engine
 * clock gives the points back.
 *
 * @param id             idempotency key; names the hold.
 * @param member         the member's id.
 * @param store          the store's id.
 * @param points         points to reserve, positive.
 * @param eventTime      business time, epoch milliseconds.
 * @param timeoutSeconds engine-clock seconds after which an uncaptured hold is released, 1..604800.
 */
public record HoldPoints(CommandId id, long member, long store, long points, long eventTime, int timeoutSeconds) implements Command {
    @Override
    public int encodedLength() {
        return 64;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_HOLD, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, member);
        buffer.putLong(offset + FIELD_1, store);
        buffer.putLong(offset + FIELD_2, points);
        buffer.putLong(offset + FIELD_3, eventTime);
        buffer.putInt(offset + FIELD_4, timeoutSeconds);
        return encodedLength();
    }
}

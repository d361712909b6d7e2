package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Transfer (rule 5) of available points between members: the sender's lots are consumed in redemption order and
 * the receiver gets, per lot touched, a lot with the same expiry and accrual time, the value released and the
 * transfer's sequence, available at once.
 *
 * @param id        idempotency key.
 * @param sender    the sending member's id.
 * @param receiver  the receiving member's id.
 * @param points    points, positive.
 * @param eventTime business time, epoch milliseconds.
 */
public record TransferPoints(CommandId id, long sender, long receiver, long points, long eventTime) implements Command {
    @Override
    public int encodedLength() {
        return 56;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_TRANSFER_POINTS, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, sender);
        buffer.putLong(offset + FIELD_1, receiver);
        buffer.putLong(offset + FIELD_2, points);
        buffer.putLong(offset + FIELD_3, eventTime);
        return encodedLength();
    }
}

package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Accrual (rule 1): a member earns points at a store. The member gets the points, pending until exactly the event
 * time plus the lock days; the store owes the operator their value at the issue price in force. If the member
 * owes points (a shortfall under NEGATIVE), the accrual repays that debt first.
 *
 * @param id             idempotency key; also names the accrual for refunds and corrections.
 * @param member         the member's id ({@link ParticipantCode#idOf}).
 * @param store          the store's id.
 * @param points         points earned, positive.
 * @param purchaseAmount the purchase in fen that earned them, not negative (refunds claw back pro rata to it).
 * @param eventTime      business time, epoch milliseconds.
 */
public record Accrue(CommandId id, long member, long store, long points, long purchaseAmount, long eventTime) implements Command {
    @Override
    public int encodedLength() {
        return 64;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_ACCRUE, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, member);
        buffer.putLong(offset + FIELD_1, store);
        buffer.putLong(offset + FIELD_2, points);
        buffer.putLong(offset + FIELD_3, purchaseAmount);
        buffer.putLong(offset + FIELD_4, eventTime);
        return encodedLength();
    }
}

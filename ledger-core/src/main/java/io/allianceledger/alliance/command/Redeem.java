package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Redemption (rule 2): a member spends available points at a store. Lots are consumed by earliest expiry, then
 * earliest accrual, then sequence; the operator owes the store the points at the redemption price in force.
 *
 * @param id        idempotency key.
 * @param member    the member's id.
 * @param store     the store's id.
 * @param points    points spent, positive.
 * @param eventTime business time, epoch milliseconds; decides which lots are available and which rules apply.
 */
public record Redeem(CommandId id, long member, long store, long points, long eventTime) implements Command {
    @Override
    public int encodedLength() {
        return 56;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_REDEEM, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, member);
        buffer.putLong(offset + FIELD_1, store);
        buffer.putLong(offset + FIELD_2, points);
        buffer.putLong(offset + FIELD_3, eventTime);
        return encodedLength();
    }
}

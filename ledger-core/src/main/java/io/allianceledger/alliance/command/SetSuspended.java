package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Suspends a participant (no new business: accruals, redemptions, holds, transfers, sales) or lifts the suspension.
 * Clearing, captures and releases of existing holds, refunds and corrections still work.
 *
 * @param id          idempotency key.
 * @param participant the participant's id.
 * @param suspended   true to suspend, false to resume.
 * @param eventTime   business time, epoch milliseconds; orders the change among the ledger's events (it takes
 *                    effect for every command applied after it).
 */
public record SetSuspended(CommandId id, long participant, boolean suspended, long eventTime) implements Command {
    @Override
    public int encodedLength() {
        return 48;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_SET_SUSPENDED, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, participant);
        buffer.putByte(offset + FIELD_1, (byte)(suspended ? 1 : 0));
        buffer.putLong(offset + FIELD_2, eventTime);
        return encodedLength();
    }
}

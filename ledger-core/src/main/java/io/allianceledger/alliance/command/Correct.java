package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Correction (rule 8): reverses a booked operation with entries that reference it; nothing is edited or deleted.
 * Applies to a sale not yet refunded, an accrual whose lot is untouched, and a redemption or capture.
 *
 * @param id        idempotency key.
 * @param original  the id of the operation corrected.
 * @param eventTime business time, epoch milliseconds.
 */
public record Correct(CommandId id, CommandId original, long eventTime) implements Command {
    @Override
    public int encodedLength() {
        return 48;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_CORRECT, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, original.high());
        buffer.putLong(offset + FIELD_1, original.low());
        buffer.putLong(offset + FIELD_2, eventTime);
        return encodedLength();
    }
}

package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Refund (rule 7) of part or all of what remains unrefunded of a sale or an accrual. A sale refund takes the amount
 * back from every party pro rata to their remaining parts; an accrual refund (goods returned) claws back points.
 *
 * @param id        idempotency key.
 * @param original  the id of the {@link SettleSale} or {@link Accrue} refunded.
 * @param amount    fen, 1..what remains unrefunded.
 * @param eventTime business time, epoch milliseconds.
 */
public record Refund(CommandId id, CommandId original, long amount, long eventTime) implements Command {
    @Override
    public int encodedLength() {
        return 56;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_REFUND, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, original.high());
        buffer.putLong(offset + FIELD_1, original.low());
        buffer.putLong(offset + FIELD_2, amount);
        buffer.putLong(offset + FIELD_3, eventTime);
        return encodedLength();
    }
}

package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Sale settlement (rule 6): a payment collected at a store through a channel. The operator's receivable from the
 * channel rises by the amount; the fee is split between the store's chain and the operator; the store is owed the
 * rest.
 *
 * @param id            idempotency key; names the sale for refunds and corrections.
 * @param store         the store's id.
 * @param channel       the channel's id (a participant with role CHANNEL).
 * @param transactionId the channel's transaction id, 1..64 UTF-8 bytes, unique per channel.
 * @param amount        fen, positive.
 * @param eventTime     business time, epoch milliseconds; decides the rule version and the store's chain.
 */
public record SettleSale(CommandId id, long store, long channel, String transactionId, long amount, long eventTime)
    implements Command {
    /** Validates the transaction id's length. */
    public SettleSale {
        ParticipantCode.utf8(transactionId);
    }

    @Override
    public int encodedLength() {
        return paddedLength(TRANSACTION_OFFSET, ParticipantCode.utf8(transactionId).length);
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        final byte[] bytes = ParticipantCode.utf8(transactionId);
        Command.writeHeader(buffer, offset, TYPE_SETTLE_SALE, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, store);
        buffer.putLong(offset + FIELD_1, channel);
        buffer.putLong(offset + FIELD_2, amount);
        buffer.putLong(offset + FIELD_3, eventTime);
        buffer.putByte(offset + FIELD_4, (byte)bytes.length);
        buffer.putBytes(offset + TRANSACTION_OFFSET, bytes);
        return encodedLength();
    }
}

package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import java.util.Objects;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Refund (rule 7) of part or all of what remains unrefunded of a sale or an accrual. A sale refund takes the amount
 * back from every party pro rata to their remaining parts; an accrual refund (goods returned) claws back points,
 * either for a refunded purchase amount or an exact number of points.
 *
 * @param id                   idempotency key.
 * @param original             the id of the {@link SettleSale} or {@link Accrue} refunded.
 * @param amount               fen, 1..what remains unrefunded; or, in {@link Unit#POINTS}, points of an accrual,
 *                             1..its remaining points.
 * @param unit                 what the amount counts; a sale is refunded in fen only.
 * @param channelTransactionId the channel's id of a sale refund (1..64 UTF-8 bytes, unique per channel among its
 *                             sales and refunds), or null; never for an accrual.
 * @param eventTime            business time, epoch milliseconds.
 */
public record Refund(CommandId id, CommandId original, long amount, Unit unit, String channelTransactionId,
    long eventTime) implements Command {

    /** What a refund's amount counts. */
    public enum Unit {
        /** Fen of the sale amount or of the accrual's purchase amount. */
        FEN(0),
        /** Points of an accrual, clawed back exactly. */
        POINTS(1);

        private final int code;

        Unit(final int code) {
            this.code = code;
        }

        /** @return the stable code in the command's bytes. */
        public int code() {
            return code;
        }
    }

    /** Validates the unit and the transaction id's length. */
    public Refund {
        Objects.requireNonNull(unit, "unit");
        if (channelTransactionId != null) {
            ParticipantCode.utf8(channelTransactionId);
        }
    }

    /**
     * A refund in fen without a channel transaction id.
     *
     * @param id        idempotency key.
     * @param original  the sale or accrual refunded.
     * @param amount    fen.
     * @param eventTime business time, epoch milliseconds.
     */
    public Refund(final CommandId id, final CommandId original, final long amount, final long eventTime) {
        this(id, original, amount, Unit.FEN, null, eventTime);
    }

    /**
     * @param id        idempotency key.
     * @param accrual   the accrual refunded.
     * @param points    points to claw back.
     * @param eventTime business time, epoch milliseconds.
     * @return a refund of exactly {@code points} points of an accrual.
     */
    public static Refund points(final CommandId id, final CommandId accrual, final long points, final long eventTime) {
        return new Refund(id, accrual, points, Unit.POINTS, null, eventTime);
    }

    @Override
    public int encodedLength() {
        return channelTransactionId == null ? TRANSACTION_OFFSET
            : paddedLength(TRANSACTION_OFFSET, ParticipantCode.utf8(channelTransactionId).length);
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_REFUND, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, original.high());
        buffer.putLong(offset + FIELD_1, original.low());
        buffer.putLong(offset + FIELD_2, amount);
        buffer.putLong(offset + FIELD_3, eventTime);
        buffer.putByte(offset + REFUND_UNIT_OFFSET, (byte)unit.code());
        if (channelTransactionId != null) {
            final byte[] bytes = ParticipantCode.utf8(channelTransactionId);
            buffer.putByte(offset + REFUND_TRANSACTION_LENGTH_OFFSET, (byte)bytes.length);
            buffer.putBytes(offset + TRANSACTION_OFFSET, bytes);
        }
        return encodedLength();
    }
}

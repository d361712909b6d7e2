package io.allianceledger.command;

import org.agrona.MutableDirectBuffer;

import java.util.Arrays;

import static io.allianceledger.command.CommandLayout.*;

/**
 * Posts a pending entry. With no amounts the whole entry is posted; otherwise {@code amounts} gives, for each
 * posting of the pending entry in order (debits first), the amount to post, between 0 and the reserved amount.
 * The posted amounts must balance per asset; whatever is not posted is released.
 *
 * @param id        idempotency key.
 * @param pendingId the pending entry's id.
 * @param amounts   empty for the whole entry, or one amount per posting.
 */
public record PostPending(CommandId id, CommandId pendingId, long[] amounts) implements Command {
    /** Copies the amounts so the command is an immutable value. */
    public PostPending {
        amounts = amounts == null ? new long[0] : amounts.clone();
        if (amounts.length > 0xFFFF) {
            throw new IllegalArgumentException("too many amounts to encode");
        }
    }

    /**
     * Posts the whole pending entry.
     *
     * @param id        idempotency key.
     * @param pendingId the pending entry.
     * @return the command.
     */
    public static PostPending whole(final CommandId id, final CommandId pendingId) {
        return new PostPending(id, pendingId, new long[0]);
    }

    @Override
    public long[] amounts() {
        return amounts.clone();
    }

    @Override
    public int encodedLength() {
        return POST_AMOUNTS_OFFSET + 8 * amounts.length;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        final int length = encodedLength();
        Command.writeHeader(buffer, offset, TYPE_POST_PENDING, length, id);
        buffer.putLong(offset + PENDING_ID_HIGH_OFFSET, pendingId.high());
        buffer.putLong(offset + PENDING_ID_LOW_OFFSET, pendingId.low());
        buffer.putShort(offset + POST_AMOUNT_COUNT_OFFSET, (short)amounts.length);
        for (int i = 0; i < amounts.length; i++) {
            buffer.putLong(offset + POST_AMOUNTS_OFFSET + 8 * i, amounts[i]);
        }
        return length;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof PostPending p && id.equals(p.id) && pendingId.equals(p.pendingId)
            && Arrays.equals(amounts, p.amounts);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * id.hashCode() + pendingId.hashCode()) + Arrays.hashCode(amounts);
    }

    @Override
    public String toString() {
        return "PostPending[id=" + id + ", pendingId=" + pendingId + ", amounts=" + Arrays.toString(amounts) + "]";
    }
}

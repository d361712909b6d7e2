package io.allianceledger.command;

import org.agrona.MutableDirectBuffer;

import java.util.List;

import static io.allianceledger.command.CommandLayout.*;

/**
 * Posts a balanced entry: for every asset, the debits sum to the credits. Applied atomically or not at all.
 * <p>
 * With {@code pending} the entry only reserves: its amounts count as pending debits and credits until a
 * {@link PostPending} posts them (whole or in part, the rest released), a {@link VoidPending} releases them, or
 * the timeout elapses on the engine clock.
 *
 * @param id             idempotency key; also the entry's id.
 * @param debits         debit legs, 0..{@value CommandLayout#MAX_POSTINGS} together with the credits.
 * @param credits        credit legs.
 * @param pending        reserve instead of posting.
 * @param timeoutSeconds for a pending entry, seconds after its engine timestamp at which it expires; 0 for never.
 * @param code           a host-defined kind of entry, kept and returned in queries.
 * @param reference      a host-defined reference, e.g. the entry this one corrects; may be null.
 */
public record PostEntry(
    CommandId id,
    List<Posting> debits,
    List<Posting> credits,
    boolean pending,
    int timeoutSeconds,
    int code,
    CommandId reference) implements Command {

    /**
     * Copies the lists so the command is an immutable value.
     */
    public PostEntry {
        debits = List.copyOf(debits);
        credits = List.copyOf(credits);
        if (debits.size() > 0xFFFF || credits.size() > 0xFFFF) {
            throw new IllegalArgumentException("too many postings to encode");
        }
    }

    /**
     * A posted two-leg transfer.
     *
     * @param id     idempotency key.
     * @param debit  account debited.
     * @param credit account credited.
     * @param amount minor units.
     * @return the entry.
     */
    public static PostEntry transfer(final CommandId id, final long debit, final long credit, final long amount) {
        return new PostEntry(id, List.of(new Posting(debit, amount)), List.of(new Posting(credit, amount)),
            false, 0, 0, null);
    }

    /**
     * A pending two-leg transfer.
     *
     * @param id             idempotency key.
     * @param debit          account debited.
     * @param credit         account credited.
     * @param amount         minor units.
     * @param timeoutSeconds seconds until it expires, 0 for never.
     * @return the entry.
     */
    public static PostEntry pendingTransfer(
        final CommandId id, final long debit, final long credit, final long amount, final int timeoutSeconds) {
        return new PostEntry(id, List.of(new Posting(debit, amount)), List.of(new Posting(credit, amount)),
            true, timeoutSeconds, 0, null);
    }

    @Override
    public int encodedLength() {
        return ENTRY_POSTINGS_OFFSET + POSTING_LENGTH * (debits.size() + credits.size());
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        final int length = encodedLength();
        Command.writeHeader(buffer, offset, TYPE_POST_ENTRY, length, id);
        buffer.putInt(offset + ENTRY_FLAGS_OFFSET, pending ? ENTRY_PENDING : 0);
        buffer.putInt(offset + ENTRY_TIMEOUT_OFFSET, timeoutSeconds);
        buffer.putInt(offset + ENTRY_CODE_OFFSET, code);
        buffer.putShort(offset + ENTRY_DEBIT_COUNT_OFFSET, (short)debits.size());
        buffer.putShort(offset + ENTRY_CREDIT_COUNT_OFFSET, (short)credits.size());
        if (reference != null) {
            buffer.putLong(offset + ENTRY_REFERENCE_HIGH_OFFSET, reference.high());
            buffer.putLong(offset + ENTRY_REFERENCE_LOW_OFFSET, reference.low());
        }
        int at = offset + ENTRY_POSTINGS_OFFSET;
        for (final Posting p : debits) {
            buffer.putLong(at, p.accountId());
            buffer.putLong(at + 8, p.amount());
            at += POSTING_LENGTH;
        }
        for (final Posting p : credits) {
            buffer.putLong(at, p.accountId());
            buffer.putLong(at + 8, p.amount());
            at += POSTING_LENGTH;
        }
        return length;
    }
}

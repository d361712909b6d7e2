package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Expiry sweep (rule 4): every lot expired by {@code asOf} loses its remaining points, whose value becomes the
 * operator's breakage revenue. Processes lots in expiry order, at most {@code maxLots} (and at most
 * {@value AllianceLayout#MAX_LOTS_PER_OPERATION}) per command; a host repeats the sweep until
 * {@code AllianceQueries.lotsDue(asOf)} is zero.
 *
 * @param id      idempotency key.
 * @param asOf    business time, epoch milliseconds: lots expiring at or before it are swept.
 * @param maxLots most lots to process, 1..{@value AllianceLayout#MAX_LOTS_PER_OPERATION}.
 */
public record SweepExpiry(CommandId id, long asOf, int maxLots) implements Command {
    @Override
    public int encodedLength() {
        return 40;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_SWEEP_EXPIRY, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, asOf);
        buffer.putInt(offset + FIELD_1, maxLots);
        return encodedLength();
    }
}

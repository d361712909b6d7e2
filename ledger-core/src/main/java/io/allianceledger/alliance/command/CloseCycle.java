package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Closes the clearing cycle {@code [end of the previous cycle (or the ledger's first event), through)}: sweeps the
 * points expired by {@code through} into the cycle, then for every clearing party (store, HQ, agent, channel) turns
 * its position into a settlement instruction, booked as entries, or carries it forward when it is below the
 * minimum settlement amount in force at {@code through}. Closing the same {@code through} again changes nothing
 * ({@code EXISTS} with the same id, {@code CYCLE_ALREADY_CLOSED} with another).
 *
 * @param id      idempotency key; names the close and its settlement entries.
 * @param through the cycle's end, exclusive: business time, epoch milliseconds (operators use local midnight).
 */
public record CloseCycle(CommandId id, long through) implements Command {
    @Override
    public int encodedLength() {
        return 32;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_CLOSE_CYCLE, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, through);
        return encodedLength();
    }
}

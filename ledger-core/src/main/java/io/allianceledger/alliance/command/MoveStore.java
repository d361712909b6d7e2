package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Moves a store to another parent (an HQ, an agent or the operator) from an instant on; business at earlier times,
 * and everything already booked, keeps the chain it had.
 *
 * @param id            idempotency key.
 * @param store         the store's id.
 * @param newParent     the new parent's id.
 * @param effectiveFrom business time, epoch milliseconds, after the store's previous move.
 */
public record MoveStore(CommandId id, long store, long newParent, long effectiveFrom) implements Command {
    @Override
    public int encodedLength() {
        return 48;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_MOVE_STORE, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, store);
        buffer.putLong(offset + FIELD_1, newParent);
        buffer.putLong(offset + FIELD_2, effectiveFrom);
        return encodedLength();
    }
}

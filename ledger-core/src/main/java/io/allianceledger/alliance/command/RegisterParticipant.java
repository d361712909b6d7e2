package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Registers a participant and opens its standard accounts. The engine derives the participant's id from its code
 * ({@link ParticipantCode#idOf}); the code is kept for reports.
 *
 * @param id         idempotency key.
 * @param code       the participant's code, 1..64 UTF-8 bytes, unique in the ledger.
 * @param role       its role.
 * @param parentCode the parent's code: an agent or the operator for an agent or HQ; an HQ, agent or the operator
 *                   for a store; null for the operator, members and channels.
 */
public record RegisterParticipant(CommandId id, String code, Role role, String parentCode) implements Command {
    /** Validates the code lengths. */
    public RegisterParticipant {
        ParticipantCode.utf8(code);
        if (parentCode != null) {
            ParticipantCode.utf8(parentCode);
        }
    }

    @Override
    public int encodedLength() {
        return paddedLength(CODE_OFFSET, ParticipantCode.utf8(code).length);
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        final byte[] bytes = ParticipantCode.utf8(code);
        Command.writeHeader(buffer, offset, TYPE_REGISTER_PARTICIPANT, encodedLength(), id);
        buffer.putByte(offset + FIELD_0, (byte)role.code());
        buffer.putByte(offset + FIELD_0 + 1, (byte)bytes.length);
        buffer.putLong(offset + FIELD_1, parentCode == null ? 0 : ParticipantCode.idOf(parentCode));
        buffer.putBytes(offset + CODE_OFFSET, bytes);
        return encodedLength();
    }
}

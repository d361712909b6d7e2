package io.allianceledger.alliance;

import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A command too short for its type is {@code MALFORMED_COMMAND}, never an exception: the state machine may be
 * handed exactly the command's bytes (a replicated log), with nothing after them to read by mistake.
 */
class MalformedAllianceCommandTest {
    @Test
    void headerOnlyCommandsOfEveryAllianceTypeAreMalformed() {
        final StateMachine machine = new StateMachine(16, 1000, new AllianceDomain());
        final CommandResult result = new CommandResult();
        long time = 1;
        for (int type = CommandLayout.FIRST_EXTENSION_TYPE; type <= AllianceLayout.LAST_TYPE; type++) {
            for (int length = CommandLayout.HEADER_LENGTH; length < 64; length += 8) {
                final UnsafeBuffer b = new UnsafeBuffer(new byte[length]);
                b.putShort(CommandLayout.TYPE_OFFSET, (short)type);
                b.putInt(CommandLayout.LENGTH_OFFSET, length);
                b.putLong(CommandLayout.ID_LOW_OFFSET, 1000 + type);
                machine.apply(b, 0, length, time++, result);
                final ResultCode code = result.code();
                if (code != ResultCode.UNKNOWN_COMMAND_TYPE) {
                    assertEquals(true, !code.isSuccess(), "type " + type + " length " + length + ": " + code);
                }
            }
        }
        // Header-only commands of the alliance's types (none of which is that short) are all malformed.
        for (int type = AllianceLayout.TYPE_CONFIGURE_ALLIANCE; type <= AllianceLayout.LAST_TYPE; type++) {
            final UnsafeBuffer b = new UnsafeBuffer(new byte[CommandLayout.HEADER_LENGTH]);
            b.putShort(CommandLayout.TYPE_OFFSET, (short)type);
            b.putInt(CommandLayout.LENGTH_OFFSET, CommandLayout.HEADER_LENGTH);
            b.putLong(CommandLayout.ID_LOW_OFFSET, 5000 + type);
            machine.apply(b, 0, CommandLayout.HEADER_LENGTH, time++, result);
            assertEquals(type == 69 ? ResultCode.UNKNOWN_COMMAND_TYPE : ResultCode.MALFORMED_COMMAND, result.code(),
                "type " + type);
        }
    }
}

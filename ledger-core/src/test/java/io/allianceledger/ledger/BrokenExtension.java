package io.allianceledger.ledger;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.Books;
import io.allianceledger.engine.StateExtension;
import io.allianceledger.engine.StateReader;
import io.allianceledger.engine.StateWriter;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.util.Optional;

/** Test extension with a bug: its only command throws, as a defect in a state machine would. */
final class BrokenExtension implements StateExtension {
    record Boom(CommandId id) implements Command {
        @Override
        public int encodedLength() {
            return CommandLayout.HEADER_LENGTH;
        }

        @Override
        public int encode(final MutableDirectBuffer buffer, final int offset) {
            Command.writeHeader(buffer, offset, CommandLayout.FIRST_EXTENSION_TYPE, CommandLayout.HEADER_LENGTH, id);
            return CommandLayout.HEADER_LENGTH;
        }
    }

    @Override
    public void attach(final Books books) {
    }

    @Override
    public boolean handles(final int type) {
        return type == CommandLayout.FIRST_EXTENSION_TYPE;
    }

    @Override
    public ResultCode apply(final int type, final DirectBuffer buffer, final int offset, final int length, final long ts) {
        throw new ArithmeticException("defect");
    }

    @Override
    public void writeState(final StateWriter out) {
    }

    @Override
    public void readState(final StateReader in) {
    }

    @Override
    public Optional<String> findViolation() {
        return Optional.empty();
    }
}

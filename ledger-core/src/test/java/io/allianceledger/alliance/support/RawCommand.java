package io.allianceledger.alliance.support;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.function.Consumer;

/** Test fixture: a command's bytes, edited after encoding, to reach rejections a typed record cannot produce. */
public record RawCommand(CommandId id, byte[] bytes) implements Command {
    /**
     * @param command a typed command.
     * @param edit    changes its encoded bytes.
     * @return the edited command.
     */
    public static RawCommand edit(final Command command, final Consumer<MutableDirectBuffer> edit) {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);
        final int length = command.encode(b, 0);
        final UnsafeBuffer copy = new UnsafeBuffer(new byte[length]);
        copy.putBytes(0, b, 0, length);
        edit.accept(copy);
        return new RawCommand(command.id(), copy.byteArray());
    }

    @Override
    public int encodedLength() {
        return bytes.length;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        buffer.putBytes(offset, bytes);
        return bytes.length;
    }
}

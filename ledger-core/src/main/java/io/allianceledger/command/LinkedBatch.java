package io.allianceledger.command;

import org.agrona.MutableDirectBuffer;

import java.util.List;

import static io.allianceledger.command.CommandLayout.*;

/**
 * Commands that commit all together or not at all. If one fails, it reports its own code, every other item
 * reports {@link ResultCode#LINKED_EVENT_FAILED}, and nothing changes. A batch whose every item already
 * exists with the same content (a retry of a committed batch) reports {@link ResultCode#EXISTS} for each item;
 * otherwise an item that already exists fails the batch. Batches do not nest.
 *
 * @param items 1..{@value CommandLayout#MAX_BATCH_ITEMS} commands.
 */
public record LinkedBatch(List<Command> items) implements Command {
    private static final CommandId ENVELOPE_ID = new CommandId(0, 0);

    /** Copies the list so the batch is an immutable value. */
    public LinkedBatch {
        items = List.copyOf(items);
        if (items.size() > 0xFFFF) {
            throw new IllegalArgumentException("too many items to encode");
        }
    }

    /** @return the zero id: the envelope has none of its own, each item has its own. */
    @Override
    public CommandId id() {
        return ENVELOPE_ID;
    }

    @Override
    public int encodedLength() {
        int length = BATCH_ITEMS_OFFSET;
        for (final Command c : items) {
            length += c.encodedLength();
        }
        return length;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        final int length = encodedLength();
        Command.writeHeader(buffer, offset, TYPE_LINKED_BATCH, length, ENVELOPE_ID);
        buffer.putShort(offset + BATCH_COUNT_OFFSET, (short)items.size());
        int at = offset + BATCH_ITEMS_OFFSET;
        for (final Command c : items) {
            at += c.encode(buffer, at);
        }
        return length;
    }
}

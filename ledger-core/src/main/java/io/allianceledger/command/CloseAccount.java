package io.allianceledger.command;

import org.agrona.MutableDirectBuffer;

import static io.allianceledger.command.CommandLayout.*;

/**
 * Closes an account: it keeps its balances and history but accepts no new postings.
 * An account with pending amounts cannot be closed.
 *
 * @param id        idempotency key.
 * @param accountId the account to close.
 */
public record CloseAccount(CommandId id, long accountId) implements Command {
    @Override
    public int encodedLength() {
        return CLOSE_ACCOUNT_LENGTH;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_CLOSE_ACCOUNT, CLOSE_ACCOUNT_LENGTH, id);
        buffer.putLong(offset + ACCOUNT_ID_OFFSET, accountId);
        return CLOSE_ACCOUNT_LENGTH;
    }
}

package io.allianceledger.command;

import org.agrona.MutableDirectBuffer;

import static io.allianceledger.command.CommandLayout.*;

/**
 * Opens an account in one asset.
 *
 * @param id        idempotency key.
 * @param accountId the account's 64-bit id, unique in the ledger; must not be zero.
 * @param assetCode the asset the account holds.
 * @param flags     {@link AccountFlags} to set, at most one of the two balance limits.
 */
public record OpenAccount(CommandId id, long accountId, int assetCode, int flags) implements Command {
    @Override
    public int encodedLength() {
        return OPEN_ACCOUNT_LENGTH;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_OPEN_ACCOUNT, OPEN_ACCOUNT_LENGTH, id);
        buffer.putLong(offset + ACCOUNT_ID_OFFSET, accountId);
        buffer.putInt(offset + ACCOUNT_ASSET_OFFSET, assetCode);
        buffer.putInt(offset + ACCOUNT_FLAGS_OFFSET, flags);
        return OPEN_ACCOUNT_LENGTH;
    }
}

package io.allianceledger.command;

import org.agrona.MutableDirectBuffer;

import static io.allianceledger.command.CommandLayout.*;

/**
 * Defines an asset: points (scale 0) or a currency such as CNY (scale 2, the minor unit is the fen).
 *
 * @param id    idempotency key.
 * @param code  the asset's code, chosen by the host (for example 1 for points, 156 for CNY); must be positive.
 * @param scale decimal places of the minor unit, 0..{@value CommandLayout#MAX_SCALE}.
 */
public record DefineAsset(CommandId id, int code, int scale) implements Command {
    @Override
    public int encodedLength() {
        return DEFINE_ASSET_LENGTH;
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_DEFINE_ASSET, DEFINE_ASSET_LENGTH, id);
        buffer.putInt(offset + ASSET_CODE_OFFSET, code);
        buffer.putByte(offset + ASSET_SCALE_OFFSET, (byte)scale);
        return DEFINE_ASSET_LENGTH;
    }
}

package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Configures the alliance once, before anything else: its time zone (local dates decide expiry) and the codes of
 * its two assets, defined here if not yet defined (points with scale 0, CNY with scale 2).
 *
 * @param id          idempotency key.
 * @param zoneId      an IANA time-zone id, e.g. {@code "Asia/Shanghai"}; rules come from the JDK's tz database.
 * @param pointsAsset the asset code of the points.
 * @param cnyAsset    the asset code of CNY (fen).
 */
public record ConfigureAlliance(CommandId id, String zoneId, int pointsAsset, int cnyAsset) implements Command {
    /** Validates the zone id's length. */
    public ConfigureAlliance {
        ParticipantCode.utf8(zoneId);
    }

    @Override
    public int encodedLength() {
        return paddedLength(ZONE_OFFSET, ParticipantCode.utf8(zoneId).length);
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        final byte[] zone = ParticipantCode.utf8(zoneId);
        Command.writeHeader(buffer, offset, TYPE_CONFIGURE_ALLIANCE, encodedLength(), id);
        buffer.putInt(offset + FIELD_0, pointsAsset);
        buffer.putInt(offset + FIELD_0 + 4, cnyAsset);
        buffer.putByte(offset + FIELD_1, (byte)zone.length);
        buffer.putBytes(offset + ZONE_OFFSET, zone);
        return encodedLength();
    }
}

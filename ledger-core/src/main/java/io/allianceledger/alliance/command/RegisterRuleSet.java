package io.allianceledger.alliance.command;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import org.agrona.MutableDirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Registers a rule-set version, in force from {@code effectiveFrom} inclusive until the next version of the same
 * scope. The scope is the alliance default, or one store (an override). A store override with no rules
 * ({@link #followDefault}) hands the store back to the default from its instant on. Versions of one scope must be
 * registered in increasing effective-from order. Booked entries keep the version they used.
 *
 * @param id            idempotency key.
 * @param storeCode     the store whose override this is, or null for the alliance default.
 * @param effectiveFrom business time, epoch milliseconds.
 * @param rules         the rules; null only for a store override that follows the default again.
 */
public record RegisterRuleSet(CommandId id, String storeCode, long effectiveFrom, RuleSet rules) implements Command {
    /** Checks that only a store override may omit its rules. */
    public RegisterRuleSet {
        if (rules == null && storeCode == null) {
            throw new IllegalArgumentException("the alliance default needs rules");
        }
    }

    /**
     * @param id            idempotency key.
     * @param storeCode     the store.
     * @param effectiveFrom from when the store follows the alliance default again.
     * @return the command.
     */
    public static RegisterRuleSet followDefault(final CommandId id, final String storeCode, final long effectiveFrom) {
        return new RegisterRuleSet(id, storeCode, effectiveFrom, null);
    }

    @Override
    public int encodedLength() {
        return RULE_SHARES_OFFSET + RULE_SHARE_LENGTH * (rules == null ? 0 : rules.shares().size());
    }

    @Override
    public int encode(final MutableDirectBuffer buffer, final int offset) {
        Command.writeHeader(buffer, offset, TYPE_REGISTER_RULE_SET, encodedLength(), id);
        buffer.putLong(offset + FIELD_0, storeCode == null ? 0 : ParticipantCode.idOf(storeCode));
        buffer.putLong(offset + FIELD_1, effectiveFrom);
        if (rules == null) {
            buffer.putByte(offset + 65, (byte)RULE_FOLLOW_DEFAULT);
            return encodedLength();
        }
        buffer.putLong(offset + 40, rules.issuePrice());
        buffer.putLong(offset + 48, rules.redeemPrice());
        buffer.putInt(offset + 56, rules.expiryDays());
        buffer.putInt(offset + 60, rules.lockDays());
        buffer.putByte(offset + 64, (byte)rules.shortfallPolicy().code());
        buffer.putByte(offset + 66, (byte)rules.shares().size());
        buffer.putInt(offset + 68, rules.feeRateBps());
        buffer.putInt(offset + 72, rules.maxSplitRatioBps());
        buffer.putLong(offset + 80, rules.minimumSettlement());
        int at = offset + RULE_SHARES_OFFSET;
        for (final SplitShare share : rules.shares()) {
            buffer.putByte(at, (byte)share.agentLevel());
            buffer.putInt(at + 4, share.bps());
            buffer.putLong(at + 8, share.capFen());
            at += RULE_SHARE_LENGTH;
        }
        return encodedLength();
    }
}

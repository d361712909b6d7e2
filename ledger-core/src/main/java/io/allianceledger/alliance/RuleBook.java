package io.allianceledger.alliance;

import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.command.ResultCode;
import org.agrona.DirectBuffer;

/**
 * Every rule-set version ever registered, in registration order; a version's number is its row + 1 and is what
 * entries and records keep, so later versions never change booked ones. Each scope (the alliance default, or one
 * store's overrides) is a chain of versions newest first, with increasing effective-from; the version in force at
 * a time is the newest of the chain whose effective-from is at or before it. A store's chain wins over the
 * default unless its version in force says "follow the default".
 */
final class RuleBook {
    static final int SCOPE = 0;
    static final int EFFECTIVE_FROM = 1;
    static final int PREVIOUS = 2;
    static final int FLAGS = 3;
    static final int ISSUE_PRICE = 4;
    static final int REDEEM_PRICE = 5;
    static final int EXPIRY_DAYS = 6;
    static final int LOCK_DAYS = 7;
    static final int POLICY = 8;
    static final int FEE_BPS = 9;
    static final int MAX_SPLIT_BPS = 10;
    static final int MIN_SETTLEMENT = 11;
    static final int SHARE_COUNT = 12;
    static final int SHARES = 13;
    static final int SHARE_TARGET = 0;
    static final int SHARE_BPS = 1;
    static final int SHARE_CAP = 2;
    private static final int COLUMNS = SHARES + 3 * AllianceLayout.MAX_SHARES;
    /** Versions are numbered up to this, so that an entry code holds one in 23 bits. */
    static final int MAX_VERSIONS = (1 << 23) - 1;

    private final Table rows;

    RuleBook(final Changes changes) {
        rows = new Table(changes, COLUMNS, 16);
    }

    Table rows() {
        return rows;
    }

    int count() {
        return rows.size();
    }

    /**
     * Validates the body of a REGISTER_RULE_SET command (everything but the scope and ordering).
     *
     * @return null when valid, else the rejection.
     */
    static ResultCode validate(final DirectBuffer b, final int o, final int length) {
        final int flags = b.getByte(o + 65) & 0xFF;
        final int shareCount = b.getByte(o + 66) & 0xFF;
        if (length != AllianceLayout.RULE_SHARES_OFFSET + AllianceLayout.RULE_SHARE_LENGTH * shareCount
            || b.getByte(o + 67) != 0 || b.getInt(o + 76) != 0) {
            return ResultCode.MALFORMED_COMMAND;
        }
        if ((flags & ~AllianceLayout.RULE_FOLLOW_DEFAULT) != 0) {
            return ResultCode.INVALID_RULE_SET;
        }
        if (flags == AllianceLayout.RULE_FOLLOW_DEFAULT) {
            // A hand-back carries nothing else.
            for (int i = 40; i < 88; i++) {
                if (i != 65 && b.getByte(o + i) != 0) {
                    return ResultCode.INVALID_RULE_SET;
                }
            }
            return null;
        }
        final long issue = b.getLong(o + 40);
        final long redeem = b.getLong(o + 48);
        final int expiry = b.getInt(o + 56);
        final int lock = b.getInt(o + 60);
        final int policy = b.getByte(o + 64) & 0xFF;
        final int fee = b.getInt(o + 68);
        final int maxSplit = b.getInt(o + 72);
        final long minimum = b.getLong(o + 80);
        if (issue < 0 || issue > AllianceLayout.MAX_PRICE || redeem < 0 || redeem > AllianceLayout.MAX_PRICE
            || expiry < 0 || expiry > AllianceLayout.MAX_EXPIRY_DAYS || lock < 0 || lock > AllianceLayout.MAX_LOCK_DAYS
            || lock > expiry || ShortfallPolicy.of(policy) == null || fee < 0 || maxSplit < 0 || maxSplit > 10_000
            || fee > maxSplit || minimum < 0 || shareCount > AllianceLayout.MAX_SHARES) {
            return ResultCode.INVALID_RULE_SET;
        }
        int targets = 0;
        long bps = 0;
        for (int i = 0; i < shareCount; i++) {
            final int at = o + AllianceLayout.RULE_SHARES_OFFSET + i * AllianceLayout.RULE_SHARE_LENGTH;
            final int target = b.getByte(at) & 0xFF;
            final int share = b.getInt(at + 4);
            final long cap = b.getLong(at + 8);
            if (b.getByte(at + 1) != 0 || b.getShort(at + 2) != 0) {
                return ResultCode.MALFORMED_COMMAND;
            }
            if (target > AllianceLayout.MAX_AGENT_DEPTH || (targets & (1 << target)) != 0 || share < 0
                || share > 10_000 || cap < -1) {
                return ResultCode.INVALID_RULE_SET;
            }
            targets |= 1 << target;
            bps += share;
        }
        return bps > 10_000 ? ResultCode.INVALID_RULE_SET : null;
    }

    /** Appends a validated version of a scope (-1 for the default); returns its row. */
    int add(final DirectBuffer b, final int o, final int scope, final long effectiveFrom, final int previous) {
        final int r = rows.append();
        rows.set(SCOPE, r, scope);
        rows.set(EFFECTIVE_FROM, r, effectiveFrom);
        rows.set(PREVIOUS, r, previous);
        rows.set(FLAGS, r, b.getByte(o + 65) & 0xFF);
        rows.set(ISSUE_PRICE, r, b.getLong(o + 40));
        rows.set(REDEEM_PRICE, r, b.getLong(o + 48));
        rows.set(EXPIRY_DAYS, r, b.getInt(o + 56));
        rows.set(LOCK_DAYS, r, b.getInt(o + 60));
        rows.set(POLICY, r, b.getByte(o + 64) & 0xFF);
        rows.set(FEE_BPS, r, b.getInt(o + 68));
        rows.set(MAX_SPLIT_BPS, r, b.getInt(o + 72));
        rows.set(MIN_SETTLEMENT, r, b.getLong(o + 80));
        final int n = b.getByte(o + 66) & 0xFF;
        rows.set(SHARE_COUNT, r, n);
        for (int i = 0; i < n; i++) {
            final int at = o + AllianceLayout.RULE_SHARES_OFFSET + i * AllianceLayout.RULE_SHARE_LENGTH;
            rows.set(share(i, SHARE_TARGET), r, b.getByte(at) & 0xFF);
            rows.set(share(i, SHARE_BPS), r, b.getInt(at + 4));
            rows.set(share(i, SHARE_CAP), r, b.getLong(at + 8));
        }
        return r;
    }

    static int share(final int i, final int field) {
        return SHARES + 3 * i + field;
    }

    long get(final int column, final int row) {
        return rows.get(column, row);
    }

    long effectiveFrom(final int row) {
        return rows.get(EFFECTIVE_FROM, row);
    }

    /**
     * @param storeLatest the store's latest override row, or -1 (also -1 when no store is involved).
     * @param defaultLatest the latest default row, or -1.
     * @param time a business time.
     * @return the row of the version in force, or -1.
     */
    int inForce(final int storeLatest, final int defaultLatest, final long time) {
        final int override = newestAtOrBefore(storeLatest, time);
        if (override >= 0 && (rows.get(FLAGS, override) & AllianceLayout.RULE_FOLLOW_DEFAULT) == 0) {
            return override;
        }
        return newestAtOrBefore(defaultLatest, time);
    }

    private int newestAtOrBefore(int row, final long time) {
        while (row >= 0 && rows.get(EFFECTIVE_FROM, row) > time) {
            row = rows.getInt(PREVIOUS, row);
        }
        return row;
    }
}

package io.allianceledger.alliance;

import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.command.ResultCode;
import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Who is in the alliance and under which rules: configuration, participant registration with standard accounts,
 * suspension, store moves and rule-set versions.
 */
final class Enrollment {
    private final DomainState s;

    Enrollment(final DomainState state) {
        this.s = state;
    }

    ResultCode configure(final DirectBuffer b, final int o, final int length) {
        final int zoneLength = b.getByte(o + FIELD_1) & 0xFF;
        if (length != paddedLength(ZONE_OFFSET, zoneLength) || !zero(b, o + FIELD_1 + 1, 7)
            || !zero(b, o + ZONE_OFFSET + zoneLength, length - ZONE_OFFSET - zoneLength)) {
            return ResultCode.MALFORMED_COMMAND;
        }
        if (s.settings.configured()) {
            return ResultCode.ALLIANCE_ALREADY_CONFIGURED;
        }
        if (zoneLength == 0 || zoneLength > MAX_TEXT_LENGTH || !ByteStore.isUtf8(b, o + ZONE_OFFSET, zoneLength)) {
            return ResultCode.INVALID_TEXT;
        }
        final int points = b.getInt(o + FIELD_0);
        final int cny = b.getInt(o + FIELD_0 + 4);
        if (points <= 0 || cny <= 0 || points == cny) {
            return ResultCode.INVALID_ASSET_CODE;
        }
        final byte[] zoneBytes = new byte[zoneLength]; // once per ledger
        b.getBytes(o + ZONE_OFFSET, zoneBytes);
        final ZoneId zone;
        try {
            zone = ZoneId.of(new String(zoneBytes, StandardCharsets.UTF_8));
        } catch (final DateTimeException e) {
            return ResultCode.INVALID_TIME_ZONE;
        }
        if (!s.books.hasAsset(points)) {
            final ResultCode c = s.books.defineAsset(points, 0);
            if (c != ResultCode.CREATED) {
                return c;
            }
        }
        if (!s.books.hasAsset(cny)) {
            final ResultCode c = s.books.defineAsset(cny, 2);
            if (c != ResultCode.CREATED) {
                return c;
            }
        }
        s.settings.set(Settings.CONFIGURED, 1);
        s.settings.set(Settings.POINTS_ASSET, points);
        s.settings.set(Settings.CNY_ASSET, cny);
        s.settings.set(Settings.ZONE_OFFSET, s.text.append(b, o + ZONE_OFFSET, zoneLength));
        s.settings.set(Settings.ZONE_LENGTH, zoneLength);
        s.calendar.zone(zone); // derived; reset again on restore
        return ResultCode.CREATED;
    }

    ResultCode register(final DirectBuffer b, final int o, final int length, final long timestamp) {
        final int codeLength = b.getByte(o + FIELD_0 + 1) & 0xFF;
        if (length != paddedLength(CODE_OFFSET, codeLength) || !zero(b, o + FIELD_0 + 2, 6)
            || !zero(b, o + CODE_OFFSET + codeLength, length - CODE_OFFSET - codeLength)) {
            return ResultCode.MALFORMED_COMMAND;
        }
        if (!s.settings.configured()) {
            return ResultCode.ALLIANCE_NOT_CONFIGURED;
        }
        final Role role = Role.of(b.getByte(o + FIELD_0) & 0xFF);
        if (role == null) {
            return ResultCode.INVALID_ROLE;
        }
        if (role == Role.OPERATOR ? s.operator() >= 0 : false) {
            return ResultCode.OPERATOR_ALREADY_REGISTERED;
        }
        if (role != Role.OPERATOR && s.operator() < 0) {
            return ResultCode.OPERATOR_NOT_REGISTERED;
        }
        if (codeLength == 0 || codeLength > MAX_TEXT_LENGTH || !ByteStore.isUtf8(b, o + CODE_OFFSET, codeLength)) {
            return ResultCode.INVALID_TEXT;
        }
        final long id = ParticipantCode.idOf(b, o + CODE_OFFSET, codeLength);
        if (s.participants.indexOf(id) >= 0) {
            return ResultCode.PARTICIPANT_ALREADY_REGISTERED;
        }
        final long parentId = b.getLong(o + FIELD_1);
        int parent = -1;
        int depth = 0;
        final boolean inTree = role == Role.AGENT || role == Role.HQ || role == Role.STORE;
        if (!inTree) {
            if (parentId != 0) {
                return ResultCode.INVALID_PARENT;
            }
        } else {
            if (parentId == 0) {
                return ResultCode.INVALID_PARENT;
            }
            parent = s.participants.indexOf(parentId);
            if (parent < 0) {
                return ResultCode.PARTICIPANT_NOT_FOUND;
            }
            if (!canParent(s.participants.role(parent), role)) {
                return ResultCode.INVALID_PARENT;
            }
            if (role == Role.AGENT) {
                depth = (int)s.participants.get(Participants.AGENT_DEPTH, parent) + 1;
                if (depth > MAX_AGENT_DEPTH) {
                    return ResultCode.TREE_TOO_DEEP;
                }
            }
        }
        final int codeOffset = s.text.append(b, o + CODE_OFFSET, codeLength);
        final int p = s.participants.add(id, role, parent, depth, codeOffset, codeLength, timestamp);
        if (AccountKind.CLEARING.belongsTo(role)) {
            s.participants.set(Participants.POSITION, p, s.positions.add(p));
        }
        for (final AccountKind kind : AccountKind.values()) {
            if (kind.belongsTo(role)) {
                final int asset = (int)s.settings.get(kind.isPoints() ? Settings.POINTS_ASSET : Settings.CNY_ASSET);
                final ResultCode c = s.books.openAccount(kind.accountId(p), asset, 0, timestamp);
                if (c != ResultCode.CREATED) {
                    return c;
                }
            }
        }
        if (role == Role.OPERATOR) {
            s.settings.set(Settings.OPERATOR, p);
        }
        return ResultCode.CREATED;
    }

    ResultCode suspend(final DirectBuffer b, final int o, final int length) {
        final int flag = b.getByte(o + FIELD_1);
        if (length != 48 || !zero(b, o + FIELD_1 + 1, 7) || (flag & ~1) != 0) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long time = b.getLong(o + FIELD_2);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(time);
        if (order != null) {
            return order;
        }
        final int p = s.participants.indexOf(b.getLong(o + FIELD_0));
        if (p < 0) {
            return ResultCode.PARTICIPANT_NOT_FOUND;
        }
        if (p == s.operator()) {
            return ResultCode.WRONG_ROLE;
        }
        s.participants.set(Participants.SUSPENDED, p, flag);
        return ResultCode.CREATED;
    }

    ResultCode move(final DirectBuffer b, final int o, final int length) {
        if (length != 48) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long effectiveFrom = b.getLong(o + FIELD_2);
        if (!DomainState.validTime(effectiveFrom)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admitSchedule(effectiveFrom);
        if (order != null) {
            return order;
        }
        final int store = s.participant(b.getLong(o + FIELD_0), Role.STORE, false);
        if (store < 0) {
            return s.rejection();
        }
        final int parent = s.participants.indexOf(b.getLong(o + FIELD_1));
        if (parent < 0) {
            return ResultCode.PARTICIPANT_NOT_FOUND;
        }
        if (!canParent(s.participants.role(parent), Role.STORE)) {
            return ResultCode.INVALID_PARENT;
        }
        if (effectiveFrom <= s.participants.lastMoveAt(store)) {
            return ResultCode.MOVE_NOT_AFTER_PREVIOUS;
        }
        s.participants.move(store, parent, effectiveFrom);
        return ResultCode.CREATED;
    }

    ResultCode registerRules(final DirectBuffer b, final int o, final int length) {
        if (length < RULE_SHARES_OFFSET) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode invalid = RuleBook.validate(b, o, length);
        if (invalid == ResultCode.MALFORMED_COMMAND) {
            return invalid;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        if (invalid != null) {
            return invalid;
        }
        final long effectiveFrom = b.getLong(o + FIELD_1);
        if (!DomainState.validTime(effectiveFrom)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admitSchedule(effectiveFrom);
        if (order != null) {
            return order;
        }
        final long scopeId = b.getLong(o + FIELD_0);
        final boolean followDefault = (b.getByte(o + 65) & AllianceLayout.RULE_FOLLOW_DEFAULT) != 0;
        int store = -1;
        if (scopeId != 0) {
            store = s.participant(scopeId, Role.STORE, false);
            if (store < 0) {
                return s.rejection();
            }
        } else if (followDefault) {
            return ResultCode.INVALID_RULE_SET;
        }
        final int latest = store < 0 ? (int)s.settings.get(Settings.DEFAULT_RULE)
            : (int)s.participants.get(Participants.LATEST_RULE, store);
        if (latest >= 0 && effectiveFrom <= s.rules.effectiveFrom(latest)) {
            return ResultCode.RULE_NOT_AFTER_PREVIOUS;
        }
        if (s.rules.count() >= RuleBook.MAX_VERSIONS) {
            return ResultCode.INVALID_RULE_SET;
        }
        final int row = s.rules.add(b, o, store, effectiveFrom, latest);
        if (store < 0) {
            s.settings.set(Settings.DEFAULT_RULE, row);
        } else {
            s.participants.set(Participants.LATEST_RULE, store, row);
        }
        return ResultCode.CREATED;
    }

    /** @return true if a participant of role {@code parent} may be the parent of one of role {@code child}. */
    static boolean canParent(final Role parent, final Role child) {
        return switch (child) {
            case AGENT, HQ -> parent == Role.OPERATOR || parent == Role.AGENT;
            case STORE -> parent == Role.OPERATOR || parent == Role.AGENT || parent == Role.HQ;
            default -> false;
        };
    }

    static boolean zero(final DirectBuffer b, final int offset, final int count) {
        for (int i = 0; i < count; i++) {
            if (b.getByte(offset + i) != 0) {
                return false;
            }
        }
        return true;
    }
}

package io.allianceledger.alliance;

import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.command.CommandId;
import io.allianceledger.engine.Books;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the query views from the domain's tables. Queries run on the engine thread between commands, read only,
 * and may allocate; none is on the command path.
 */
final class Views {
    private static final String[] HOLD_STATUS = {"", "OPEN", "CAPTURED", "RELEASED", "TIMED_OUT"};
    private final DomainState s;
    private ClearingViews clearing;

    Views(final DomainState state) {
        this.s = state;
    }

    /** The open-cycle positions come from the clearing's statement lines. */
    void clearing(final ClearingViews views) {
        clearing = views;
    }

    String code(final int p) {
        return s.text.string((int)s.participants.get(Participants.CODE_OFFSET, p),
            (int)s.participants.get(Participants.CODE_LENGTH, p));
    }

    private int find(final String code) {
        return code == null ? -1 : s.participants.indexOf(ParticipantCode.idOf(code));
    }

    Optional<ParticipantView> participant(final String code) {
        final int p = find(code);
        if (p < 0) {
            return Optional.empty();
        }
        final int parent = s.participants.parent(p);
        return Optional.of(new ParticipantView(code(p), s.participants.id(p), s.participants.role(p),
            parent < 0 ? null : code(parent), s.participants.suspended(p),
            (int)s.participants.get(Participants.AGENT_DEPTH, p)));
    }

    Optional<Long> accountId(final String code, final AccountKind kind) {
        final int p = find(code);
        return p < 0 || !kind.belongsTo(s.participants.role(p)) ? Optional.empty() : Optional.of(kind.accountId(p));
    }

    Optional<MemberPoints> memberPoints(final String code, final long asOf) {
        final int m = find(code);
        if (m < 0 || s.participants.role(m) != Role.MEMBER) {
            return Optional.empty();
        }
        final LotStore lots = s.lots;
        long spendable = 0;
        long pending = 0;
        long held = 0;
        long expired = 0;
        final TreeMap<Long, Long> byDay = new TreeMap<>();
        for (int lot = (int)s.participants.get(Participants.LOT_HEAD, m); lot >= 0;
             lot = (int)lots.get(LotStore.NEXT, lot)) {
            final long free = lots.get(LotStore.FREE, lot);
            final long h = lots.get(LotStore.HELD, lot);
            held += h;
            if (asOf >= lots.get(LotStore.EXPIRES_AT, lot)) {
                expired += free;
                continue;
            }
            if (lots.get(LotStore.AVAILABLE_AT, lot) > asOf) {
                pending += free;
            } else {
                spendable += free;
            }
            if (free + h > 0) {
                byDay.merge(lots.get(LotStore.EXPIRY_DAY, lot), free + h, Long::sum);
            }
        }
        final long owed = s.participants.get(Participants.DEBT, m);
        final List<MemberPoints.ExpiryBucket> buckets = new ArrayList<>();
        byDay.forEach((day, n) -> buckets.add(new MemberPoints.ExpiryBucket(LocalDate.ofEpochDay(day), n)));
        final Books books = s.books;
        final int account = books.accountIndex(AccountKind.MEMBER_POINTS.accountId(m));
        final long balance = books.creditsPosted(account) - books.debitsPosted(account);
        return Optional.of(new MemberPoints(code(m), asOf, Math.max(0, spendable - owed), pending, held, expired, owed,
            balance, List.copyOf(buckets)));
    }

    Optional<ParticipantBalances> balances(final String code) {
        final int p = find(code);
        if (p < 0) {
            return Optional.empty();
        }
        final Role role = s.participants.role(p);
        final List<ParticipantBalances.Balance> accounts = new ArrayList<>();
        for (final AccountKind kind : AccountKind.values()) {
            if (kind.belongsTo(role)) {
                final int index = s.books.accountIndex(kind.accountId(p));
                accounts.add(new ParticipantBalances.Balance(kind, kind.accountId(p), s.books.debitsPosted(index),
                    s.books.creditsPosted(index)));
            }
        }
        ParticipantBalances.Position position = null;
        if (AccountKind.CLEARING.belongsTo(role)) {
            final Map<MovementKind, Long> byKind = new EnumMap<>(MovementKind.class);
            final long carriedIn = clearing.openPosition(p, byKind);
            position = new ParticipantBalances.Position(carriedIn + sum(byKind), inKindOrder(byKind), carriedIn);
        }
        return Optional.of(new ParticipantBalances(code(p), role, List.copyOf(accounts), position));
    }

    private static long sum(final Map<MovementKind, Long> byKind) {
        long net = 0;
        for (final long movement : byKind.values()) {
            net += movement;
        }
        return net;
    }

    Optional<RollUp> rollUp(final String rootCode, final long asOf) {
        final int root = find(rootCode);
        if (root < 0) {
            return Optional.empty();
        }
        final List<String> codes = new ArrayList<>();
        final Map<MovementKind, Long> byKind = new EnumMap<>(MovementKind.class);
        long carriedIn = 0;
        for (int p = 0; p < s.participants.count(); p++) {
            if (p == root || isUnder(p, root, asOf)) {
                if (p == root) {
                    codes.add(0, code(p));
                } else {
                    codes.add(code(p));
                }
                if (AccountKind.CLEARING.belongsTo(s.participants.role(p))) {
                    carriedIn += clearing.openPosition(p, byKind);
                }
            }
        }
        return Optional.of(new RollUp(code(root), asOf, List.copyOf(codes), carriedIn + sum(byKind), inKindOrder(byKind),
            carriedIn));
    }

    /** @return true if {@code root} is a proper ancestor of {@code p} at a business time. */
    private boolean isUnder(final int p, final int root, final long asOf) {
        final Role role = s.participants.role(p);
        if (role != Role.AGENT && role != Role.HQ && role != Role.STORE) {
            return false;
        }
        int at = role == Role.STORE ? s.participants.parentAt(p, asOf) : s.participants.parent(p);
        while (at >= 0) {
            if (at == root) {
                return true;
            }
            at = s.participants.parent(at);
        }
        return false;
    }

    Optional<SaleView> sale(final CommandId id) {
        if (!s.operations.find(id.high(), id.low()) || s.operations.foundKind() != OperationIndex.SALE) {
            return Optional.empty();
        }
        final int sale = s.operations.foundRecord();
        final SaleRecords r = s.sales;
        final List<SaleView.Part> parts = new ArrayList<>();
        final int start = (int)r.get(SaleRecords.PART_START, sale);
        for (int part = start; part < start + r.get(SaleRecords.PART_COUNT, sale); part++) {
            final int role = r.parts().getInt(SaleRecords.PART_ROLE, part);
            final String share = role == SaleRecords.ROLE_STORE ? "STORE" : role == SaleRecords.ROLE_HQ ? "HQ"
                : role == SaleRecords.ROLE_OPERATOR ? "OPERATOR" : "AGENT_" + role;
            parts.add(new SaleView.Part(code(r.parts().getInt(SaleRecords.PART_PARTY, part)), share,
                r.parts().get(SaleRecords.PART_ORIGINAL, part), r.parts().get(SaleRecords.PART_REMAINING, part)));
        }
        return Optional.of(new SaleView(code((int)r.get(SaleRecords.STORE, sale)),
            code((int)r.get(SaleRecords.CHANNEL, sale)),
            s.text.string((int)r.get(SaleRecords.TXN_OFFSET, sale), (int)r.get(SaleRecords.TXN_LENGTH, sale)),
            r.get(SaleRecords.AMOUNT, sale), r.get(SaleRecords.FEE, sale), (int)r.get(SaleRecords.VERSION, sale),
            r.get(SaleRecords.REFUNDED, sale), r.get(SaleRecords.CORRECTED, sale) != 0, List.copyOf(parts)));
    }

    Optional<AccrualView> accrual(final CommandId id) {
        if (!s.operations.find(id.high(), id.low()) || s.operations.foundKind() != OperationIndex.ACCRUAL) {
            return Optional.empty();
        }
        final int a = s.operations.foundRecord();
        final AccrualRecords r = s.accruals;
        return Optional.of(new AccrualView(code((int)r.get(AccrualRecords.MEMBER, a)),
            code((int)r.get(AccrualRecords.STORE, a)), r.get(AccrualRecords.POINTS, a),
            r.get(AccrualRecords.PURCHASE, a), r.get(AccrualRecords.VALUE, a), (int)r.get(AccrualRecords.VERSION, a),
            r.get(AccrualRecords.REPAID, a), r.get(AccrualRecords.REMAINING_POINTS, a),
            r.get(AccrualRecords.REMAINING_PURCHASE, a), r.get(AccrualRecords.CLAWED_VALUE, a),
            r.get(AccrualRecords.CORRECTED, a) != 0));
    }

    Optional<HoldView> hold(final CommandId id) {
        if (!s.operations.find(id.high(), id.low()) || s.operations.foundKind() != OperationIndex.HOLD) {
            return Optional.empty();
        }
        final int h = s.operations.foundRecord();
        final HoldBook b = s.holds;
        return Optional.of(new HoldView(code((int)b.get(HoldBook.MEMBER, h)), code((int)b.get(HoldBook.STORE, h)),
            b.get(HoldBook.POINTS, h), b.get(HoldBook.CAPTURED, h), HOLD_STATUS[(int)b.get(HoldBook.STATUS, h)],
            (int)b.get(HoldBook.VERSION, h)));
    }

    Optional<RuleVersionView> ruleInForce(final String storeCode, final long time) {
        int store = -1;
        if (storeCode != null) {
            store = find(storeCode);
            if (store < 0) {
                return Optional.empty();
            }
        }
        final int row = s.rules.inForce(store < 0 ? -1 : (int)s.participants.get(Participants.LATEST_RULE, store),
            (int)s.settings.get(Settings.DEFAULT_RULE), time);
        return row < 0 ? Optional.empty() : Optional.of(version(row));
    }

    RuleVersionView version(final int row) {
        final RuleBook r = s.rules;
        final int scope = (int)r.get(RuleBook.SCOPE, row);
        RuleSet rules = null;
        if ((r.get(RuleBook.FLAGS, row) & io.allianceledger.alliance.command.AllianceLayout.RULE_FOLLOW_DEFAULT) == 0) {
            final List<SplitShare> shares = new ArrayList<>();
            for (int i = 0; i < r.get(RuleBook.SHARE_COUNT, row); i++) {
                shares.add(new SplitShare((int)r.get(RuleBook.share(i, RuleBook.SHARE_TARGET), row),
                    (int)r.get(RuleBook.share(i, RuleBook.SHARE_BPS), row), r.get(RuleBook.share(i, RuleBook.SHARE_CAP), row)));
            }
            rules = new RuleSet(r.get(RuleBook.ISSUE_PRICE, row), r.get(RuleBook.REDEEM_PRICE, row),
                (int)r.get(RuleBook.EXPIRY_DAYS, row), (int)r.get(RuleBook.LOCK_DAYS, row),
                ShortfallPolicy.of((int)r.get(RuleBook.POLICY, row)), (int)r.get(RuleBook.FEE_BPS, row), shares,
                (int)r.get(RuleBook.MAX_SPLIT_BPS, row), r.get(RuleBook.MIN_SETTLEMENT, row));
        }
        return new RuleVersionView(row + 1, scope < 0 ? null : code(scope), r.get(RuleBook.EFFECTIVE_FROM, row), rules);
    }

    long lotsDue(final long asOf) {
        long n = 0;
        for (int lot = 0; lot < s.lots.count(); lot++) {
            if (s.lots.expiryQueue().contains(lot) && s.lots.get(LotStore.EXPIRES_AT, lot) <= asOf) {
                n++;
            }
        }
        return n;
    }

    /** An unmodifiable copy iterating in {@link MovementKind} order, so what callers print is the same every run. */
    private static Map<MovementKind, Long> inKindOrder(final Map<MovementKind, Long> byKind) {
        return byKind.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(byKind));
    }
}

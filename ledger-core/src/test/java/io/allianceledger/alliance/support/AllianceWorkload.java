package io.allianceledger.alliance.support;

import io.allianceledger.alliance.AccountKind;
import io.allianceledger.alliance.AccrualView;
import io.allianceledger.alliance.SaleView;
import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.CaptureHold;
import io.allianceledger.alliance.command.CloseCycle;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.Correct;
import io.allianceledger.alliance.command.HoldPoints;
import io.allianceledger.alliance.command.MoveStore;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.ReleaseHold;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SetSuspended;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.alliance.command.TransferPoints;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test fixture: random alliance workloads. Builds a random tree (agents up to 8 levels, HQs, stores under any
 * allowed parent), a random rule set, then issues random commands of every kind with random business times that
 * mostly advance (sometimes step back, which is rejected, or reach back before the last closed cycle's end, which
 * is accepted late), random rule changes and store moves, random partial refunds (in fen or points, with or without
 * a channel transaction id), and cycle closes (mostly at the current time, sometimes again or earlier).
 */
public final class AllianceWorkload {
    /** What a generated command was. */
    public enum Kind { ACCRUE, REDEEM, HOLD, CAPTURE, RELEASE, TRANSFER, SWEEP, SALE, REFUND_SALE, REFUND_ACCRUAL,
        REFUND_POINTS, CORRECT, MOVE, SUSPEND, RULES, CLOSE, LATE }

    public final AllianceDriver d = new AllianceDriver();
    public final List<String> members = new ArrayList<>();
    public final List<String> stores = new ArrayList<>();
    public final List<String> channels = new ArrayList<>();
    public final List<String> clearingParties = new ArrayList<>();
    public final List<CommandId> sales = new ArrayList<>();
    public final List<CommandId> accruals = new ArrayList<>();
    public final List<CommandId> holds = new ArrayList<>();
    public final List<CommandId> redemptions = new ArrayList<>();
    /** The ends of the cycles closed so far, in order. */
    public final List<Long> closes = new ArrayList<>();
    public final Map<Kind, Integer> created = new EnumMap<>(Kind.class);
    private final SplittableRandom random;
    private final List<String> agents = new ArrayList<>();
    private final List<Integer> agentDepths = new ArrayList<>();
    private final List<String> hqs = new ArrayList<>();
    private final Map<String, Long> lastMove = new java.util.HashMap<>();
    private final Map<String, Long> lastStoreRule = new java.util.HashMap<>();
    private long lastDefaultRule;
    private long now;
    private int txn;
    private int refundTxn;

    public AllianceWorkload(final long seed) {
        random = new SplittableRandom(seed);
        now = StandardAlliance.t("2026-01-01T00:00+08:00");
        d.ok(new ConfigureAlliance(d.id(), random.nextBoolean() ? "Asia/Shanghai" : "Europe/Berlin", 1001, 156));
        d.ok(new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        for (int i = 0; i < 10; i++) {
            final int pick = random.nextInt(agents.size() + 1);
            final String parent = pick == agents.size() ? "op" : agents.get(pick);
            final int depth = pick == agents.size() ? 1 : agentDepths.get(pick) + 1;
            if (depth > 8) {
                continue;
            }
            // Half the agents extend the deepest chain, so depth 8 is reached.
            final String code = "agent-" + i;
            d.ok(new RegisterParticipant(d.id(), code, Role.AGENT, parent));
            agents.add(code);
            agentDepths.add(depth);
        }
        for (int i = 0; i < 4; i++) {
            final String code = "hq-" + i;
            d.ok(new RegisterParticipant(d.id(), code, Role.HQ, random.nextInt(4) == 0 ? "op" : pick(agents)));
            hqs.add(code);
        }
        for (int i = 0; i < 12; i++) {
            final String code = "store-" + i;
            d.ok(new RegisterParticipant(d.id(), code, Role.STORE, storeParent()));
            stores.add(code);
        }
        for (int i = 0; i < 16; i++) {
            members.add("member-" + i);
            d.ok(new RegisterParticipant(d.id(), "member-" + i, Role.MEMBER, null));
        }
        for (final String c : List.of("alipay", "wechat")) {
            channels.add(c);
            d.ok(new RegisterParticipant(d.id(), c, Role.CHANNEL, null));
        }
        clearingParties.addAll(agents);
        clearingParties.addAll(hqs);
        clearingParties.addAll(stores);
        clearingParties.addAll(channels);
        lastDefaultRule = now;
        d.ok(new RegisterRuleSet(d.id(), null, now, randomRules()));
    }

    public long now() {
        return now;
    }

    private String storeParent() {
        final int r = random.nextInt(10);
        return r == 0 ? "op" : r < 5 ? pick(agents) : pick(hqs);
    }

    private <T> T pick(final List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    public RuleSet randomRules() {
        final int expiry = random.nextInt(5) == 0 ? random.nextInt(3) : random.nextInt(30, 400);
        final int lock = random.nextInt(Math.min(expiry, 10) + 1);
        final int fee = random.nextInt(4) == 0 ? 0 : random.nextInt(1, 1000);
        final int max = fee + random.nextInt(3) * random.nextInt(0, 500);
        final List<SplitShare> shares = new ArrayList<>();
        int left = 10_000;
        final List<Integer> targets = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8));
        final int n = random.nextInt(6);
        for (int i = 0; i < n && left > 0; i++) {
            final int target = targets.remove(random.nextInt(targets.size()));
            final int bps = random.nextInt(left + 1);
            left -= bps;
            SplitShare share = new SplitShare(target, bps, SplitShare.UNCAPPED);
            if (random.nextInt(4) == 0) {
                share = share.capped(random.nextInt(0, 50));
            }
            shares.add(share);
        }
        return new RuleSet(random.nextLong(0, 300), random.nextLong(0, 300), expiry, lock,
            random.nextBoolean() ? ShortfallPolicy.NEGATIVE : ShortfallPolicy.FORGIVE, fee, shares, Math.min(max, 10_000),
            random.nextLong(0, 100_000));
    }

    /** Mostly one of the last few holds, so that captures and releases often find them open. */
    private CommandId recentHold() {
        return random.nextInt(4) == 0 ? pick(holds) : holds.get(Math.max(0, holds.size() - 1 - random.nextInt(3)));
    }

    private long amount() {
        return switch (random.nextInt(10)) {
            case 0 -> random.nextLong(1, 10);
            case 1 -> random.nextLong(1_000_000L, 1_000_000_000_000L);
            default -> random.nextLong(1, 200_000);
        };
    }

    private long points() {
        return random.nextInt(8) == 0 ? random.nextLong(1, 50_000) : random.nextLong(1, 2_000);
    }

    /** Generates and applies one random command. @return what it was and its result. */
    public Step step() {
        now += random.nextLong(0, 6 * 3_600_000L);
        final boolean late = !closes.isEmpty() && random.nextInt(25) == 0;
        final long time = late ? closes.get(closes.size() - 1) - random.nextLong(1, 3 * 86_400_000L)
            : random.nextInt(20) == 0 ? Math.max(0, now - random.nextLong(0, 3_600_000L)) : now;
        final int roll = random.nextInt(100);
        Kind kind;
        final Command command;
        final CommandId id = d.id();
        if (roll < 2) {
            kind = Kind.CLOSE;
            final int how = random.nextInt(10);
            command = new CloseCycle(id, how == 0 && !closes.isEmpty() ? closes.get(closes.size() - 1)
                : how == 1 ? now - random.nextLong(1, 86_400_000L) : now);
        } else if (roll < 24) {
            kind = Kind.ACCRUE;
            command = new Accrue(id, id(pick(members)), id(pick(stores)), points(), random.nextLong(0, 500_000), time);
        } else if (roll < 34) {
            kind = Kind.REDEEM;
            command = new Redeem(id, id(pick(members)), id(pick(stores)), points(), time);
        } else if (roll < 40) {
            kind = Kind.HOLD;
            command = new HoldPoints(id, id(pick(members)), id(pick(stores)), points(), time, random.nextInt(1, 60));
        } else if (roll < 44 && !holds.isEmpty()) {
            kind = Kind.CAPTURE;
            final CommandId hold = recentHold();
            final long held = d.domain().hold(hold).orElseThrow().points();
            command = new CaptureHold(id, hold, random.nextInt(10) == 0 ? held + 1 : random.nextLong(1, held + 1), time);
        } else if (roll < 46 && !holds.isEmpty()) {
            kind = Kind.RELEASE;
            command = new ReleaseHold(id, recentHold(), time);
        } else if (roll < 52) {
            kind = Kind.TRANSFER;
            command = new TransferPoints(id, id(pick(members)), id(pick(members)), points(), time);
        } else if (roll < 56) {
            kind = Kind.SWEEP;
            command = new SweepExpiry(id, time, random.nextInt(1, 4097));
        } else if (roll < 74) {
            kind = Kind.SALE;
            command = new SettleSale(id, id(pick(stores)), id(pick(channels)), "tx-" + (random.nextInt(50) == 0
                ? random.nextInt(Math.max(1, txn)) : txn++), amount(), time);
        } else if (roll < 82 && !sales.isEmpty()) {
            kind = Kind.REFUND_SALE;
            final CommandId sale = pick(sales);
            final SaleView v = d.domain().sale(sale).orElseThrow();
            final long remaining = v.amount() - v.refunded();
            final long r = remaining <= 1 || random.nextInt(3) == 0 ? Math.max(1, remaining)
                : random.nextLong(1, remaining + 1);
            command = new Refund(id, sale, r, Refund.Unit.FEN, random.nextBoolean() ? null
                : "rf-" + (random.nextInt(50) == 0 ? random.nextInt(Math.max(1, refundTxn)) : refundTxn++), time);
        } else if (roll < 88 && !accruals.isEmpty()) {
            final CommandId accrual = pick(accruals);
            final AccrualView v = d.domain().accrual(accrual).orElseThrow();
            if (random.nextInt(3) == 0) {
                kind = Kind.REFUND_POINTS;
                final long remaining = v.remainingPoints();
                command = Refund.points(id, accrual, remaining <= 1 || random.nextInt(3) == 0 ? Math.max(1, remaining)
                    : random.nextLong(1, remaining + 1), time);
            } else {
                kind = Kind.REFUND_ACCRUAL;
                final long remaining = v.remainingPurchase();
                command = new Refund(id, accrual, remaining <= 1 || random.nextInt(3) == 0 ? Math.max(1, remaining)
                    : random.nextLong(1, remaining + 1), time);
            }
        } else if (roll < 91) {
            kind = Kind.CORRECT;
            final int which = random.nextInt(3);
            final List<CommandId> from = which == 0 ? sales : which == 1 ? accruals : redemptions;
            command = new Correct(id, from.isEmpty() ? CommandId.of(424242) : pick(from), time);
        } else if (roll < 93) {
            kind = Kind.MOVE;
            final String store = pick(stores);
            final long at = Math.max(lastMove.getOrDefault(store, 0L) + 1, time + random.nextLong(0, 86_400_000L));
            lastMove.put(store, at);
            command = new MoveStore(id, id(store), id(storeParent()), at);
        } else if (roll < 95) {
            kind = Kind.SUSPEND;
            final String who = random.nextBoolean() ? pick(stores) : pick(members);
            command = new io.allianceledger.alliance.command.SetSuspended(id, id(who), random.nextInt(3) == 0, time);
        } else {
            kind = Kind.RULES;
            final boolean override = random.nextInt(3) == 0;
            if (override) {
                final String store = pick(stores);
                final long at = Math.max(lastStoreRule.getOrDefault(store, 0L) + 1, time + random.nextLong(0, 86_400_000L));
                lastStoreRule.put(store, at);
                command = random.nextInt(4) == 0 ? RegisterRuleSet.followDefault(id, store, at)
                    : new RegisterRuleSet(id, store, at, randomRules());
            } else {
                lastDefaultRule = Math.max(lastDefaultRule + 1, time + random.nextLong(0, 86_400_000L));
                command = new RegisterRuleSet(id, null, lastDefaultRule, randomRules());
            }
        }
        ResultCode code = d.apply(command);
        if (code == ResultCode.SWEEP_REQUIRED) {
            // What a host does: sweep as of the cycle's end until nothing is due, then close again.
            final long through = ((CloseCycle)command).through();
            while (d.domain().lotsDue(through) > 0) {
                d.ok(new SweepExpiry(d.id(), through, 4096));
            }
            code = d.apply(command);
        }
        if (code == ResultCode.CREATED) {
            created.merge(kind, 1, Integer::sum);
            if (late && kind != Kind.CLOSE && kind != Kind.MOVE && kind != Kind.RULES) {
                created.merge(Kind.LATE, 1, Integer::sum);
            }
            switch (kind) {
                case SALE -> sales.add(id);
                case ACCRUE -> accruals.add(id);
                case HOLD -> holds.add(id);
                case REDEEM, CAPTURE -> redemptions.add(id);
                case CLOSE -> closes.add(((CloseCycle)command).through());
                default -> {
                }
            }
        }
        return new Step(kind, command, code, time);
    }

    /**
     * One applied command.
     *
     * @param kind    what it was.
     * @param command the command.
     * @param code    its result.
     * @param time    its business time.
     */
    public record Step(Kind kind, Command command, ResultCode code, long time) {
    }

    private static long id(final String code) {
        return AllianceDriver.id(code);
    }

    /** Σ of the members' points accounts must equal points outstanding (the operator's issued account). */
    public void checkPointsOutstanding() {
        long sum = 0;
        for (final String m : members) {
            sum += d.account(d.domain().accountId(m, AccountKind.MEMBER_POINTS).orElseThrow()).creditBalance();
        }
        final long outstanding = d.account(d.domain().accountId("op", AccountKind.POINTS_ISSUED).orElseThrow())
            .debitBalance();
        if (sum != outstanding) {
            throw new AssertionError("points outstanding " + outstanding + " != members' points " + sum);
        }
    }
}

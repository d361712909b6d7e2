package io.allianceledger.alliance;

import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.alliance.support.AllianceWorkload;
import io.allianceledger.alliance.support.Seeds;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.Posting;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.EntryView;
import io.allianceledger.engine.StateMachine;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties over random alliance workloads (random tree, rule changes, every operation, random partial refunds):
 * every asset sums to zero; points outstanding equal the members' points; the operator's points liability equals
 * the lots' remaining value; split parts sum exactly, none negative, each within one minor unit of its exact
 * share; a full refund restores every party exactly; replay and restore give the same state hash.
 */
class AlliancePropertyTest {
    private static final int COMMANDS = 12_000;
    private static final int CHECK_EVERY = 200;

    @Test
    void randomAllianceWorkloadsKeepEveryInvariant() {
        final long seed = Seeds.seed("AlliancePropertyTest.workloads", 0xA11A_2026L);
        final long start = System.nanoTime();
        final AllianceWorkload w = new AllianceWorkload(seed);
        final Map<CommandId, List<CommandId>> refundsOf = new HashMap<>();
        int fullRefunds = 0;
        for (int i = 1; i <= COMMANDS; i++) {
            final AllianceWorkload.Step step = w.step();
            if (step.code() == ResultCode.CREATED) {
                if (step.kind() == AllianceWorkload.Kind.SALE) {
                    checkSplit(w, step.command().id(), ((SettleSale)step.command()).store(), step.time());
                } else if (step.kind() == AllianceWorkload.Kind.REFUND_SALE) {
                    final CommandId sale = ((io.allianceledger.alliance.command.Refund)step.command()).original();
                    refundsOf.computeIfAbsent(sale, k -> new ArrayList<>()).add(step.command().id());
                    final SaleView v = w.d.domain().sale(sale).orElseThrow();
                    if (v.refunded() == v.amount()) {
                        checkFullRefund(w, sale, refundsOf.get(sale));
                        fullRefunds++;
                    }
                }
            }
            if (i % CHECK_EVERY == 0) {
                checkInvariants(w);
            }
        }
        checkInvariants(w);
        final String hash = w.d.machine().stateHash();
        assertEquals(hash, w.d.replay().stateHash(), "replay");
        final StateMachine restored = w.d.restore();
        assertEquals(hash, restored.stateHash(), "restore");
        assertTrue(restored.extension().findViolation().isEmpty());
        System.out.printf("%d random commands, %s created, %d full refunds checked, in %d ms%n", COMMANDS, w.created,
            fullRefunds, (System.nanoTime() - start) / 1_000_000);
        for (final AllianceWorkload.Kind kind : AllianceWorkload.Kind.values()) {
            assertTrue(w.created.getOrDefault(kind, 0) > 0, "no " + kind + " succeeded: the workload is too weak");
        }
        assertTrue(fullRefunds > 10);
    }

    @Test
    void randomPartialRefundsRestoreEveryPartyExactly() {
        final long seed = Seeds.seed("AlliancePropertyTest.refunds", 20_261_122L);
        final java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        final AllianceWorkload w = new AllianceWorkload(seed);
        final Map<CommandId, List<CommandId>> refundsOf = new HashMap<>();
        final List<CommandId> open = new ArrayList<>();
        int commands = 0;
        int restored = 0;
        int tx = 0;
        while (commands < 10_000) {
            final long time = w.now() + commands * 60_000L;
            if (open.isEmpty() || random.nextInt(4) == 0) {
                final CommandId id = w.d.id();
                final long amount = random.nextInt(5) == 0 ? random.nextLong(1, 100) : random.nextLong(1, 10_000_000);
                final ResultCode code = w.d.apply(new SettleSale(id, id(w.stores.get(random.nextInt(w.stores.size()))),
                    id("alipay"), "r-" + tx++, amount, time));
                commands++;
                if (code == ResultCode.CREATED) {
                    open.add(id);
                    checkSplit(w, id, id(w.d.domain().sale(id).orElseThrow().store()), time);
                }
                continue;
            }
            final CommandId sale = open.get(random.nextInt(open.size()));
            final SaleView v = w.d.domain().sale(sale).orElseThrow();
            final long remaining = v.amount() - v.refunded();
            final long r = random.nextInt(4) == 0 ? remaining : random.nextLong(1, remaining + 1);
            final CommandId refund = w.d.id();
            assertEquals(ResultCode.CREATED, w.d.apply(new io.allianceledger.alliance.command.Refund(refund, sale, r, time)));
            commands++;
            refundsOf.computeIfAbsent(sale, k -> new ArrayList<>()).add(refund);
            if (r == remaining) {
                checkFullRefund(w, sale, refundsOf.get(sale));
                open.remove(sale);
                restored++;
            }
            if (commands % 500 == 0) {
                checkInvariants(w);
            }
        }
        checkInvariants(w);
        System.out.printf("%d sale and refund commands, %d sales fully refunded and checked%n", commands, restored);
        assertTrue(restored > 100);
    }

    private static long id(final String code) {
        return io.allianceledger.alliance.command.ParticipantCode.idOf(code);
    }

    private static void checkInvariants(final AllianceWorkload w) {
        w.d.machine().findViolation().ifPresent(v -> {
            throw new AssertionError("engine invariant: " + v);
        });
        w.d.domain().findViolation().ifPresent(v -> {
            throw new AssertionError("domain invariant: " + v);
        });
        w.checkPointsOutstanding();
    }

    /** Recomputes the split independently with BigDecimal and checks the booked parts against it. */
    private static void checkSplit(final AllianceWorkload w, final CommandId saleId, final long store, final long time) {
        final SaleView v = w.d.domain().sale(saleId).orElseThrow();
        final RuleVersionView version = w.d.domain().ruleInForce(v.store(), time).orElseThrow();
        assertEquals(version.version(), v.ruleVersion());
        final RuleSet rules = version.rules();
        final BigDecimal amount = BigDecimal.valueOf(v.amount());
        final BigDecimal bps = BigDecimal.valueOf(10_000);
        final BigDecimal rounded = amount.multiply(BigDecimal.valueOf(rules.feeRateBps())).divide(bps, 0, RoundingMode.HALF_EVEN);
        final BigDecimal ceiling = amount.multiply(BigDecimal.valueOf(rules.maxSplitRatioBps())).divide(bps, 0, RoundingMode.FLOOR);
        final BigDecimal fee = rounded.min(ceiling);
        assertEquals(fee.longValueExact(), v.fee());
        BigDecimal others = BigDecimal.ZERO;
        long sum = 0;
        for (final SaleView.Part part : v.parts()) {
            assertTrue(part.original() >= 0, "negative part " + part);
            if (part.share().equals("STORE")) {
                assertEquals(v.amount() - v.fee(), part.original());
                continue;
            }
            sum += part.original();
            if (part.share().equals("OPERATOR")) {
                continue;
            }
            final int target = part.share().equals("HQ") ? 0 : Integer.parseInt(part.share().substring(6));
            final SplitShare share = rules.shares().stream().filter(x -> x.agentLevel() == target).findFirst().orElseThrow();
            BigDecimal exact = fee.multiply(BigDecimal.valueOf(share.bps())).divide(bps);
            if (share.capFen() >= 0) {
                exact = exact.min(BigDecimal.valueOf(share.capFen()));
            }
            others = others.add(exact);
            assertTrue(BigDecimal.valueOf(part.original()).subtract(exact).abs().compareTo(BigDecimal.ONE) < 0,
                () -> "part " + part + " is not within one fen of " + v);
        }
        final SaleView.Part operator = v.parts().get(v.parts().size() - 1);
        assertEquals("OPERATOR", operator.share());
        final BigDecimal operatorExact = fee.subtract(others);
        assertTrue(BigDecimal.valueOf(operator.original()).subtract(operatorExact).abs().compareTo(BigDecimal.ONE) < 0,
            () -> "operator part is not within one fen of " + operatorExact + " in " + v);
        assertEquals(v.fee(), sum);
    }

    /** A fully refunded sale: every account's refund debits equal its sale credits, and the channel's back. */
    private static void checkFullRefund(final AllianceWorkload w, final CommandId sale, final List<CommandId> refunds) {
        final Map<Long, Long> booked = new HashMap<>();
        final EntryView entry = w.d.machine().entries(sale).get(0);
        for (final Posting p : entry.credits()) {
            booked.merge(p.accountId(), p.amount(), Long::sum);
        }
        for (final Posting p : entry.debits()) {
            booked.merge(p.accountId(), -p.amount(), Long::sum);
        }
        final Map<Long, Long> returned = new HashMap<>();
        for (final CommandId refund : refunds) {
            for (final EntryView e : w.d.machine().entries(refund)) {
                assertEquals(sale, e.reference());
                for (final Posting p : e.debits()) {
                    returned.merge(p.accountId(), p.amount(), Long::sum);
                }
                for (final Posting p : e.credits()) {
                    returned.merge(p.accountId(), -p.amount(), Long::sum);
                }
            }
        }
        booked.values().removeIf(x -> x == 0);
        returned.values().removeIf(x -> x == 0);
        assertEquals(booked, returned, "a full refund must restore every party exactly");
        for (final SaleView.Part part : w.d.domain().sale(sale).orElseThrow().parts()) {
            assertEquals(0, part.remaining());
        }
    }
}

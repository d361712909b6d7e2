package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Role;
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
 * Properties over random alliance workloads (random tree, rule changes, every operation, random partial refunds,
 * late events, random cycle closes): every asset sums to zero; points outstanding equal the members' points; the
 * operator's points liability equals the lots' remaining value; split parts sum exactly, none negative, each within
 * one minor unit of its exact share; a full refund restores every party exactly; every cycle's settlement sums to
 * zero, settles exactly the positions at or above the minimum in force, and carries out of cycle n what cycle n + 1
 * carries in; statements sum to each party's change; all cycles' movements and settlements reconcile with the
 * clearing balances; replay and restore give the same state hash and the same cycles.
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
                if (step.kind() == AllianceWorkload.Kind.CLOSE) {
                    final AllianceDomain domain = w.d.domain();
                    final CycleView cycle = domain.lastCycle().orElseThrow();
                    checkCycle(w, cycle, cycle.number() == 1 ? null : domain.cycle(cycle.number() - 1).orElseThrow());
                } else if (step.kind() == AllianceWorkload.Kind.SALE) {
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
        checkHistory(w);
        final String hash = w.d.machine().stateHash();
        final StateMachine replayed = w.d.replay();
        assertEquals(hash, replayed.stateHash(), "replay");
        final StateMachine restored = w.d.restore();
        assertEquals(hash, restored.stateHash(), "restore");
        assertTrue(restored.extension().findViolation().isEmpty());
        for (final StateMachine m : List.of(replayed, restored)) {
            final AllianceDomain copy = (AllianceDomain)m.extension();
            assertEquals(w.d.domain().ledgerTime(), copy.ledgerTime());
            for (int n = 1; n <= w.closes.size(); n++) {
                assertEquals(w.d.domain().cycle(n), copy.cycle(n), "cycle " + n);
            }
        }
        System.out.printf("%d random commands, %s created, %d cycles closed, %d full refunds checked, in %d ms%n",
            COMMANDS, w.created, w.closes.size(), fullRefunds, (System.nanoTime() - start) / 1_000_000);
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

    /**
     * One closed cycle against its rules, recomputed independently: positions are carried in plus movements; each
     * is settled whole when its magnitude reaches the minimum in force at the cycle's end (the store's rules for a
     * store, the default otherwise) and carried otherwise; carried in = the previous cycle's carried out; the
     * settlement sums to zero; the operator's result balances the parties' movements; each party's statement sums
     * to its change, and paging through it gives the same lines.
     */
    private static void checkCycle(final AllianceWorkload w, final CycleView cycle, final CycleView previous) {
        final AllianceDomain domain = w.d.domain();
        final Map<String, Long> carriedOut = new HashMap<>();
        final CycleView.PointsLine points = cycle.points();
        assertEquals((previous == null ? 0 : previous.points().outstanding()) + points.issued() - points.redeemed()
            - points.expired() - points.clawedBack() + points.corrected(), points.outstanding(), "points of cycle "
            + cycle.number());
        if (previous != null) {
            assertEquals(previous.end(), cycle.start());
            previous.parties().forEach(p -> carriedOut.put(p.code(), p.carriedOut()));
        }
        long settled = cycle.operator().settled();
        long moved = 0;
        int lines = 0;
        for (final CycleView.PartyLine p : cycle.parties()) {
            final long movements = p.movements().values().stream().mapToLong(Long::longValue).sum();
            assertEquals(CycleView.MOVEMENT_COLUMNS, List.copyOf(p.movements().keySet()));
            assertEquals(p.position(), p.carriedIn() + movements, p.code());
            assertEquals(p.carriedOut(), p.position() - p.settled(), p.code());
            assertEquals(carriedOut.getOrDefault(p.code(), 0L), p.carriedIn(), () -> "carried into cycle "
                + cycle.number() + " by " + p.code());
            final long minimum = domain.ruleInForce(p.role() == Role.STORE ? p.code() : null, cycle.end())
                .map(v -> v.rules().minimumSettlement()).orElse(0L);
            assertEquals(minimum, p.minimumSettlement(), p.code());
            assertEquals(p.position() != 0 && Math.abs(p.position()) >= minimum ? p.position() : 0, p.settled(),
                p.code());
            final List<StatementLine> statement = page(c -> domain.statement(cycle.number(), p.code(), c, 7).orElseThrow());
            assertEquals(p.carriedOut() - p.carriedIn(), statement.stream().mapToLong(StatementLine::amount).sum());
            assertEquals(p.lateMovements(), statement.stream().filter(StatementLine::late).count());
            for (final StatementLine line : statement) {
                assertEquals(line.late(), line.time() < cycle.start() && previous != null, line.toString());
                assertTrue(line.kind() == MovementKind.SETTLEMENT ? line.time() == cycle.end() : line.time() <= cycle.end());
            }
            settled += p.settled();
            moved += movements;
            lines += statement.size();
        }
        assertEquals(0, settled, "cycle " + cycle.number() + " settlement sums to zero");
        assertEquals(0, moved + cycle.operator().liabilityChange() + cycle.operator().result());
        assertEquals(lines, page(c -> domain.statementLines(cycle.number(), c, 500).orElseThrow()).size());
    }

    /**
     * The whole history: for every party, Σ over cycles of (movements - settled) plus its open-cycle movements is
     * its clearing balance; a channel's transactions sum to its sales less refunds, each transaction id once.
     */
    private static void checkHistory(final AllianceWorkload w) {
        final AllianceDomain domain = w.d.domain();
        final Map<String, Long> history = new HashMap<>();
        final Map<String, Long> settledBy = new HashMap<>();
        for (int n = 1; n <= w.closes.size(); n++) {
            for (final CycleView.PartyLine p : domain.cycle(n).orElseThrow().parties()) {
                history.merge(p.code(), p.position() - p.carriedIn() - p.settled(), Long::sum);
                settledBy.merge(p.code(), p.settled(), Long::sum);
            }
        }
        for (final String party : w.clearingParties) {
            final ParticipantBalances.Position open = domain.balances(party).orElseThrow().position();
            final long balance = w.d.account(domain.accountId(party, AccountKind.CLEARING).orElseThrow()).creditBalance();
            assertEquals(balance, open.net(), party);
            assertEquals(open.carriedIn(), history.getOrDefault(party, 0L), party);
            assertEquals(balance, history.getOrDefault(party, 0L)
                + open.byKind().values().stream().mapToLong(Long::longValue).sum(), party);
        }
        for (final String channel : w.channels) {
            final List<ChannelTransaction> all = page(c ->
                domain.channelTransactions(channel, Long.MIN_VALUE, Long.MAX_VALUE, c, 100).orElseThrow());
            final long balance = w.d.account(domain.accountId(channel, AccountKind.CLEARING).orElseThrow()).creditBalance();
            assertEquals(-(balance + settledBy.getOrDefault(channel, 0L)),
                all.stream().mapToLong(ChannelTransaction::amount).sum(), channel);
            final List<String> ids = all.stream().map(ChannelTransaction::transactionId).filter(x -> x != null).toList();
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "transaction ids are unique per channel");
        }
    }

    private static <T> List<T> page(final java.util.function.LongFunction<Page<T>> pages) {
        final List<T> out = new ArrayList<>();
        long cursor = Page.FIRST;
        do {
            final Page<T> p = pages.apply(cursor);
            out.addAll(p.items());
            cursor = p.next();
        } while (cursor != Page.END);
        return out;
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

package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.CloseCycle;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.alliance.support.AllianceDriver;
import io.allianceledger.alliance.support.StandardAlliance;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.EntryView;
import io.allianceledger.engine.StateMachine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.allianceledger.alliance.AccountKind.*;
import static io.allianceledger.alliance.MovementKind.*;
import static io.allianceledger.alliance.support.StandardAlliance.id;
import static io.allianceledger.alliance.support.StandardAlliance.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The worked example of the clearing in docs/accounting-model.md, and the clearing's rules one by one. */
class ClearingScenarioTest {
    private static final long CYCLE_1_END = t("2026-03-02T00:00+08:00");
    private static final long CYCLE_2_END = t("2026-03-10T00:00+08:00");

    /** The ids of the worked example's operations, by the names the docs use. */
    private final Map<String, CommandId> ids = new LinkedHashMap<>();

    private CommandId named(final String name) {
        return ids.computeIfAbsent(name, CommandId::fromName);
    }

    /** Cycle 1 of the worked example: an accrual at s1 and two sales through alipay, closed at 03-02 00:00. */
    private StandardAlliance cycleOne() {
        final StandardAlliance a = new StandardAlliance();
        a.d.ok(new Accrue(named("A-1"), id("m1"), id("s1"), 1250, 125_000, t("2026-03-01T10:00+08:00")));
        a.d.ok(new SettleSale(named("T-1"), id("s1"), id("alipay"), "T-1", 330_000, t("2026-03-01T12:00+08:00")));
        a.d.ok(new SettleSale(named("T-2"), id("s2"), id("alipay"), "T-2", 5_000, t("2026-03-01T15:00+08:00")));
        a.d.ok(new CloseCycle(named("close-1"), CYCLE_1_END));
        return a;
    }

    /** Cycle 2: a late sale of 03-01, a refund of cycle 1's sale, a redemption; closed at 03-10 00:00. */
    private StandardAlliance cycleTwo() {
        final StandardAlliance a = cycleOne();
        a.d.ok(new SettleSale(named("T-3"), id("s2"), id("alipay"), "T-3", 20_000, t("2026-03-01T20:00+08:00")));
        a.d.ok(new Refund(named("R-1"), named("T-1"), 33_000, Refund.Unit.FEN, "R-1", t("2026-03-05T09:00+08:00")));
        a.d.ok(new Redeem(named("D-1"), id("m1"), id("s2"), 500, t("2026-03-09T10:00+08:00")));
        a.d.ok(new CloseCycle(named("close-2"), CYCLE_2_END));
        return a;
    }

    private static Map<String, CycleView.PartyLine> byCode(final CycleView cycle) {
        final Map<String, CycleView.PartyLine> lines = new LinkedHashMap<>();
        cycle.parties().forEach(line -> lines.put(line.code(), line));
        return lines;
    }

    /** carried in, position, settled, carried out. */
    private static void assertLine(final CycleView.PartyLine line, final long carriedIn, final long position,
        final long settled, final long carriedOut) {
        assertEquals(List.of(carriedIn, position, settled, carriedOut),
            List.of(line.carriedIn(), line.position(), line.settled(), line.carriedOut()), line.code());
        assertEquals(position, carriedIn + line.movements().values().stream().mapToLong(Long::longValue).sum());
    }

    private static long settledSum(final CycleView cycle) {
        return cycle.parties().stream().mapToLong(CycleView.PartyLine::settled).sum() + cycle.operator().settled();
    }

    private static long movementSum(final CycleView cycle) {
        return cycle.parties().stream().flatMap(p -> p.movements().values().stream()).mapToLong(Long::longValue).sum();
    }

    @Test
    void cycleOneSettlesLargePositionsAndCarriesSmallOnes() {
        final StandardAlliance a = cycleOne();
        final CycleView c = a.d.domain().lastCycle().orElseThrow();
        assertEquals(1, c.number());
        assertEquals(t("2026-03-01T10:00+08:00"), c.start()); // the ledger's first event
        assertEquals(CYCLE_1_END, c.end());
        assertEquals(named("close-1"), c.closedBy());
        final Map<String, CycleView.PartyLine> lines = byCode(c);
        assertEquals(List.of("prov", "city", "hq1", "s1", "s2", "alipay"), List.copyOf(lines.keySet()));
        // T-1: F = 9,900: city 1,980, prov 990, hq1 4,950, operator 1,980; s1 320,100.
        // T-2 at s2 (no HQ): F = 150: city 30, prov 15, operator 105 (with the HQ's 75); s2 4,850.
        assertEquals(Map.of(ACCRUAL, -1562L, SALE, 320_100L), nonZero(lines.get("s1")));
        assertLine(lines.get("s1"), 0, 318_538, 318_538, 0);      // ≥ 100.00 CNY: the operator pays s1
        assertLine(lines.get("s2"), 0, 4_850, 0, 4_850);          // below the minimum: carried forward
        assertLine(lines.get("city"), 0, 2_010, 0, 2_010);
        assertLine(lines.get("prov"), 0, 1_005, 0, 1_005);
        assertLine(lines.get("hq1"), 0, 4_950, 0, 4_950);
        assertLine(lines.get("alipay"), 0, -335_000, -335_000, 0); // alipay pays the operator what it collected
        assertEquals(10_000, lines.get("s1").minimumSettlement());
        // The operator's line is the negative of the others: the file sums to zero.
        assertEquals(16_462, c.operator().settled());
        assertEquals(0, settledSum(c));
        final CycleView.OperatorLine op = c.operator();
        assertEquals(List.of(2_085L, 0L, 0L, 0L, 0L, 1_562L), List.of(op.feeIncome(), op.redemptionSpread(),
            op.breakage(), op.shortfallLoss(), op.shortfallRecovery(), op.liabilityChange()));
        // A-1 issued 1,250 points; nothing else moved points.
        assertEquals(new CycleView.PointsLine(1_250, 0, 0, 0, 0, 1_250), c.points());
        assertEquals(-3_647, movementSum(c));
        assertEquals(0, movementSum(c) + op.liabilityChange() + op.result());
        // After the close the clearing balances are what is carried; the settlement account holds the other side.
        assertEquals(0, a.credit("s1", CLEARING));
        assertEquals(4_850, a.credit("s2", CLEARING));
        assertEquals(0, a.debit("alipay", CLEARING));
        assertEquals(16_462, a.debit("op", AccountKind.SETTLEMENT));
        final List<EntryView> entries = a.d.machine().entries(named("close-1"));
        assertEquals(1, entries.size()); // nothing expired; one settlement entry of two parties
        assertEquals(MovementKind.SETTLEMENT, MovementKind.ofEntryCode(entries.get(0).code()));
        a.assertInvariants();
    }

    private static Map<MovementKind, Long> nonZero(final CycleView.PartyLine line) {
        final Map<MovementKind, Long> m = new LinkedHashMap<>(line.movements());
        m.values().removeIf(v -> v == 0);
        return m;
    }

    @Test
    void cycleTwoTakesALateSaleARefundOfCycleOneAndCarriesForward() {
        final StandardAlliance a = cycleTwo();
        final AllianceDomain domain = a.d.domain();
        final CycleView c = domain.cycle(2).orElseThrow();
        assertEquals(CYCLE_1_END, c.start());
        assertEquals(CYCLE_2_END, c.end());
        final Map<String, CycleView.PartyLine> lines = byCode(c);
        // T-3 (late, 20,000 at s2): F = 600: city 120, prov 60, operator 420; s2 19,400.
        // R-1 (33,000 of T-1, exact tenths): s1 32,010, city 198, prov 99, hq1 495, operator 198.
        // D-1: 500 points at s2: P = 400 fen; released roundHalfEven(1562 × 500 / 1250) = 625; spread 225.
        assertEquals(Map.of(SALE_REFUND, -32_010L), nonZero(lines.get("s1")));
        assertEquals(Map.of(SALE, 19_400L, REDEMPTION, 400L), nonZero(lines.get("s2")));
        assertLine(lines.get("s1"), 0, -32_010, -32_010, 0);     // s1 pays back its part of the refund
        assertLine(lines.get("s2"), 4_850, 24_650, 24_650, 0);    // carried 4,850 in, now above the minimum
        assertLine(lines.get("city"), 2_010, 1_932, 0, 1_932);
        assertLine(lines.get("prov"), 1_005, 966, 0, 966);
        assertLine(lines.get("hq1"), 4_950, 4_455, 0, 4_455);
        assertLine(lines.get("alipay"), 0, 13_000, 13_000, 0);   // refunds exceed sales: the operator pays alipay
        assertEquals(-5_640, c.operator().settled());
        assertEquals(0, settledSum(c));
        final CycleView.OperatorLine op = c.operator();
        assertEquals(List.of(222L, 225L, 0L, 0L, 0L, -625L), List.of(op.feeIncome(), op.redemptionSpread(),
            op.breakage(), op.shortfallLoss(), op.shortfallRecovery(), op.liabilityChange()));
        assertEquals(new CycleView.PointsLine(0, 500, 0, 0, 0, 750), c.points()); // D-1 redeemed 500 of 1,250
        assertEquals(178, movementSum(c));
        assertEquals(0, movementSum(c) + op.liabilityChange() + op.result());
        // One late event, four late movements (s2, city, prov, alipay; the operator's fee is not a party line).
        assertEquals(1, c.lateEvents());
        assertEquals(4, c.lateMovements());
        assertEquals(1, lines.get("s2").lateMovements());
        // Carried out of cycle 1 = carried into cycle 2, party by party.
        final CycleView one = domain.cycle(1).orElseThrow();
        for (final CycleView.PartyLine line : one.parties()) {
            assertEquals(line.carriedOut(), lines.get(line.code()).carriedIn(), line.code());
        }
        assertEquals(1_932, a.credit("city", CLEARING));
        assertEquals(16_462 - 5_640, a.debit("op", AccountKind.SETTLEMENT));
        assertEquals(c, domain.cycleEndingAt(CYCLE_2_END).orElseThrow());
        assertTrue(domain.cycleEndingAt(CYCLE_2_END - 1).isEmpty());
        a.assertInvariants();
    }

    @Test
    void statementsListLateItemsAndRefundsOfEarlierCyclesInOperationOrder() {
        final StandardAlliance a = cycleTwo();
        final AllianceDomain domain = a.d.domain();
        final List<StatementLine> s1 = domain.statement(2, "s1", Page.FIRST, 100).orElseThrow().items();
        assertEquals(2, s1.size());
        assertEquals(named("R-1"), s1.get(0).operation());
        assertEquals(SALE_REFUND, s1.get(0).kind());
        assertEquals(-32_010, s1.get(0).amount());
        assertEquals(named("T-1"), s1.get(0).original()); // the refund of cycle 1's sale, in cycle 2
        assertEquals(t("2026-03-05T09:00+08:00"), s1.get(0).time());
        assertFalse(s1.get(0).late());
        assertEquals(new StatementLine(2, "s1", named("close-2"), MovementKind.SETTLEMENT, 32_010, CYCLE_2_END, false, null),
            s1.get(1));
        final List<StatementLine> s2 = domain.statement(2, "s2", Page.FIRST, 100).orElseThrow().items();
        assertEquals(List.of(named("T-3"), named("D-1"), named("close-2")),
            s2.stream().map(StatementLine::operation).toList());
        assertTrue(s2.get(0).late());
        assertEquals(t("2026-03-01T20:00+08:00"), s2.get(0).time());
        assertNull(s2.get(0).original());
        // Cycle 1's statement of s1: the accrual, the sale, the settlement.
        assertEquals(List.of(ACCRUAL, SALE, MovementKind.SETTLEMENT), domain.statement(1, "s1", Page.FIRST, 100).orElseThrow()
            .items().stream().map(StatementLine::kind).toList());
        // A statement sums to what the party carried out less what it carried in.
        for (final CycleView.PartyLine line : domain.cycle(2).orElseThrow().parties()) {
            final long sum = domain.statement(2, line.code(), Page.FIRST, 100).orElseThrow().items().stream()
                .mapToLong(StatementLine::amount).sum();
            assertEquals(line.carriedOut() - line.carriedIn(), sum, line.code());
        }
        // Streaming: pages of two lines give the same lines as one page, for a party and for the whole cycle.
        assertEquals(s2, stream(cursor -> domain.statement(2, "s2", cursor, 2).orElseThrow()));
        final List<StatementLine> all = domain.statementLines(2, Page.FIRST, 1000).orElseThrow().items();
        assertEquals(all, stream(cursor -> domain.statementLines(2, cursor, 2).orElseThrow()));
        assertEquals(4 + 5 + 1 + 3, all.size()); // T-3, R-1, D-1 lines, then the settlements of s1, s2, alipay
        assertEquals(List.of(named("T-3"), named("R-1"), named("D-1"), named("close-2")),
            all.stream().map(StatementLine::operation).distinct().toList());
        // The open cycle (3) has nothing yet.
        assertTrue(domain.statementLines(3, Page.FIRST, 10).orElseThrow().items().isEmpty());
        assertTrue(domain.statementLines(4, Page.FIRST, 10).isEmpty());
        assertTrue(domain.statement(2, "m1", Page.FIRST, 10).isEmpty()); // members have no statement
    }

    private static <T> List<T> stream(final java.util.function.LongFunction<Page<T>> pages) {
        final List<T> out = new ArrayList<>();
        long cursor = Page.FIRST;
        do {
            final Page<T> page = pages.apply(cursor);
            out.addAll(page.items());
            cursor = page.next();
        } while (cursor != Page.END);
        return out;
    }

    @Test
    void channelTransactionsAreWhatReconciliationMatches() {
        final StandardAlliance a = cycleTwo();
        final AllianceDomain domain = a.d.domain();
        final List<ChannelTransaction> all = stream(cursor ->
            domain.channelTransactions("alipay", Long.MIN_VALUE, Long.MAX_VALUE, cursor, 2).orElseThrow());
        assertEquals(List.of("T-1", "T-2", "T-3", "R-1"), all.stream().map(ChannelTransaction::transactionId).toList());
        assertEquals(List.of(330_000L, 5_000L, 20_000L, -33_000L), all.stream().map(ChannelTransaction::amount).toList());
        assertEquals(new ChannelTransaction("R-1", -33_000, t("2026-03-05T09:00+08:00"), named("R-1"), named("T-1"),
            "s1", false), all.get(3));
        assertTrue(all.get(2).late());
        // Within a business-time range: [03-01 13:00, 03-05 09:00) holds T-2 and the late T-3.
        assertEquals(List.of("T-2", "T-3"), domain.channelTransactions("alipay", t("2026-03-01T13:00+08:00"),
            t("2026-03-05T09:00+08:00"), Page.FIRST, 10).orElseThrow().items().stream()
            .map(ChannelTransaction::transactionId).toList());
        assertTrue(domain.channelTransactions("s1", Long.MIN_VALUE, Long.MAX_VALUE, Page.FIRST, 10).isEmpty());
    }

    @Test
    void reclosingTheSameTimeReportsTheExistingCycleAndAnEarlierTimeIsRejected() {
        final StandardAlliance a = cycleOne();
        final byte[] before = body(a.d);
        // The same command again: EXISTS, nothing changes.
        assertEquals(ResultCode.EXISTS, a.d.apply(new CloseCycle(named("close-1"), CYCLE_1_END)));
        // Another id, the same time: the cycle is already closed; nothing changes.
        assertEquals(ResultCode.CYCLE_ALREADY_CLOSED, a.d.apply(new CloseCycle(a.d.id(), CYCLE_1_END)));
        assertEquals(1, a.d.domain().cycleEndingAt(CYCLE_1_END).orElseThrow().number());
        assertEquals(ResultCode.CYCLE_BEFORE_LAST_CLOSE, a.d.apply(new CloseCycle(a.d.id(), CYCLE_1_END - 1)));
        assertEquals(1, a.d.domain().ledgerTime().closedCycles());
        org.junit.jupiter.api.Assertions.assertArrayEquals(before, body(a.d));
        // An empty cycle: nothing moved, so nothing is settled, and the small positions stay carried.
        a.d.ok(new CloseCycle(a.d.id(), t("2026-03-03T00:00+08:00")));
        final CycleView empty = a.d.domain().lastCycle().orElseThrow();
        assertEquals(2, empty.number());
        assertEquals(0, empty.operator().settled());
        assertLine(byCode(empty).get("s2"), 4_850, 4_850, 0, 4_850);
        assertLine(byCode(empty).get("s1"), 0, 0, 0, 0);
        a.assertInvariants();
    }

    /** The canonical state without the engine clock and command count, which every command advances. */
    private static byte[] body(final AllianceDriver d) {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        d.machine().writeState(out);
        final byte[] all = out.toByteArray();
        return java.util.Arrays.copyOfRange(all, 24, all.length);
    }

    @Test
    void timesMustNotGoBackwardsExceptBeforeAClosedCycle() {
        final StandardAlliance a = cycleOne();
        final long newest = CYCLE_1_END; // the close is the newest event
        assertEquals(new LedgerTime(newest, 1, CYCLE_1_END, 0), a.d.domain().ledgerTime());
        a.d.ok(new SettleSale(a.d.id(), id("s1"), id("alipay"), "T-9", 100, t("2026-03-02T08:00+08:00")));
        // Older than the newest time but not older than the closed cycle's end: rejected.
        assertEquals(ResultCode.TIME_OUT_OF_ORDER, a.d.apply(
            new SettleSale(a.d.id(), id("s1"), id("alipay"), "T-10", 100, t("2026-03-02T07:59+08:00"))));
        assertEquals(ResultCode.TIME_OUT_OF_ORDER, a.d.apply(
            new SettleSale(a.d.id(), id("s1"), id("alipay"), "T-10", 100, CYCLE_1_END)));
        // Equal times are in order.
        a.d.ok(new SettleSale(a.d.id(), id("s1"), id("alipay"), "T-10", 100, t("2026-03-02T08:00+08:00")));
        // Older than the closed cycle's end: late, booked into the open cycle, and the clock stays.
        a.d.ok(new SettleSale(a.d.id(), id("s1"), id("alipay"), "T-11", 100, CYCLE_1_END - 1));
        assertEquals(new LedgerTime(t("2026-03-02T08:00+08:00"), 1, CYCLE_1_END, 1), a.d.domain().ledgerTime());
        // A close must not end before an event already applied.
        assertEquals(ResultCode.TIME_OUT_OF_ORDER, a.d.apply(new CloseCycle(a.d.id(), t("2026-03-02T07:00+08:00"))));
        // Schedules: never before the newest time (not even before the closed cycle), ahead without moving it.
        assertEquals(ResultCode.TIME_OUT_OF_ORDER, a.d.apply(new RegisterRuleSet(a.d.id(), null, CYCLE_1_END - 1,
            StandardAlliance.rules(ShortfallPolicy.FORGIVE))));
        assertEquals(ResultCode.TIME_OUT_OF_ORDER, a.d.apply(new io.allianceledger.alliance.command.MoveStore(a.d.id(),
            id("s1"), id("city"), t("2026-03-02T07:00+08:00"))));
        a.d.ok(new RegisterRuleSet(a.d.id(), null, t("2026-04-01T00:00+08:00"),
            StandardAlliance.rules(ShortfallPolicy.FORGIVE)));
        a.d.ok(new io.allianceledger.alliance.command.MoveStore(a.d.id(), id("s1"), id("city"),
            t("2026-03-02T08:00+08:00")));
        assertEquals(t("2026-03-02T08:00+08:00"), a.d.domain().ledgerTime().newestTime());
        a.assertInvariants();
    }

    @Test
    void theCycleCountsPointsByWhatMovedThem() {
        final AllianceDriver d = new AllianceDriver();
        d.ok(new ConfigureAlliance(d.id(), "Asia/Shanghai", 1001, 156));
        d.ok(new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        d.ok(new RegisterParticipant(d.id(), "s1", Role.STORE, "op"));
        d.ok(new RegisterParticipant(d.id(), "m1", Role.MEMBER, null));
        d.ok(new RegisterRuleSet(d.id(), null, t("2026-01-01T00:00+08:00"), new RuleSet(100, 80, 365, 0,
            ShortfallPolicy.NEGATIVE, 0, List.of(), 0, 0)));
        final CommandId accrual = d.id();
        d.ok(new Accrue(accrual, id("m1"), id("s1"), 1_000, 0, t("2026-03-01T10:00+08:00")));
        final CommandId hold = d.id();
        d.ok(new io.allianceledger.alliance.command.HoldPoints(hold, id("m1"), id("s1"), 300,
            t("2026-03-01T11:00+08:00"), 900));
        d.ok(new io.allianceledger.alliance.command.CaptureHold(d.id(), hold, 200, t("2026-03-01T11:05+08:00")));
        d.ok(new Refund(d.id(), accrual, 100, Refund.Unit.POINTS, null, t("2026-03-01T12:00+08:00")));
        final CommandId redemption = d.id();
        d.ok(new Redeem(redemption, id("m1"), id("s1"), 50, t("2026-03-01T13:00+08:00")));
        d.ok(new CloseCycle(d.id(), t("2026-03-02T00:00+08:00")));
        // 1,000 issued; 200 captured + 50 redeemed; 100 clawed back; the 100 not captured went back to the lot.
        assertEquals(new CycleView.PointsLine(1_000, 250, 0, 100, 0, 650), d.domain().lastCycle().orElseThrow().points());
        // Correcting the redemption gives its 50 points back, in the next cycle.
        d.ok(new io.allianceledger.alliance.command.Correct(d.id(), redemption, t("2026-03-02T09:00+08:00")));
        d.ok(new CloseCycle(d.id(), t("2026-03-03T00:00+08:00")));
        assertEquals(new CycleView.PointsLine(0, 0, 0, 0, 50, 700), d.domain().lastCycle().orElseThrow().points());
        assertEquals(700, d.domain().memberPoints("m1", t("2026-03-03T00:00+08:00")).orElseThrow().available());
        assertEquals(Optional.empty(), d.machine().findViolation());
    }

    @Test
    void theCloseSweepsExpiryIntoItsOwnCycle() {
        final AllianceDriver d = new AllianceDriver();
        d.ok(new ConfigureAlliance(d.id(), "Asia/Shanghai", 1001, 156));
        d.ok(new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        d.ok(new RegisterParticipant(d.id(), "s1", Role.STORE, "op"));
        d.ok(new RegisterParticipant(d.id(), "m1", Role.MEMBER, null));
        d.ok(new RegisterRuleSet(d.id(), null, t("2026-01-01T00:00+08:00"), new RuleSet(100, 80, 0, 0,
            ShortfallPolicy.NEGATIVE, 0, List.of(), 0, 0)));
        // 500 points at 0.0100 on 03-01, valid through 03-01: they expire at 03-02 00:00 local, the cycle's end.
        d.ok(new Accrue(d.id(), id("m1"), id("s1"), 500, 0, t("2026-03-01T10:00+08:00")));
        final CommandId close = d.id();
        d.ok(new CloseCycle(close, t("2026-03-02T00:00+08:00")));
        final CycleView c = d.domain().lastCycle().orElseThrow();
        assertEquals(1, c.sweptLots());
        assertEquals(500, c.operator().breakage());
        assertEquals(0, c.operator().liabilityChange()); // +500 accrued, -500 expired
        assertEquals(new CycleView.PointsLine(500, 0, 500, 0, 0, 0), c.points());
        assertEquals(-500, c.parties().get(0).settled()); // s1 pays for the points it issued (minimum 0)
        assertEquals(0, d.domain().lotsDue(t("2026-03-02T00:00+08:00")));
        assertEquals(List.of(EXPIRY, EXPIRY, MovementKind.SETTLEMENT), d.machine().entries(close).stream()
            .map(e -> MovementKind.ofEntryCode(e.code())).toList());
    }

    @Test
    void aStoreOverrideSetsItsOwnMinimumSettlement() {
        final StandardAlliance a = new StandardAlliance();
        a.d.ok(new RegisterRuleSet(a.d.id(), "s2", t("2026-02-01T00:00+08:00"), new RuleSet(125, 80, 365, 7,
            ShortfallPolicy.NEGATIVE, 300, StandardAlliance.rules(ShortfallPolicy.NEGATIVE).shares(), 500, 1_000)));
        a.d.ok(new SettleSale(a.d.id(), id("s2"), id("alipay"), "T-1", 5_000, t("2026-03-01T15:00+08:00")));
        a.d.ok(new CloseCycle(a.d.id(), CYCLE_1_END));
        final Map<String, CycleView.PartyLine> lines = byCode(a.d.domain().lastCycle().orElseThrow());
        assertEquals(1_000, lines.get("s2").minimumSettlement());
        assertLine(lines.get("s2"), 0, 4_850, 4_850, 0);        // its own 10.00 CNY minimum
        assertEquals(10_000, lines.get("city").minimumSettlement()); // the default for everyone else
        assertLine(lines.get("alipay"), 0, -5_000, 0, -5_000);  // below the default: carried
    }

    @Test
    void aCloseSettlesThousandsOfPartiesInEntriesOf63() {
        final StandardAlliance a = new StandardAlliance();
        final int stores = 5_000;
        for (int i = 0; i < stores; i++) {
            a.d.ok(new RegisterParticipant(a.d.id(), "x" + i, Role.STORE, "op"));
        }
        for (int i = 0; i < stores; i++) {
            a.d.ok(new SettleSale(a.d.id(), id("x" + i), id("alipay"), "X-" + i, 20_000 + i, t("2026-03-01T12:00+08:00")));
        }
        final CommandId close = a.d.id();
        a.d.ok(new CloseCycle(close, CYCLE_1_END));
        final CycleView c = a.d.domain().lastCycle().orElseThrow();
        assertEquals(0, settledSum(c));
        assertEquals(stores + 1, c.parties().stream().filter(p -> p.settled() != 0).count()); // and alipay
        assertEquals((stores + 1 + 62) / 63, a.d.machine().entries(close).size());
        a.assertInvariants();
    }

    @Test
    void replayAndRestoreGiveTheSameCyclesAndHash() {
        final StandardAlliance a = cycleTwo();
        final String hash = a.d.machine().stateHash();
        final StateMachine replayed = a.d.replay();
        final StateMachine restored = a.d.restore();
        assertEquals(hash, replayed.stateHash());
        assertEquals(hash, restored.stateHash());
        for (final StateMachine m : List.of(replayed, restored)) {
            final AllianceDomain domain = (AllianceDomain)m.extension();
            for (int n = 1; n <= 2; n++) {
                assertEquals(a.d.domain().cycle(n), domain.cycle(n));
                assertEquals(a.d.domain().statementLines(n, Page.FIRST, 1000), domain.statementLines(n, Page.FIRST, 1000));
            }
            assertEquals(a.d.domain().channelTransactions("alipay", Long.MIN_VALUE, Long.MAX_VALUE, Page.FIRST, 100),
                domain.channelTransactions("alipay", Long.MIN_VALUE, Long.MAX_VALUE, Page.FIRST, 100));
            assertTrue(m.findViolation().isEmpty());
        }
    }

    @Test
    void aSweepBeforeTheCloseBooksItsBreakageInTheSameCycle() {
        final AllianceDriver d = new AllianceDriver();
        d.ok(new ConfigureAlliance(d.id(), "Asia/Shanghai", 1001, 156));
        d.ok(new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        d.ok(new RegisterParticipant(d.id(), "s1", Role.STORE, "op"));
        d.ok(new RegisterParticipant(d.id(), "m1", Role.MEMBER, null));
        d.ok(new RegisterRuleSet(d.id(), null, t("2026-01-01T00:00+08:00"), new RuleSet(100, 80, 0, 0,
            ShortfallPolicy.NEGATIVE, 0, List.of(), 0, 0)));
        d.ok(new Accrue(d.id(), id("m1"), id("s1"), 500, 0, t("2026-03-01T10:00+08:00")));
        // What SWEEP_REQUIRED asks a host to do: sweep as of the cycle's end first, still in the open cycle.
        d.ok(new SweepExpiry(d.id(), CYCLE_1_END, 4096));
        d.ok(new CloseCycle(d.id(), CYCLE_1_END));
        final CycleView c = d.domain().lastCycle().orElseThrow();
        assertEquals(0, c.sweptLots());
        assertEquals(500, c.operator().breakage());
    }
}

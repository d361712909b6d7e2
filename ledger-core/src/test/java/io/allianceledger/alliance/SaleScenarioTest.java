package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Correct;
import io.allianceledger.alliance.command.MoveStore;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.alliance.support.StandardAlliance;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.EntryView;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.allianceledger.alliance.AccountKind.*;
import static io.allianceledger.alliance.support.StandardAlliance.id;
import static io.allianceledger.alliance.support.StandardAlliance.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worked examples of rules 6, 7 (sales) and 8 in docs/accounting-model.md. */
class SaleScenarioTest {
    private static final long MARCH = t("2026-03-15T12:00+08:00");

    private static List<Long> parts(final SaleView sale) {
        return sale.parts().stream().map(SaleView.Part::original).toList();
    }

    private static List<Long> remaining(final SaleView sale) {
        return sale.parts().stream().map(SaleView.Part::remaining).toList();
    }

    @Test
    void twoLevelAgentSplitWithHq() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId sale = a.d.id();
        a.d.ok(new SettleSale(sale, id("s1"), id("alipay"), "2026031500001", 3300, MARCH));
        // F = 3% of 3300 = 99. Exact: city 19.8, prov 9.9, HQ 49.5, operator 19.8. Floors 19+9+49+19 = 96;
        // 3 units to the largest fractions: prov .9, city .8 (ties city before the operator), operator .8.
        final SaleView v = a.d.domain().sale(sale).orElseThrow();
        assertEquals(99, v.fee());
        assertEquals(List.of("s1", "city", "prov", "hq1", "op"), v.parts().stream().map(SaleView.Part::party).toList());
        assertEquals(List.of(3201L, 20L, 10L, 49L, 20L), parts(v));
        assertEquals(3300, a.debit("alipay", CLEARING));
        assertEquals(3201, a.credit("s1", CLEARING));
        assertEquals(20, a.credit("city", CLEARING));
        assertEquals(10, a.credit("prov", CLEARING));
        assertEquals(49, a.credit("hq1", CLEARING));
        assertEquals(20, a.credit("op", FEE_INCOME));
        assertEquals(ResultCode.DUPLICATE_CHANNEL_TRANSACTION,
            a.d.apply(new SettleSale(a.d.id(), id("s2"), id("alipay"), "2026031500001", 100, MARCH)));
        a.assertInvariants();
    }

    @Test
    void missingHqShareGoesToTheOperator() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId sale = a.d.id();
        a.d.ok(new SettleSale(sale, id("s2"), id("alipay"), "T-2", 3300, MARCH));
        // s2 sits directly under city: the HQ's 49.5 joins the operator's exact share: 19.8 + 49.5 = 69.3.
        // Floors 19 + 9 + 69 = 97; 2 units: prov (.9), city (.8).
        assertEquals(List.of(3201L, 20L, 10L, 69L), parts(a.d.domain().sale(sale).orElseThrow()));
        a.assertInvariants();
    }

    @Test
    void issueExampleHqHalfOperatorRest() {
        final StandardAlliance a = new StandardAlliance();
        a.d.ok(new RegisterRuleSet(a.d.id(), "s1", t("2026-03-01T00:00+08:00"),
            new RuleSet(125, 80, 365, 7, ShortfallPolicy.NEGATIVE, 300, List.of(SplitShare.hq(5000)), 500, 0)));
        final CommandId sale = a.d.id();
        a.d.ok(new SettleSale(sale, id("s1"), id("alipay"), "T-3", 3300, MARCH));
        // F = 99; HQ 49.5, operator 49.5: the tie goes to the HQ, earlier in rule order.
        final SaleView v = a.d.domain().sale(sale).orElseThrow();
        assertEquals(List.of(3201L, 50L, 49L), parts(v));
        assertEquals(2, v.ruleVersion()); // the store override
    }

    @Test
    void capsAndTheMaximumSplitRatio() {
        final StandardAlliance a = new StandardAlliance();
        a.d.ok(new RegisterRuleSet(a.d.id(), "s1", t("2026-03-01T00:00+08:00"), new RuleSet(125, 80, 365, 7,
            ShortfallPolicy.NEGATIVE, 500, List.of(SplitShare.agent(1, 4000).capped(15), SplitShare.hq(5000)), 500, 0)));
        final CommandId sale = a.d.id();
        a.d.ok(new SettleSale(sale, id("s1"), id("alipay"), "T-4", 1990, MARCH));
        // F = 5% of 1990 = 99.5 -> 100, but never above floor(1990 × 5%) = 99: F = 99.
        // city 39.6 capped at 15; HQ 49.5; operator 99 - 64.5 = 34.5. Floors 15+49+34 = 98; one unit: HQ (tie, earlier).
        final SaleView v = a.d.domain().sale(sale).orElseThrow();
        assertEquals(99, v.fee());
        assertEquals(List.of(1891L, 15L, 50L, 34L), parts(v));
    }

    @Test
    void partialRefundsInThreePiecesRestoreEveryPartyAcrossARuleChange() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId sale = a.d.id();
        a.d.ok(new SettleSale(sale, id("s1"), id("alipay"), "T-5", 3300, MARCH));
        // A new version from April: a different fee and split. Refunds keep using the sale's version 1.
        a.d.ok(new RegisterRuleSet(a.d.id(), null, t("2026-04-01T00:00+08:00"), new RuleSet(125, 80, 365, 7,
            ShortfallPolicy.NEGATIVE, 100, List.of(SplitShare.hq(10_000)), 500, 0)));
        final CommandId first = a.d.id();
        a.d.ok(new Refund(first, sale, 1000, t("2026-04-02T10:00+08:00")));
        // Over remaining 3300: store 970.0, city 6.06, prov 3.03, HQ 14.85, operator 6.06 -> 970, 6, 3, 15, 6.
        assertEquals(List.of(2231L, 14L, 7L, 34L, 14L), remaining(a.d.domain().sale(sale).orElseThrow()));
        final EntryView entry = a.d.machine().entries(first).get(0);
        assertEquals(MovementKind.SALE_REFUND, MovementKind.ofEntryCode(entry.code()));
        assertEquals(1, MovementKind.versionOfEntryCode(entry.code()));
        assertEquals(sale, entry.reference());
        a.d.ok(new Refund(a.d.id(), sale, 1000, t("2026-04-03T10:00+08:00")));
        // Over remaining 2300: 970.0, 6.09, 3.04, 14.78, 6.09 -> 970, 6, 3, 15, 6.
        assertEquals(List.of(1261L, 8L, 4L, 19L, 8L), remaining(a.d.domain().sale(sale).orElseThrow()));
        assertEquals(ResultCode.REFUND_EXCEEDS_REMAINING, a.d.apply(new Refund(a.d.id(), sale, 1301, t("2026-04-03T10:00+08:00"))));
        a.d.ok(new Refund(a.d.id(), sale, 1300, t("2026-04-04T10:00+08:00")));
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), remaining(a.d.domain().sale(sale).orElseThrow()));
        for (final String party : List.of("s1", "city", "prov", "hq1", "alipay")) {
            assertEquals(0, a.account(party, CLEARING).debitBalance(), party);
        }
        assertEquals(0, a.credit("op", FEE_INCOME));
        a.assertInvariants();
    }

    @Test
    void storeMoveKeepsPastChainsAndAppliesFromItsInstant() {
        final StandardAlliance a = new StandardAlliance();
        a.d.ok(new MoveStore(a.d.id(), id("s2"), id("hq1"), t("2026-04-01T00:00+08:00")));
        final CommandId before = a.d.id();
        final CommandId after = a.d.id();
        a.d.ok(new SettleSale(before, id("s2"), id("alipay"), "T-6", 3300, t("2026-03-31T23:59:59.999+08:00")));
        a.d.ok(new SettleSale(after, id("s2"), id("alipay"), "T-7", 3300, t("2026-04-01T00:00+08:00")));
        assertEquals(List.of("s2", "city", "prov", "op"),
            a.d.domain().sale(before).orElseThrow().parts().stream().map(SaleView.Part::party).toList());
        assertEquals(List.of("s2", "city", "prov", "hq1", "op"),
            a.d.domain().sale(after).orElseThrow().parts().stream().map(SaleView.Part::party).toList());
        assertEquals(ResultCode.MOVE_NOT_AFTER_PREVIOUS,
            a.d.apply(new MoveStore(a.d.id(), id("s2"), id("city"), t("2026-04-01T00:00+08:00"))));
        final RollUp hq = a.d.domain().rollUp("hq1", t("2026-04-02T00:00+08:00")).orElseThrow();
        assertEquals(List.of("hq1", "s1", "s2"), hq.participants());
        final RollUp hqInMarch = a.d.domain().rollUp("hq1", t("2026-03-02T00:00+08:00")).orElseThrow();
        assertEquals(List.of("hq1", "s1"), hqInMarch.participants());
        // The roll-up of city: city, hq1, s1, s2 and their positions: 3201 + 3201 + 20 + 20 + 49 = ...
        final RollUp city = a.d.domain().rollUp("city", t("2026-04-02T00:00+08:00")).orElseThrow();
        assertEquals(List.of("city", "hq1", "s1", "s2"), city.participants());
        assertEquals(a.credit("city", CLEARING) + a.credit("hq1", CLEARING) + a.credit("s1", CLEARING)
            + a.credit("s2", CLEARING), city.net());
        assertEquals(3201 * 2 + 20 + 20 + 49, city.net());
        a.assertInvariants();
    }

    @Test
    void correctionReversesAnUnrefundedSaleAndFreesItsTransactionId() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId sale = a.d.id();
        a.d.ok(new SettleSale(sale, id("s1"), id("alipay"), "T-8", 3300, MARCH));
        final CommandId correction = a.d.id();
        a.d.ok(new Correct(correction, sale, MARCH));
        final EntryView reversal = a.d.machine().entries(correction).get(0);
        assertEquals(MovementKind.CORRECTION, MovementKind.ofEntryCode(reversal.code()));
        assertEquals(sale, reversal.reference());
        for (final String party : List.of("s1", "city", "prov", "hq1", "alipay")) {
            assertEquals(0, a.account(party, CLEARING).debitBalance(), party);
        }
        assertTrue(a.d.domain().sale(sale).orElseThrow().corrected());
        assertEquals(ResultCode.ALREADY_CORRECTED, a.d.apply(new Correct(a.d.id(), sale, MARCH)));
        assertEquals(ResultCode.NOT_REFUNDABLE, a.d.apply(new Refund(a.d.id(), sale, 1, MARCH)));
        a.d.ok(new SettleSale(a.d.id(), id("s1"), id("alipay"), "T-8", 3200, MARCH)); // re-booked right
        a.assertInvariants();
    }
}

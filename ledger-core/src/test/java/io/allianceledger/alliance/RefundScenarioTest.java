package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.Correct;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.SetSuspended;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.support.StandardAlliance;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.allianceledger.alliance.AccountKind.*;
import static io.allianceledger.alliance.support.StandardAlliance.id;
import static io.allianceledger.alliance.support.StandardAlliance.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Worked examples of rule 7 (accrual refunds) and rule 8 (corrections of points operations). */
class RefundScenarioTest {
    private static final long MAY = t("2026-05-01T12:00+08:00");

    /** 1000 points for 100.00 CNY (V = 1250 fen), of which 700 are redeemed (875 fen released). */
    private static CommandId accrueAndSpend(final StandardAlliance a) {
        final CommandId accrual = a.d.id();
        a.d.ok(new Accrue(accrual, id("m1"), id("s1"), 1000, 10_000, t("2026-04-01T10:00+08:00")));
        a.d.ok(new Redeem(a.d.id(), id("m1"), id("s2"), 700, t("2026-04-20T10:00+08:00")));
        return accrual;
    }

    @Test
    void negativePolicyLetsTheBalanceGoBelowZeroUntilLaterAccrualsRepay() {
        final StandardAlliance a = new StandardAlliance(ShortfallPolicy.NEGATIVE);
        final CommandId accrual = accrueAndSpend(a);
        a.d.ok(new Refund(a.d.id(), accrual, 6000, MAY));
        // k = roundHalfEven(1000 × 6000 / 10000) = 600: 300 from the accrual's own lot (375 fen), 300 short.
        assertEquals(-300, a.credit("m1", MEMBER_POINTS));
        assertEquals(-300, a.debit("op", POINTS_ISSUED));
        assertEquals(1250 - 375, a.debit("s1", CLEARING));
        assertEquals(0, a.credit("op", POINTS_LIABILITY));
        final MemberPoints owing = a.d.domain().memberPoints("m1", MAY).orElseThrow();
        assertEquals(300, owing.owed());
        assertEquals(0, owing.available());
        // A later accrual of 500 repays the 300 first: V = 625, R = roundHalfEven(625 × 300 / 500) = 375.
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s2"), 500, 5000, MAY));
        assertEquals(200, a.credit("m1", MEMBER_POINTS));
        assertEquals(250, a.credit("op", POINTS_LIABILITY));
        assertEquals(375, a.credit("op", SHORTFALL_RECOVERY));
        assertEquals(625 - 560, a.debit("s2", CLEARING)); // s2 was owed 560 for the 700-point redemption
        // The rest of the purchase: all 400 remaining points; none are left of the accrual's lot.
        a.d.ok(new Refund(a.d.id(), accrual, 4000, MAY));
        final AccrualView v = a.d.domain().accrual(accrual).orElseThrow();
        assertEquals(0, v.remainingPoints());
        assertEquals(0, v.remainingPurchase());
        assertEquals(ResultCode.REFUND_EXCEEDS_REMAINING, a.d.apply(new Refund(a.d.id(), accrual, 1, MAY)));
        a.assertInvariants();
    }

    @Test
    void forgivePolicyBooksTheShortfallAsAnOperatorLoss() {
        final StandardAlliance a = new StandardAlliance(ShortfallPolicy.FORGIVE);
        final CommandId accrual = accrueAndSpend(a);
        a.d.ok(new Refund(a.d.id(), accrual, 6000, MAY));
        // 300 clawed back (375 fen); the 300 short are forgiven: roundHalfEven(300 × 0.0125 CNY) = 375 fen loss.
        assertEquals(0, a.credit("m1", MEMBER_POINTS));
        assertEquals(375, a.debit("op", SHORTFALL_LOSS));
        assertEquals(1250 - 375 - 375, a.debit("s1", CLEARING));
        assertEquals(0, a.d.domain().memberPoints("m1", MAY).orElseThrow().owed());
        a.assertInvariants();
    }

    @Test
    void clawBackTakesOtherLotsInRedemptionOrderAfterItsOwn() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId accrual = accrueAndSpend(a);                                        // own lot: 300 / 375
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s2"), 800, 8000, t("2026-04-21T10:00+08:00"))); // 800 / 1000
        a.d.ok(new Refund(a.d.id(), accrual, 6000, MAY));
        // 600: 300 of its own lot (375 fen), 300 of the other: roundHalfEven(1000 × 300 / 800) = 375 fen.
        assertEquals(1800 - 700 - 600, a.credit("m1", MEMBER_POINTS));
        assertEquals(625, a.credit("op", POINTS_LIABILITY));
        assertEquals(1250 - 750, a.debit("s1", CLEARING)); // s1's obligation falls by the clawed-back value
        a.assertInvariants();
    }

    @Test
    void aRefundInPointsClawsBackExactlyThatMany() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId accrual = a.d.id();
        a.d.ok(new Accrue(accrual, id("m1"), id("s1"), 1000, 10_000, t("2026-04-01T10:00+08:00"))); // V = 1250
        a.d.ok(Refund.points(a.d.id(), accrual, 400, MAY));
        // 400 points of its own lot: roundHalfEven(1250 × 400 / 1000) = 500 fen back to s1; the purchase amount
        // refunded with them is roundHalfEven(10000 × 400 / 1000) = 4000, so fen and points stay in step.
        assertEquals(600, a.credit("m1", MEMBER_POINTS));
        assertEquals(750, a.debit("s1", CLEARING));
        final AccrualView v = a.d.domain().accrual(accrual).orElseThrow();
        assertEquals(List.of(600L, 6000L), List.of(v.remainingPoints(), v.remainingPurchase()));
        assertEquals(ResultCode.REFUND_EXCEEDS_REMAINING, a.d.apply(Refund.points(a.d.id(), accrual, 601, MAY)));
        a.d.ok(new Refund(a.d.id(), accrual, 6000, MAY)); // the rest, in fen: all 600 remaining points
        assertEquals(0, a.credit("m1", MEMBER_POINTS));
        assertEquals(0, a.debit("s1", CLEARING));
        a.assertInvariants();
    }

    @Test
    void aRefundInPointsFollowsTheAccrualsShortfallPolicy() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId accrual = accrueAndSpend(a);
        a.d.ok(Refund.points(a.d.id(), accrual, 600, MAY));
        // The same as refunding 60.00 CNY: 300 from the own lot (375 fen), 300 short and owed (NEGATIVE).
        assertEquals(-300, a.credit("m1", MEMBER_POINTS));
        assertEquals(1250 - 375, a.debit("s1", CLEARING));
        assertEquals(300, a.d.domain().memberPoints("m1", MAY).orElseThrow().owed());
        assertEquals(4000, a.d.domain().accrual(accrual).orElseThrow().remainingPurchase());
        a.assertInvariants();
    }

    @Test
    void correctionsOfPointsOperations() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId accrual = a.d.id();
        a.d.ok(new Accrue(accrual, id("m1"), id("s1"), 1000, 10_000, t("2026-04-01T10:00+08:00")));
        final String afterAccrual = a.d.machine().stateHash();
        final CommandId redemption = a.d.id();
        a.d.ok(new Redeem(redemption, id("m1"), id("s2"), 700, t("2026-04-20T10:00+08:00")));
        assertEquals(ResultCode.NOT_CORRECTABLE, a.d.apply(new Correct(a.d.id(), accrual, MAY)));
        a.d.ok(new Correct(a.d.id(), redemption, MAY));
        // The 700 points and 875 fen are back in the same lot; the store's payment and the spread are reversed.
        assertEquals(1000, a.credit("m1", MEMBER_POINTS));
        assertEquals(1250, a.credit("op", POINTS_LIABILITY));
        assertEquals(0, a.credit("s2", CLEARING));
        assertEquals(0, a.credit("op", REDEMPTION_SPREAD));
        assertEquals(ResultCode.ALREADY_CORRECTED, a.d.apply(new Correct(a.d.id(), redemption, MAY)));
        a.d.ok(new Correct(a.d.id(), accrual, MAY));
        assertEquals(0, a.credit("m1", MEMBER_POINTS));
        assertEquals(0, a.debit("s1", CLEARING));
        assertEquals(0, a.debit("op", POINTS_ISSUED));
        a.assertInvariants();
        assertEquals(ResultCode.NOT_REFUNDABLE, a.d.apply(new Refund(a.d.id(), accrual, 1, MAY)));
        assertEquals(false, afterAccrual.equals(a.d.machine().stateHash())); // history is kept, not erased
    }

    @Test
    void suspendedParticipantsDoNoNewBusinessButRefundsStillWork() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId accrual = a.d.id();
        a.d.ok(new Accrue(accrual, id("m1"), id("s1"), 1000, 10_000, t("2026-04-01T10:00+08:00")));
        a.d.ok(new SetSuspended(a.d.id(), id("s1"), true, t("2026-04-01T10:00+08:00")));
        assertEquals(ResultCode.PARTICIPANT_SUSPENDED,
            a.d.apply(new Accrue(a.d.id(), id("m1"), id("s1"), 1, 0, MAY)));
        a.d.ok(new Refund(a.d.id(), accrual, 10_000, MAY));
        assertEquals(0, a.debit("s1", CLEARING));
        a.d.ok(new SetSuspended(a.d.id(), id("s1"), false, MAY));
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s1"), 1, 0, MAY));
        a.assertInvariants();
    }
}

package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.CaptureHold;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.HoldPoints;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.ReleaseHold;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.alliance.command.TransferPoints;
import io.allianceledger.alliance.support.AllianceDriver;
import io.allianceledger.alliance.support.StandardAlliance;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.allianceledger.alliance.AccountKind.*;
import static io.allianceledger.alliance.support.StandardAlliance.id;
import static io.allianceledger.alliance.support.StandardAlliance.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Worked examples of rules 3, 4 and 5 in docs/accounting-model.md. */
class HoldExpiryTransferScenarioTest {
    /** Lots A (1250 pts / 1562 fen, 03-01) and B (400 / 500, 03-05), then the rule-2 redemption of 1300. */
    private static StandardAlliance afterRedemption() {
        final StandardAlliance a = new StandardAlliance();
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s1"), 1250, 125_000, t("2026-03-01T10:00+08:00")));
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s1"), 400, 40_000, t("2026-03-05T10:00+08:00")));
        a.d.ok(new Redeem(a.d.id(), id("m1"), id("s2"), 1300, t("2026-03-20T12:00+08:00")));
        return a; // lot B: 350 points, 438 fen
    }

    @Test
    void holdCapturesPartAndReleasesTheRest() {
        final StandardAlliance a = afterRedemption();
        final CommandId hold = a.d.id();
        a.d.ok(new HoldPoints(hold, id("m1"), id("s1"), 200, t("2026-03-21T09:00+08:00"), 900));
        // 200 of lot B's 350: roundHalfEven(438 × 200 / 350) = roundHalfEven(250.29) = 250 fen reserved.
        MemberPoints p = a.d.domain().memberPoints("m1", t("2026-03-21T09:00+08:00")).orElseThrow();
        assertEquals(150, p.available());
        assertEquals(200, p.held());
        assertEquals(350, a.credit("m1", MEMBER_POINTS)); // a hold posts nothing
        assertEquals(ResultCode.INSUFFICIENT_POINTS,
            a.d.apply(new Redeem(a.d.id(), id("m1"), id("s2"), 151, t("2026-03-21T09:00+08:00"))));
        final long spreadBefore = a.credit("op", REDEMPTION_SPREAD);
        a.d.ok(new CaptureHold(a.d.id(), hold, 120, t("2026-03-21T09:05+08:00")));
        // Captured 120 of the 200 held: roundHalfEven(250 × 120 / 200) = 150 fen released; 80 points / 100 fen back.
        // P = roundHalfEven(120 × 0.0080 CNY) = 96 fen to s1; spread 150 - 96 = 54.
        assertEquals(96, a.credit("s1", CLEARING) + 1562 + 500); // s1 owed 2062 for its accruals
        assertEquals(54, a.credit("op", REDEMPTION_SPREAD) - spreadBefore);
        p = a.d.domain().memberPoints("m1", t("2026-03-21T09:05+08:00")).orElseThrow();
        assertEquals(230, p.available());
        assertEquals(0, p.held());
        assertEquals(230, a.credit("m1", MEMBER_POINTS));
        assertEquals(288, a.credit("op", POINTS_LIABILITY)); // 438 - 150
        assertEquals("CAPTURED", a.d.domain().hold(hold).orElseThrow().status());
        assertEquals(ResultCode.HOLD_NOT_OPEN, a.d.apply(new ReleaseHold(a.d.id(), hold, t("2026-03-21T09:05+08:00"))));
        a.assertInvariants();
    }

    @Test
    void holdTimesOutOnTheEngineClock() {
        final StandardAlliance a = afterRedemption();
        final CommandId hold = a.d.id();
        a.d.ok(new HoldPoints(hold, id("m1"), id("s1"), 100, t("2026-03-21T09:00+08:00"), 60));
        final long deadline = a.d.clock() + 60_000_000_000L;
        a.d.applyAt(deadline - 1, new Redeem(a.d.id(), id("m1"), id("s2"), 1, t("2026-03-21T09:00+08:00")));
        assertEquals("OPEN", a.d.domain().hold(hold).orElseThrow().status());
        // The first command at or after the deadline releases it before it is applied.
        a.d.applyAt(deadline, new Redeem(a.d.id(), id("m1"), id("s2"), 349, t("2026-03-21T09:00+08:00")));
        assertEquals("TIMED_OUT", a.d.domain().hold(hold).orElseThrow().status());
        assertEquals(0, a.credit("m1", MEMBER_POINTS));
        assertEquals(0, a.credit("op", POINTS_LIABILITY));
        assertEquals(ResultCode.HOLD_NOT_OPEN,
            a.d.apply(new CaptureHold(a.d.id(), hold, 1, t("2026-03-21T09:00+08:00"))));
        a.assertInvariants();
    }

    @Test
    void releaseReturnsExactlyWhatWasHeld() {
        final StandardAlliance a = afterRedemption();
        final String before = a.d.machine().stateHash();
        final CommandId hold = a.d.id();
        a.d.ok(new HoldPoints(hold, id("m1"), id("s1"), 350, t("2026-03-21T09:00+08:00"), 60));
        a.d.ok(new ReleaseHold(a.d.id(), hold, t("2026-03-21T09:00+08:00")));
        final MemberPoints p = a.d.domain().memberPoints("m1", t("2026-03-21T09:00+08:00")).orElseThrow();
        assertEquals(350, p.available());
        assertEquals("RELEASED", a.d.domain().hold(hold).orElseThrow().status());
        assertTrue(!before.equals(a.d.machine().stateHash())); // the hold is on record
        a.assertInvariants();
    }

    @Test
    void expiryAtTheExactLocalMidnightInShanghai() {
        final AllianceDriver d = new AllianceDriver();
        d.ok(new ConfigureAlliance(d.id(), "Asia/Shanghai", 1001, 156));
        d.ok(new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        d.ok(new RegisterParticipant(d.id(), "s1", Role.STORE, "op"));
        d.ok(new RegisterParticipant(d.id(), "m1", Role.MEMBER, null));
        d.ok(new RegisterRuleSet(d.id(), null, t("2026-01-01T00:00+08:00"),
            new RuleSet(100, 80, 30, 0, ShortfallPolicy.NEGATIVE, 0, List.of(), 0, 0)));
        // 07:00 in Shanghai is 23:00 UTC the day before: the local date, 2026-03-01, decides.
        d.ok(new Accrue(d.id(), id("m1"), id("s1"), 500, 5000, t("2026-03-01T07:00+08:00")));
        final AllianceDomain domain = d.domain();
        assertEquals(List.of(new MemberPoints.ExpiryBucket(LocalDate.parse("2026-03-31"), 500)),
            domain.memberPoints("m1", t("2026-03-01T07:00+08:00")).orElseThrow().byExpiryDate());
        final long lastInstant = t("2026-03-31T23:59:59.999+08:00");
        final long expiry = t("2026-04-01T00:00+08:00"); // 2026-03-31T16:00Z
        d.ok(new Redeem(d.id(), id("m1"), id("s1"), 1, lastInstant));
        assertEquals(ResultCode.INSUFFICIENT_POINTS, d.apply(new Redeem(d.id(), id("m1"), id("s1"), 1, expiry)));
        assertEquals(499, domain.memberPoints("m1", expiry).orElseThrow().expired());
        d.ok(new SweepExpiry(d.id(), lastInstant, 100));
        assertEquals(1, domain.lotsDue(expiry));
        final long accountM1 = domain.accountId("m1", MEMBER_POINTS).orElseThrow();
        assertEquals(499, d.account(accountM1).creditBalance());
        d.ok(new SweepExpiry(d.id(), expiry, 100));
        assertEquals(0, domain.lotsDue(expiry));
        assertEquals(0, d.account(accountM1).creditBalance());
        // 500 points at 0.0100 CNY = 500 fen; the redeemed point released 1 fen; 499 fen are breakage.
        assertEquals(499, d.account(domain.accountId("op", BREAKAGE).orElseThrow()).creditBalance());
        assertEquals(0, d.account(domain.accountId("op", POINTS_LIABILITY).orElseThrow()).creditBalance());
        assertTrue(d.machine().findViolation().isEmpty());
        assertTrue(domain.findViolation().isEmpty());
    }

    @Test
    void transferGivesTheReceiverLotsWithTheSameExpiryAvailableAtOnce() {
        final StandardAlliance a = new StandardAlliance();
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s1"), 1250, 125_000, t("2026-03-01T10:00+08:00"))); // 1250 / 1562
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s1"), 400, 40_000, t("2026-03-05T10:00+08:00")));   // 400 / 500
        // On 03-10 lot B is still pending: only lot A's 1250 points can move.
        assertEquals(ResultCode.INSUFFICIENT_POINTS,
            a.d.apply(new TransferPoints(a.d.id(), id("m1"), id("m2"), 1251, t("2026-03-10T12:00+08:00"))));
        a.d.ok(new TransferPoints(a.d.id(), id("m1"), id("m2"), 1000, t("2026-03-10T12:00+08:00")));
        // 1000 of lot A: roundHalfEven(1562 × 1000 / 1250) = roundHalfEven(1249.6) = 1250 fen moves with them.
        final MemberPoints m2 = a.d.domain().memberPoints("m2", t("2026-03-10T12:00+08:00")).orElseThrow();
        assertEquals(1000, m2.available());
        assertEquals(List.of(new MemberPoints.ExpiryBucket(LocalDate.parse("2027-03-01"), 1000)), m2.byExpiryDate());
        final MemberPoints m1 = a.d.domain().memberPoints("m1", t("2026-03-10T12:00+08:00")).orElseThrow();
        assertEquals(250, m1.available());
        assertEquals(400, m1.pending());
        assertEquals(1562 + 500, a.credit("op", POINTS_LIABILITY)); // value moves, the liability does not change
        // m2 spends 1000 at 0.0080: P = 800; released 1250; spread 450.
        a.d.ok(new Redeem(a.d.id(), id("m2"), id("s2"), 1000, t("2026-03-10T12:00+08:00")));
        assertEquals(450, a.credit("op", REDEMPTION_SPREAD));
        a.assertInvariants();
        assertEquals(a.d.machine().stateHash(), a.d.restore().stateHash());
    }
}

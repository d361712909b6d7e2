package io.allianceledger.alliance;

import io.allianceledger.alliance.support.StandardAlliance;
import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.EntryView;
import io.allianceledger.command.Posting;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.allianceledger.alliance.AccountKind.*;
import static io.allianceledger.alliance.support.StandardAlliance.id;
import static io.allianceledger.alliance.support.StandardAlliance.t;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Worked examples of rules 1 and 2 in docs/accounting-model.md. */
class PointsScenarioTest {
    @Test
    void accrualIssuesPendingPointsAndChargesTheStore() {
        final StandardAlliance a = new StandardAlliance();
        final CommandId accrual = a.d.id();
        a.d.ok(new Accrue(accrual, id("m1"), id("s1"), 1250, 125_000, t("2026-03-01T10:00+08:00")));
        // V = roundHalfEven(1250 × 0.0125 CNY) = roundHalfEven(1562.5 fen) = 1562 fen.
        assertEquals(1250, a.credit("m1", MEMBER_POINTS));
        assertEquals(1250, a.debit("op", POINTS_ISSUED));
        assertEquals(1562, a.debit("s1", CLEARING));
        assertEquals(1562, a.credit("op", POINTS_LIABILITY));
        final List<EntryView> entries = a.d.machine().entries(accrual);
        assertEquals(1, entries.size());
        assertEquals(MovementKind.ACCRUAL, MovementKind.ofEntryCode(entries.get(0).code()));
        assertEquals(1, MovementKind.versionOfEntryCode(entries.get(0).code()));
        assertEquals(List.of(new Posting(POINTS_ISSUED.accountId(0), 1250), new Posting(CLEARING.accountId(4), 1562)),
            entries.get(0).debits());

        // Pending until exactly accrual time + 7 days.
        final MemberPoints before = a.d.domain().memberPoints("m1", t("2026-03-08T09:59:59.999+08:00")).orElseThrow();
        assertEquals(0, before.available());
        assertEquals(1250, before.pending());
        final MemberPoints at = a.d.domain().memberPoints("m1", t("2026-03-08T10:00+08:00")).orElseThrow();
        assertEquals(1250, at.available());
        assertEquals(0, at.pending());
        // Accrued on local 2026-03-01 with 365 days: valid through 2027-03-01.
        assertEquals(List.of(new MemberPoints.ExpiryBucket(LocalDate.parse("2027-03-01"), 1250)), at.byExpiryDate());
        assertEquals(ResultCode.INSUFFICIENT_POINTS,
            a.d.apply(new Redeem(a.d.id(), id("m1"), id("s2"), 1, t("2026-03-08T09:59:59.999+08:00"))));
        a.d.ok(new Redeem(a.d.id(), id("m1"), id("s2"), 1, t("2026-03-08T10:00+08:00")));
        a.assertInvariants();
    }

    @Test
    void redemptionConsumesEarliestExpiryFirstAndBooksTheSpread() {
        final StandardAlliance a = new StandardAlliance();
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s1"), 1250, 125_000, t("2026-03-01T10:00+08:00"))); // lot A: 1250 / 1562
        a.d.ok(new Accrue(a.d.id(), id("m1"), id("s1"), 400, 40_000, t("2026-03-05T10:00+08:00")));   // lot B: 400 / 500
        final CommandId redemption = a.d.id();
        a.d.ok(new Redeem(redemption, id("m1"), id("s2"), 1300, t("2026-03-20T12:00+08:00")));
        // Lot A whole: 1562; lot B 50 of 400: roundHalfEven(500 × 50 / 400) = roundHalfEven(62.5) = 62. L = 1624.
        // P = roundHalfEven(1300 × 0.0080 CNY) = 1040 fen; spread 584.
        assertEquals(1040, a.credit("s2", CLEARING));
        assertEquals(584, a.credit("op", REDEMPTION_SPREAD));
        assertEquals(1562 + 500 - 1624, a.credit("op", POINTS_LIABILITY));
        assertEquals(350, a.credit("m1", MEMBER_POINTS));
        assertEquals(350, a.debit("op", POINTS_ISSUED));
        final MemberPoints left = a.d.domain().memberPoints("m1", t("2026-03-20T12:00+08:00")).orElseThrow();
        assertEquals(350, left.available());
        assertEquals(ResultCode.INSUFFICIENT_POINTS,
            a.d.apply(new Redeem(a.d.id(), id("m1"), id("s2"), 351, t("2026-03-20T12:00+08:00"))));
        a.assertInvariants();
        assertEquals(a.d.machine().stateHash(), a.d.replay().stateHash());
        assertEquals(a.d.machine().stateHash(), a.d.restore().stateHash());
    }
}

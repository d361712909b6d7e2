package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.support.StandardAlliance;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.EntryView;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.LedgerConfig;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.allianceledger.alliance.support.StandardAlliance.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The alliance through the embedding API: typed commands in, typed queries out, through the ring. */
class AllianceLedgerTest {
    private static long p(final String code) {
        return ParticipantCode.idOf(code);
    }

    @Test
    void commandsAndQueriesThroughTheLedger() {
        try (Ledger ledger = Ledger.open(LedgerConfig.builder().extension(AllianceDomain::new).build())) {
            final AllianceQueries alliance = new AllianceQueries(ledger);
            long n = 1;
            for (final var c : List.of(
                new ConfigureAlliance(CommandId.of(n++), "Asia/Shanghai", 1001, 156),
                new RegisterParticipant(CommandId.of(n++), "op", Role.OPERATOR, null),
                new RegisterParticipant(CommandId.of(n++), "prov", Role.AGENT, "op"),
                new RegisterParticipant(CommandId.of(n++), "city", Role.AGENT, "prov"),
                new RegisterParticipant(CommandId.of(n++), "hq1", Role.HQ, "city"),
                new RegisterParticipant(CommandId.of(n++), "s1", Role.STORE, "hq1"),
                new RegisterParticipant(CommandId.of(n++), "s2", Role.STORE, "city"),
                new RegisterParticipant(CommandId.of(n++), "m1", Role.MEMBER, null),
                new RegisterParticipant(CommandId.of(n++), "alipay", Role.CHANNEL, null),
                new RegisterRuleSet(CommandId.of(n++), null, t("2026-01-01T00:00+08:00"),
                    StandardAlliance.rules(ShortfallPolicy.NEGATIVE)))) {
                assertEquals(ResultCode.CREATED, ledger.execute(c).code(), c.toString());
            }
            final CommandId accrual = CommandId.fromName("pos-2026-03-01-0001");
            assertEquals(ResultCode.CREATED, ledger.execute(
                new Accrue(accrual, p("m1"), p("s1"), 1250, 125_000, t("2026-03-01T10:00+08:00"))).code());
            assertEquals(ResultCode.EXISTS, ledger.execute(
                new Accrue(accrual, p("m1"), p("s1"), 1250, 125_000, t("2026-03-01T10:00+08:00"))).code());
            final CommandId sale = CommandId.fromName("alipay-2026031500001");
            assertEquals(ResultCode.CREATED, ledger.execute(
                new SettleSale(sale, p("s1"), p("alipay"), "2026031500001", 3300, t("2026-03-15T12:00+08:00"))).code());
            assertEquals(ResultCode.CREATED, ledger.execute(
                new Redeem(CommandId.of(n++), p("m1"), p("s2"), 250, t("2026-03-20T10:00+08:00"))).code());

            final MemberPoints points = alliance.memberPoints("m1", t("2026-03-20T10:00+08:00")).join().orElseThrow();
            assertEquals(1000, points.available());
            final ParticipantBalances s1 = alliance.balances("s1").join().orElseThrow();
            // s1 owes 1562 for the accrual and is owed 3201 for the sale.
            assertEquals(3201 - 1562, s1.position().net());
            assertEquals(-1562L, s1.position().byKind().get(MovementKind.ACCRUAL));
            assertEquals(3201L, s1.position().byKind().get(MovementKind.SALE));
            // Iteration is in kind order, so what a host prints is the same on every run.
            assertEquals(List.of(MovementKind.ACCRUAL, MovementKind.SALE), List.copyOf(s1.position().byKind().keySet()));
            final RollUp city = alliance.rollUp("city", t("2026-03-20T10:00+08:00")).join().orElseThrow();
            assertEquals(List.of("city", "hq1", "s1", "s2"), city.participants());
            final List<EntryView> entries = alliance.entries(sale).join();
            assertEquals(1, entries.size());
            assertEquals(MovementKind.SALE, MovementKind.ofEntryCode(entries.get(0).code()));
            assertEquals(List.of(3201L, 20L, 10L, 49L, 20L),
                alliance.sale(sale).join().orElseThrow().parts().stream().map(SaleView.Part::original).toList());
            assertEquals(1, alliance.ruleInForce("s1", t("2026-03-15T12:00+08:00")).join().orElseThrow().version());
            assertTrue(ledger.findViolation().join().isEmpty());
        }
    }
}

package io.allianceledger.examples.embedded;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.AllianceQueries;
import io.allianceledger.alliance.MemberPoints;
import io.allianceledger.alliance.ParticipantBalances;
import io.allianceledger.alliance.SaleView;
import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.command.CommandId;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.LedgerConfig;
import io.allianceledger.ledger.Result;

import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.List;

import static io.allianceledger.alliance.command.ParticipantCode.idOf;

/**
 * A host application embedding the ledger with its alliance domain: a member earns points with a purchase at one
 * store and spends some at another, a sale at the first store has its fee split between the operator, the agent
 * and the HQ, part of the sale is refunded, and the host reads back the member's points, the sale's parts and
 * the stores' positions. The README's embedding snippet is the part between the tag lines, checked by a test.
 */
public final class EmbeddedExample {
    private static final int POINTS = 1001; // asset code of the points (scale 0)
    private static final int CNY = 156;     // asset code of CNY (scale 2: amounts are fen)

    private EmbeddedExample() {
    }

    /**
     * Runs the example, printing what it did.
     *
     * @param args ignored.
     */
    public static void main(final String[] args) {
        run(System.out);
    }

    static void run(final PrintStream out) {
        // tag::embed[]
        try (Ledger ledger = Ledger.open(LedgerConfig.builder().extension(AllianceDomain::new).build())) {
            setUpAlliance(ledger); // time zone, rule set, operator, agent, HQ, two stores, a member, a channel
            final AllianceQueries alliance = new AllianceQueries(ledger);

            // m-1001 pays 129.00 CNY at tea-01 and earns 1,290 points; tea-01 owes the operator their value.
            // Commands name participants by ids computed from their codes (ParticipantCode.idOf).
            ok(ledger.execute(new Accrue(CommandId.fromName("pos-tea-0001"), idOf("m-1001"), idOf("tea-01"),
                1_290, 12_900, time("2026-03-01T10:00+08:00"))));

            // After the 7-day lock, m-1001 spends 500 of them at another store; the operator pays bakery-07.
            ok(ledger.execute(new Redeem(CommandId.fromName("pos-bakery-0001"), idOf("m-1001"), idOf("bakery-07"),
                500, time("2026-03-09T18:00+08:00"))));

            // A 258.50 CNY sale at tea-01 paid through alipay: its 3 % fee is split along tea-01's chain.
            final CommandId sale = CommandId.fromName("alipay-20260310-0001");
            ok(ledger.execute(new SettleSale(sale, idOf("tea-01"), idOf("alipay"), "20260310-0001",
                25_850, time("2026-03-10T12:00+08:00"))));

            // 100.00 CNY of it is refunded: every party gives back its share of what remains.
            final long refundTime = time("2026-03-11T09:30+08:00");
            ok(ledger.execute(new Refund(CommandId.fromName("alipay-refund-0001"), sale, 10_000, refundTime)));

            final MemberPoints points = alliance.memberPoints("m-1001", refundTime).join().orElseThrow();
            out.println("m-1001 has " + points.available() + " points available, " + points.pending() + " pending");
            final SaleView view = alliance.sale(sale).join().orElseThrow();
            out.println("sale of " + view.amount() + " fen, fee " + view.fee() + "; parts sold -> after the refund:");
            for (final SaleView.Part p : view.parts()) {
                out.println("  " + p.party() + " (" + p.share() + ") " + p.original() + " -> " + p.remaining());
            }
            for (final String store : List.of("tea-01", "bakery-07")) {
                final ParticipantBalances.Position position = alliance.balances(store).join().orElseThrow().position();
                out.println(store + " is owed " + position.net() + " fen: " + position.byKind());
            }
            out.println("state hash " + ledger.stateHash().join());
        }
        // end::embed[]
    }

    /**
     * The one-time setup of an alliance: its time zone and assets, its participants and the default rule set.
     * In Asia/Shanghai the operator "op" has one agent, "agent-sh"; under it a tea chain's headquarters "hq-tea"
     * with its store "tea-01", and an independent store "bakery-07" with no HQ. "m-1001" is a member and "alipay"
     * the payment channel.
     */
    private static void setUpAlliance(final Ledger ledger) {
        ok(ledger.execute(new ConfigureAlliance(CommandId.fromName("configure"), "Asia/Shanghai", POINTS, CNY)));
        register(ledger, "op", Role.OPERATOR, null);
        register(ledger, "agent-sh", Role.AGENT, "op");
        register(ledger, "hq-tea", Role.HQ, "agent-sh");
        register(ledger, "tea-01", Role.STORE, "hq-tea");
        register(ledger, "bakery-07", Role.STORE, "agent-sh");
        register(ledger, "m-1001", Role.MEMBER, null);
        register(ledger, "alipay", Role.CHANNEL, null);
        ok(ledger.execute(new RegisterRuleSet(CommandId.fromName("rules-v1"), null, time("2026-01-01T00:00+08:00"),
            rules())));
    }

    /** The alliance's default rules, in force from 2026-01-01. */
    private static RuleSet rules() {
        return new RuleSet(
            RuleSet.price("0.0125"),   // a store pays the operator 0.0125 CNY for each point it issues
            RuleSet.price("0.0080"),   // and is paid 0.0080 CNY for each point redeemed with it
            365,                       // points are valid through the 365th local day after they were earned
            7,                         // and locked for the first 7 days, while the goods may be returned
            ShortfallPolicy.NEGATIVE,  // a refund may leave a member owing points
            300,                       // a sale's fee is 3 % of its amount
            List.of(SplitShare.agent(1, 2_000), SplitShare.hq(5_000)), // 20 % of it to the agent, 50 % to the HQ
            500,                       // the fee never exceeds 5 % of the sale
            10_000);                   // positions under 100.00 CNY are carried into the next cycle
    }

    private static void register(final Ledger ledger, final String code, final Role role, final String parent) {
        ok(ledger.execute(new RegisterParticipant(CommandId.fromName("register-" + code), code, role, parent)));
    }

    /** Business rejections come back as result codes, not exceptions: the example stops at the first one. */
    private static void ok(final Result result) {
        if (!result.isSuccess()) {
            throw new IllegalStateException("the ledger rejected a command: " + result.code());
        }
    }

    /** @return epoch milliseconds (business time) of an ISO-8601 time with offset. */
    private static long time(final String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }
}

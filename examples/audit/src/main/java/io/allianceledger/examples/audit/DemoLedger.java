package io.allianceledger.examples.audit;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.CloseCycle;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.journal.ChronicleJournal;
import io.allianceledger.journal.JournalConfig;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.LedgerConfig;
import io.allianceledger.ledger.Result;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import static io.allianceledger.alliance.command.ParticipantCode.idOf;

/**
 * Builds the small journaled ledger the audit replays: the alliance of the embedded example (operator "op",
 * agent "agent-sh", HQ "hq-tea" with store "tea-01", store "bakery-07" under the agent, member "m-1001", channel
 * "alipay") over two business days in Asia/Shanghai, 2026-03-01 and 2026-03-02, with cycle 1 closed at the
 * midnight between them. Right after the close it records what the live ledger reports for one party, as a host
 * keeps what it sent out (a settlement file, a store's statement).
 */
final class DemoLedger {
    /** The ledger's identity in its journal. */
    static final String NAME = "audit-example";
    /** The alliance's time zone. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The end of cycle 1: local midnight between the two days. */
    static final long CLOSE = time("2026-03-02T00:00+08:00");

    private final Ledger ledger;
    // The engine clock reads the business time of the event being submitted (set just before it), so engine
    // timestamps, which the journal records and JournalReader.stateAt bounds, follow business time.
    private final AtomicLong clockNanos;
    private final Map<CommandId, String> names = new HashMap<>();

    private DemoLedger(final Ledger ledger, final AtomicLong clockNanos) {
        this.ledger = ledger;
        this.clockNanos = clockNanos;
    }

    /**
     * What the live ledger reported at the close of cycle 1.
     *
     * @param closeTimestamp the close's engine timestamp, nanoseconds: replaying up to it gives the state then.
     * @param live           the party's figures read from the live ledger right after the close.
     * @param names          the host's names of the command ids it submitted.
     */
    record Capture(long closeTimestamp, PartyFigures live, Map<CommandId, String> names) {
        /** Copies the names. */
        Capture {
            names = Map.copyOf(names);
        }
    }

    /**
     * Builds the ledger in a new or empty directory, then closes it.
     *
     * @param directory where the journal goes.
     * @param party     the clearing party whose figures to capture at the close.
     * @return what the live ledger reported at the close.
     */
    static Capture build(final Path directory, final String party) {
        final AtomicLong clock = new AtomicLong(nanos(time("2026-03-01T08:00+08:00")));
        final ChronicleJournal journal = ChronicleJournal.open(JournalConfig.builder(directory, NAME).build());
        try (Ledger ledger = Ledger.open(LedgerConfig.builder().journal(journal).clock(clock::get)
            .extension(AllianceDomain::new).build())) {
            return new DemoLedger(ledger, clock).run(party);
        }
    }

    private Capture run(final String party) {
        setUp();

        // Day 1. Figures (rules below; rule numbers of docs/accounting-model.md):
        // rule 1: V = roundHalfEven(1290 x 0.0125 CNY) = roundHalfEven(1612.5 fen) = 1612, owed by tea-01;
        // rule 6: F = min(roundHalfEven(775.5), floor(1292.5)) = 776; exact agent 155.2, HQ 388, operator 232.8;
        //   the unit left goes to the operator (.8): tea-01 25074, agent-sh 155, hq-tea 388, operator 233;
        // rule 6 at bakery-07 (no HQ, so the HQ's half goes to the operator): F = 150, agent-sh 30, operator 120,
        //   bakery-07 4850.
        at("2026-03-01T10:00+08:00", t -> new Accrue(id("pos-tea-0001"), idOf("m-1001"), idOf("tea-01"),
            1_290, 12_900, t));
        final CommandId sale = id("alipay-20260301-0001");
        at("2026-03-01T12:00+08:00", t -> new SettleSale(sale, idOf("tea-01"), idOf("alipay"), "20260301-0001",
            25_850, t));
        at("2026-03-01T16:00+08:00", t -> new SettleSale(id("alipay-20260301-0002"), idOf("bakery-07"),
            idOf("alipay"), "20260301-0002", 5_000, t));

        // The close at midnight: tea-01's 25074 - 1612 = 23462 and alipay's -30850 reach the 100.00 CNY minimum
        // and are settled; agent-sh's 185, hq-tea's 388 and bakery-07's 4850 are carried into cycle 2.
        final Result close = at("2026-03-02T00:00+08:00", t -> new CloseCycle(id("close-2026-03-02"), t));
        final String hash = ledger.stateHash().join();
        final PartyFigures live;
        try {
            live = ledger.queryExtension(e -> PartyFigures.of((AllianceDomain)e, party, hash)).join();
        } catch (final CompletionException e) {
            // The query ran on the engine thread; an unknown party is the caller's mistake, so surface it as such.
            throw e.getCause() instanceof IllegalArgumentException bad ? bad : e;
        }

        // Day 2, after the capture: the replay as of the close must not see any of it.
        // rule 7: 100.00 CNY of yesterday's sale back over its parts: tea-01 9700, agent-sh 60, hq-tea 150, op 90;
        // rule 1: roundHalfEven(400 x 1.25) = 500 owed by tea-01; rule 6: F = 99, exact 19.8 / 49.5 / 29.7,
        //   floors 97, units to the agent (.8) and the operator (.7): tea-01 3201, agent-sh 20, hq-tea 49, op 30.
        at("2026-03-02T10:30+08:00", t -> new Refund(id("alipay-refund-R20260302-0001"), sale, 10_000,
            Refund.Unit.FEN, "R20260302-0001", t));
        at("2026-03-02T14:00+08:00", t -> new Accrue(id("pos-tea-0002"), idOf("m-1001"), idOf("tea-01"),
            400, 4_000, t));
        at("2026-03-02T19:00+08:00", t -> new SettleSale(id("alipay-20260302-0001"), idOf("tea-01"),
            idOf("alipay"), "20260302-0001", 3_300, t));
        return new Capture(close.timestamp(), live, names);
    }

    private void setUp() {
        at("2026-03-01T08:00+08:00", t -> new ConfigureAlliance(id("configure"), ZONE.getId(), 1001, 156));
        register("op", Role.OPERATOR, null);
        register("agent-sh", Role.AGENT, "op");
        register("hq-tea", Role.HQ, "agent-sh");
        register("tea-01", Role.STORE, "hq-tea");
        register("bakery-07", Role.STORE, "agent-sh");
        register("m-1001", Role.MEMBER, null);
        register("alipay", Role.CHANNEL, null);
        // Issue 0.0125 CNY and redeem 0.0080 CNY a point, points valid 365 days and locked 7, a 3 % sale fee of
        // which 20 % goes to the agent and 50 % to the HQ (the operator keeps the rest), at most 5 % of a sale,
        // positions under 100.00 CNY carried forward.
        final RuleSet rules = new RuleSet(RuleSet.price("0.0125"), RuleSet.price("0.0080"), 365, 7,
            ShortfallPolicy.NEGATIVE, 300, List.of(SplitShare.agent(1, 2_000), SplitShare.hq(5_000)), 500, 10_000);
        at("2026-03-01T08:00+08:00", t -> new RegisterRuleSet(id("rules-v1"), null, time("2026-01-01T00:00+08:00"),
            rules));
    }

    private void register(final String code, final Role role, final String parent) {
        at("2026-03-01T08:00+08:00", t -> new RegisterParticipant(id("register-" + code), code, role, parent));
    }

    /** Submits the command an event makes at its business time, on the engine clock of that time. */
    private Result at(final String iso, final LongFunction<Command> event) {
        final long millis = time(iso);
        clockNanos.set(nanos(millis));
        final Result result = ledger.execute(event.apply(millis));
        if (!result.isSuccess()) {
            throw new IllegalStateException("the ledger rejected the event at " + iso + ": " + result.code());
        }
        return result;
    }

    /** @return the id of a host's business key, remembered so that statements can name it. */
    private CommandId id(final String name) {
        final CommandId id = CommandId.fromName(name);
        names.put(id, name);
        return id;
    }

    /** @return epoch milliseconds of an ISO-8601 time with offset. */
    static long time(final String iso) {
        return OffsetDateTime.parse(iso).toInstant().toEpochMilli();
    }

    /** @return the engine clock reading, in nanoseconds, of a business time in milliseconds. */
    static long nanos(final long millis) {
        return Math.multiplyExact(millis, 1_000_000L);
    }
}

package io.allianceledger.bench;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A state machine with the alliance domain and a standard alliance: Asia/Shanghai; operator {@code op}; agents
 * {@code prov} (under the operator) and {@code city} (under prov); HQ {@code hq} under city; the stores under the HQ;
 * the members; channel {@code pay}. One rule version from 2026-01-01: issue 0.0125 CNY/point, redeem 0.0080,
 * expiry 365 days, lock 7 days, NEGATIVE shortfall, fee 300 bps split 2000 to the store's nearest agent, 1000 to
 * the next, 5000 to the HQ, the operator the rest; so a sale is split over five parties (store, HQ, city, prov,
 * operator) with the channel's receivable on the other side.
 * <p>
 * Domain commands are encoded once into templates and rewritten in place for each use (id, participants, amounts,
 * times), like {@link TransferStream}.
 */
final class Alliances {
    static final int POINTS = 1001;
    static final int CNY = 156;
    /** When accruals and sales happen: 2026-03-01T00:00Z, plus one millisecond per command. */
    static final long T0 = OffsetDateTime.parse("2026-03-01T00:00Z").toInstant().toEpochMilli();
    /** When redemptions happen: after the 7-day lock, before expiry. */
    static final long REDEEM_TIME = OffsetDateTime.parse("2026-04-01T00:00Z").toInstant().toEpochMilli();
    /** When the sweep runs: after every lot accrued in March 2026 has expired. */
    static final long SWEEP_TIME = OffsetDateTime.parse("2027-06-01T00:00Z").toInstant().toEpochMilli();
    /** Points of every accrual. */
    static final long LOT_POINTS = 100;
    /** Fen of every sale. */
    static final long SALE_AMOUNT = 10_000;

    final Machines m;
    final long[] members;
    final long[] stores;
    final long channel = ParticipantCode.idOf("pay");
    private final UnsafeBuffer scratch;

    private Alliances(final Machines m, final int members, final int stores) {
        this.m = m;
        this.members = new long[members];
        this.stores = new long[stores];
        this.scratch = m.scratch();
    }

    /**
     * @param members members to register.
     * @param stores  stores to register under the HQ.
     * @param lots    rows to size the domain's tables for up front (lots, records; participants too, which then
     *                grow past it).
     * @return the alliance, every set-up command created.
     */
    static Alliances open(final int members, final int stores, final int lots) {
        // The engine's tables and the participants grow as registered; the domain's other tables (lots, records)
        // are sized for the lots to come. Sizing everything for millions of members up front would multiply it.
        final int participants = members + stores + 8;
        final Machines m = Machines.of(new StateMachine(1024, participants * 2 + 64, new AllianceDomain(Math.max(1024, lots))));
        final Alliances a = new Alliances(m, members, stores);
        a.setUp(new ConfigureAlliance(CommandId.of(1), "Asia/Shanghai", POINTS, CNY));
        a.setUp(new RegisterParticipant(CommandId.of(2), "op", Role.OPERATOR, null));
        a.setUp(new RegisterParticipant(CommandId.of(3), "prov", Role.AGENT, "op"));
        a.setUp(new RegisterParticipant(CommandId.of(4), "city", Role.AGENT, "prov"));
        a.setUp(new RegisterParticipant(CommandId.of(5), "hq", Role.HQ, "city"));
        a.setUp(new RegisterParticipant(CommandId.of(6), "pay", Role.CHANNEL, null));
        a.setUp(new RegisterRuleSet(CommandId.of(7), null, OffsetDateTime.parse("2026-01-01T00:00+08:00").toInstant()
            .toEpochMilli(), new RuleSet(125, 80, 365, 7, ShortfallPolicy.NEGATIVE, 300,
            List.of(SplitShare.agent(1, 2000), SplitShare.agent(2, 1000), SplitShare.hq(5000)), 500, 10_000)));
        for (int i = 0; i < stores; i++) {
            final String code = "store-" + i;
            a.setUp(new RegisterParticipant(new CommandId(Machines.ID_HIGH - 2, i + 1), code, Role.STORE, "hq"));
            a.stores[i] = ParticipantCode.idOf(code);
        }
        for (int i = 0; i < members; i++) {
            final String code = "member-" + i;
            a.setUp(new RegisterParticipant(new CommandId(Machines.ID_HIGH - 3, i + 1), code, Role.MEMBER, null));
            a.members[i] = ParticipantCode.idOf(code);
        }
        return a;
    }

    private void setUp(final Command c) {
        m.applyChecked(c.encode(scratch, 0));
    }

    /** An accrual template: rewrite with {@link #accrue}. */
    static UnsafeBuffer accrualTemplate() {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[64]);
        new Accrue(new CommandId(Machines.ID_HIGH, 1), 1, 1, LOT_POINTS, 10_000, T0).encode(b, 0);
        return b;
    }

    /** Rewrites an accrual template. */
    static void accrue(final UnsafeBuffer b, final long idLow, final long member, final long store, final long time) {
        b.putLong(CommandLayout.ID_LOW_OFFSET, idLow);
        b.putLong(AllianceLayout.FIELD_0, member);
        b.putLong(AllianceLayout.FIELD_1, store);
        b.putLong(AllianceLayout.FIELD_4, time);
    }

    /** A redemption template of {@code points}: rewrite with {@link #redeem}. */
    static UnsafeBuffer redemptionTemplate(final long points) {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[56]);
        new Redeem(new CommandId(Machines.ID_HIGH, 1), 1, 1, points, REDEEM_TIME).encode(b, 0);
        return b;
    }

    /** Rewrites a redemption template. */
    static void redeem(final UnsafeBuffer b, final long idLow, final long member, final long store) {
        b.putLong(CommandLayout.ID_LOW_OFFSET, idLow);
        b.putLong(AllianceLayout.FIELD_0, member);
        b.putLong(AllianceLayout.FIELD_1, store);
    }

    /** Length of a sale whose transaction id is 16 hex digits. */
    static final int SALE_LENGTH = AllianceLayout.paddedLength(AllianceLayout.TRANSACTION_OFFSET, 16);

    /** A sale template: rewrite with {@link #sale}. */
    UnsafeBuffer saleTemplate() {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[SALE_LENGTH]);
        final int length = new SettleSale(new CommandId(Machines.ID_HIGH, 1), stores[0], channel, "0000000000000000",
            SALE_AMOUNT, T0).encode(b, 0);
        if (length != SALE_LENGTH) {
            throw new IllegalStateException("sale length " + length);
        }
        return b;
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Rewrites a sale template: a fresh id, the store, and the channel transaction id (the id, in hex). */
    static void sale(final UnsafeBuffer b, final long idLow, final long store, final long time) {
        b.putLong(CommandLayout.ID_LOW_OFFSET, idLow);
        b.putLong(AllianceLayout.FIELD_0, store);
        b.putLong(AllianceLayout.FIELD_3, time);
        long x = idLow;
        for (int i = 15; i >= 0; i--) {
            b.putByte(AllianceLayout.TRANSACTION_OFFSET + i, HEX[(int)(x & 15)]);
            x >>>= 4;
        }
    }

    /** Length of a refund in fen without a channel transaction id. */
    static final int REFUND_LENGTH = new Refund(CommandId.of(1), CommandId.of(2), 1, T0).encodedLength();

    /** A refund template of {@code amount} fen ({@link #REFUND_LENGTH} bytes): rewrite with {@link #refund}. */
    static UnsafeBuffer refundTemplate(final long amount) {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[REFUND_LENGTH]);
        new Refund(new CommandId(Machines.ID_HIGH, 1), new CommandId(Machines.ID_HIGH, 2), amount, REDEEM_TIME).encode(b, 0);
        return b;
    }

    /** Rewrites a refund template. */
    static void refund(final UnsafeBuffer b, final long idLow, final long originalHigh, final long originalLow) {
        b.putLong(CommandLayout.ID_LOW_OFFSET, idLow);
        b.putLong(AllianceLayout.FIELD_0, originalHigh);
        b.putLong(AllianceLayout.FIELD_1, originalLow);
    }

    /** A sweep template processing at most {@code maxLots}: rewrite the id with {@link #sweep}. */
    static UnsafeBuffer sweepTemplate(final int maxLots) {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[40]);
        new SweepExpiry(new CommandId(Machines.ID_HIGH, 1), SWEEP_TIME, maxLots).encode(b, 0);
        return b;
    }

    /** Rewrites a sweep template. */
    static void sweep(final UnsafeBuffer b, final long idLow) {
        b.putLong(CommandLayout.ID_LOW_OFFSET, idLow);
    }

    /**
     * Gives members lots: {@code lots} accruals of {@link #LOT_POINTS}, round-robin over the members and stores,
     * at T0 + 1 ms each.
     *
     * @param lots accruals to apply.
     */
    void loadLots(final int lots) {
        final UnsafeBuffer b = accrualTemplate();
        for (int i = 0; i < lots; i++) {
            accrue(b, m.nextId(), members[i % members.length], stores[i % stores.length], T0 + i);
            m.applyChecked(b, 64);
        }
    }

    /**
     * Settles sales round-robin over the stores; their ids' low halves are returned.
     *
     * @param sales how many.
     * @return the sales' id low halves (high half {@link Machines#ID_HIGH}).
     */
    long[] loadSales(final int sales) {
        final UnsafeBuffer b = saleTemplate();
        final long[] ids = new long[sales];
        for (int i = 0; i < sales; i++) {
            ids[i] = m.nextId();
            sale(b, ids[i], stores[i % stores.length], T0 + i);
            m.applyChecked(b, SALE_LENGTH);
        }
        return ids;
    }
}

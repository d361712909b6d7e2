package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.CaptureHold;
import io.allianceledger.alliance.command.CloseCycle;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.Correct;
import io.allianceledger.alliance.command.HoldPoints;
import io.allianceledger.alliance.command.MoveStore;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.ReleaseHold;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SetSuspended;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.alliance.command.TransferPoints;
import io.allianceledger.alliance.support.AllianceDriver;
import io.allianceledger.alliance.support.RawCommand;
import io.allianceledger.alliance.support.StandardAlliance;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.LinkedBatch;
import io.allianceledger.command.ResultCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.allianceledger.alliance.support.StandardAlliance.id;
import static io.allianceledger.alliance.support.StandardAlliance.t;
import static io.allianceledger.command.ResultCode.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One case per alliance result code (100 and up), each checking that the rejected command changed nothing;
 * {@link #everyAllianceCodeIsCovered()} fails if a code has no case.
 */
class AllianceResultCodeTest {
    private static final Set<ResultCode> SEEN = EnumSet.noneOf(ResultCode.class);
    private static final long T = t("2026-03-15T12:00+08:00");
    private static final long DAY = 86_400_000L;

    private static void expect(final AllianceDriver d, final ResultCode code, final Command command) {
        final byte[] before = body(d);
        assertEquals(code, d.apply(command), () -> "for " + command);
        SEEN.add(code);
        if (code != CREATED) {
            assertArrayEquals(before, body(d), () -> code + " changed the state");
        }
    }

    /** The canonical state without the clock and command count every command advances. */
    private static byte[] body(final AllianceDriver d) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.machine().writeState(out);
        final byte[] all = out.toByteArray();
        return Arrays.copyOfRange(all, 24, all.length);
    }

    @Test
    void configuration() {
        final AllianceDriver d = new AllianceDriver();
        expect(d, ALLIANCE_NOT_CONFIGURED, new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        expect(d, INVALID_TIME_ZONE, new ConfigureAlliance(d.id(), "Mars/Olympus_Mons", 1001, 156));
        expect(d, INVALID_ASSET_CODE, new ConfigureAlliance(d.id(), "Asia/Shanghai", 156, 156));
        expect(d, INVALID_TEXT, RawCommand.edit(new ConfigureAlliance(d.id(), "Asia/Shanghai", 1001, 156),
            b -> b.putByte(40, (byte)0xC0)));
        expect(d, CREATED, new ConfigureAlliance(d.id(), "Asia/Shanghai", 1001, 156));
        expect(d, ALLIANCE_ALREADY_CONFIGURED, new ConfigureAlliance(d.id(), "Asia/Shanghai", 1001, 156));
        expect(d, OPERATOR_NOT_REGISTERED, new RegisterParticipant(d.id(), "m1", Role.MEMBER, null));
        expect(d, CREATED, new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        expect(d, OPERATOR_ALREADY_REGISTERED, new RegisterParticipant(d.id(), "op2", Role.OPERATOR, null));
    }

    @Test
    void participants() {
        final StandardAlliance a = new StandardAlliance();
        final AllianceDriver d = a.d;
        expect(d, PARTICIPANT_ALREADY_REGISTERED, new RegisterParticipant(d.id(), "s1", Role.STORE, "hq1"));
        expect(d, INVALID_ROLE, RawCommand.edit(new RegisterParticipant(d.id(), "x", Role.STORE, "hq1"),
            b -> b.putByte(24, (byte)9)));
        expect(d, INVALID_TEXT, RawCommand.edit(new RegisterParticipant(d.id(), "x", Role.STORE, "hq1"),
            b -> b.putByte(40, (byte)0xFF)));
        expect(d, INVALID_PARENT, new RegisterParticipant(d.id(), "s9", Role.STORE, "m1"));
        expect(d, INVALID_PARENT, new RegisterParticipant(d.id(), "m9", Role.MEMBER, "op"));
        expect(d, PARTICIPANT_NOT_FOUND, new RegisterParticipant(d.id(), "s9", Role.STORE, "nobody"));
        String parent = "city"; // level 2
        for (int level = 3; level <= 8; level++) {
            expect(d, CREATED, new RegisterParticipant(d.id(), "agent" + level, Role.AGENT, parent));
            parent = "agent" + level;
        }
        expect(d, TREE_TOO_DEEP, new RegisterParticipant(d.id(), "agent9", Role.AGENT, parent));
        expect(d, CREATED, new MoveStore(d.id(), id("s1"), id("city"), T));
        expect(d, MOVE_NOT_AFTER_PREVIOUS, new MoveStore(d.id(), id("s1"), id("hq1"), T));
        expect(d, INVALID_TIME, new MoveStore(d.id(), id("s1"), id("hq1"), -1));
        expect(d, WRONG_ROLE, new SetSuspended(d.id(), id("op"), true, T));
        expect(d, CREATED, new SetSuspended(d.id(), id("m2"), true, T));
        expect(d, PARTICIPANT_SUSPENDED, new Accrue(d.id(), id("m2"), id("s1"), 10, 0, T));
    }

    @Test
    void rules() {
        final StandardAlliance a = new StandardAlliance();
        final AllianceDriver d = a.d;
        final RuleSet tooMuch = new RuleSet(100, 80, 10, 0, ShortfallPolicy.FORGIVE, 100,
            List.of(SplitShare.hq(6000), SplitShare.agent(1, 5000)), 100, 0);
        expect(d, INVALID_RULE_SET, new RegisterRuleSet(d.id(), null, T, tooMuch));
        final RuleSet lockBeyondExpiry = new RuleSet(100, 80, 10, 11, ShortfallPolicy.FORGIVE, 0, List.of(), 0, 0);
        expect(d, INVALID_RULE_SET, new RegisterRuleSet(d.id(), null, T, lockBeyondExpiry));
        expect(d, RULE_NOT_AFTER_PREVIOUS, new RegisterRuleSet(d.id(), null, t("2026-01-01T00:00+08:00"),
            StandardAlliance.rules(ShortfallPolicy.FORGIVE)));
        expect(d, WRONG_ROLE, new RegisterRuleSet(d.id(), "m1", T, StandardAlliance.rules(ShortfallPolicy.FORGIVE)));
        expect(d, NO_RULE_IN_FORCE, new Accrue(d.id(), id("m1"), id("s1"), 10, 0, t("2025-12-31T23:59:59.999+08:00")));
        expect(d, INVALID_TIME, new Accrue(d.id(), id("m1"), id("s1"), 10, 0, -5));
        expect(d, AMOUNT_MUST_BE_POSITIVE, new Accrue(d.id(), id("m1"), id("s1"), 0, 0, T));
        expect(d, PARTICIPANT_NOT_FOUND, new Accrue(d.id(), id("nobody"), id("s1"), 10, 0, T));
        expect(d, WRONG_ROLE, new Accrue(d.id(), id("s2"), id("s1"), 10, 0, T));
        expect(d, OVERFLOW, new Accrue(d.id(), id("m1"), id("s1"), Long.MAX_VALUE, 0, T));
        expect(d, MALFORMED_COMMAND, RawCommand.edit(new Accrue(d.id(), id("m1"), id("s1"), 10, 0, T),
            b -> b.putInt(4, 56)));
    }

    @Test
    void points() {
        final StandardAlliance a = new StandardAlliance();
        final AllianceDriver d = a.d;
        final CommandId accrual = d.id();
        expect(d, CREATED, new Accrue(accrual, id("m1"), id("s1"), 100, 1000, t("2026-03-01T10:00+08:00")));
        expect(d, INSUFFICIENT_POINTS, new Redeem(d.id(), id("m1"), id("s1"), 101, T));
        expect(d, SAME_MEMBER, new TransferPoints(d.id(), id("m1"), id("m1"), 1, T));
        expect(d, INVALID_HOLD_TIMEOUT, new HoldPoints(d.id(), id("m1"), id("s1"), 10, T, 0));
        expect(d, LOT_LIMIT_EXCEEDED, new SweepExpiry(d.id(), T, 0));
        expect(d, HOLD_NOT_FOUND, new CaptureHold(d.id(), accrual, 1, T));
        final CommandId hold = d.id();
        expect(d, CREATED, new HoldPoints(hold, id("m1"), id("s1"), 10, T, 60));
        expect(d, CAPTURE_EXCEEDS_HOLD, new CaptureHold(d.id(), hold, 11, T));
        expect(d, CREATED, new ReleaseHold(d.id(), hold, T));
        expect(d, HOLD_NOT_OPEN, new ReleaseHold(d.id(), hold, T));
        expect(d, NOT_CORRECTABLE, new Correct(d.id(), hold, T));
        expect(d, ORIGINAL_NOT_FOUND, new Refund(d.id(), CommandId.of(999_999), 1, T));
        final CommandId redemption = d.id();
        expect(d, CREATED, new Redeem(redemption, id("m1"), id("s1"), 10, T));
        expect(d, NOT_REFUNDABLE, new Refund(d.id(), redemption, 1, T));
        expect(d, REFUND_EXCEEDS_REMAINING, new Refund(d.id(), accrual, 1001, T));
        expect(d, CREATED, new Correct(d.id(), redemption, T));
        expect(d, ALREADY_CORRECTED, new Correct(d.id(), redemption, T));
        expect(d, ORIGINAL_NOT_FOUND, new Correct(d.id(), CommandId.of(999_999), T));
    }

    @Test
    void sales() {
        final StandardAlliance a = new StandardAlliance();
        final AllianceDriver d = a.d;
        expect(d, CREATED, new SettleSale(d.id(), id("s1"), id("alipay"), "tx-1", 100, T));
        expect(d, DUPLICATE_CHANNEL_TRANSACTION, new SettleSale(d.id(), id("s2"), id("alipay"), "tx-1", 100, T));
        expect(d, WRONG_ROLE, new SettleSale(d.id(), id("s2"), id("s1"), "tx-2", 100, T));
        expect(d, AMOUNT_MUST_BE_POSITIVE, new SettleSale(d.id(), id("s2"), id("alipay"), "tx-2", 0, T));
        expect(d, INVALID_TEXT, RawCommand.edit(new SettleSale(d.id(), id("s2"), id("alipay"), "tx-2", 1, T),
            b -> b.putByte(64, (byte)0x80)));
    }

    @Test
    void timeOrder() {
        final StandardAlliance a = new StandardAlliance();
        final AllianceDriver d = a.d;
        expect(d, CREATED, new Accrue(d.id(), id("m1"), id("s1"), 100, 1000, T));
        expect(d, CREATED, new Accrue(d.id(), id("m1"), id("s1"), 100, 1000, T)); // equal times are in order
        expect(d, TIME_OUT_OF_ORDER, new Accrue(d.id(), id("m1"), id("s1"), 100, 1000, T - 1));
        expect(d, TIME_OUT_OF_ORDER, new MoveStore(d.id(), id("s1"), id("city"), T - 1));
        expect(d, TIME_OUT_OF_ORDER, new SetSuspended(d.id(), id("s1"), true, T - 1));
        expect(d, INVALID_TIME, new ReleaseHold(d.id(), CommandId.of(1), -1));
    }

    @Test
    void cycles() {
        final StandardAlliance a = new StandardAlliance();
        final AllianceDriver d = a.d;
        expect(d, CREATED, new SettleSale(d.id(), id("s1"), id("alipay"), "tx-1", 100, T));
        final CloseCycle close = new CloseCycle(d.id(), T + DAY);
        expect(d, CREATED, close);
        expect(d, EXISTS, close);
        expect(d, CYCLE_ALREADY_CLOSED, new CloseCycle(d.id(), T + DAY));
        expect(d, CYCLE_BEFORE_LAST_CLOSE, new CloseCycle(d.id(), T + DAY - 1));
        expect(d, INVALID_TIME, new CloseCycle(d.id(), -1));
        expect(d, MALFORMED_COMMAND, RawCommand.edit(new CloseCycle(d.id(), T + 2 * DAY), b -> b.putInt(4, 40)));
        expect(d, CREATED, new SettleSale(d.id(), id("s1"), id("alipay"), "tx-2", 100, T + 3 * DAY));
        expect(d, TIME_OUT_OF_ORDER, new CloseCycle(d.id(), T + 2 * DAY));
        // Late: older than the closed cycle's end, so admitted into the open cycle.
        expect(d, CREATED, new SettleSale(d.id(), id("s1"), id("alipay"), "tx-3", 100, T));
    }

    @Test
    void aCloseSweepsAtMost4096Lots() {
        final AllianceDriver d = new AllianceDriver();
        d.ok(new ConfigureAlliance(d.id(), "Asia/Shanghai", 1001, 156));
        d.ok(new RegisterParticipant(d.id(), "op", Role.OPERATOR, null));
        d.ok(new RegisterParticipant(d.id(), "s1", Role.STORE, "op"));
        d.ok(new RegisterParticipant(d.id(), "m1", Role.MEMBER, null));
        d.ok(new RegisterRuleSet(d.id(), null, T, new RuleSet(100, 80, 0, 0, ShortfallPolicy.NEGATIVE, 0, List.of(),
            0, 0)));
        for (int i = 0; i < 4097; i++) {
            d.ok(new Accrue(d.id(), id("m1"), id("s1"), 1, 0, T + i));
        }
        expect(d, SWEEP_REQUIRED, new CloseCycle(d.id(), T + 2 * DAY));
        expect(d, CREATED, new SweepExpiry(d.id(), T + 2 * DAY, 4096));
        expect(d, CREATED, new CloseCycle(d.id(), T + 2 * DAY)); // sweeps the last lot itself
        assertEquals(1, d.domain().lastCycle().orElseThrow().sweptLots());
    }

    @Test
    void aCloseBooksAtMostItsBoundOfSettlements() {
        final StandardAlliance a = new StandardAlliance(ShortfallPolicy.NEGATIVE, new AllianceDriver(new AllianceDomain(64, 2)));
        final AllianceDriver d = a.d;
        expect(d, CREATED, new SettleSale(d.id(), id("s1"), id("alipay"), "tx-1", 1_000_000, T));
        // s1, hq1 and the channel reach 100.00 CNY: three instructions, one more than this domain's bound.
        expect(d, CYCLE_TOO_LARGE, new CloseCycle(d.id(), T + DAY));
    }

    @Test
    void refunds() {
        final StandardAlliance a = new StandardAlliance();
        final AllianceDriver d = a.d;
        final CommandId sale = d.id();
        final CommandId accrual = d.id();
        expect(d, CREATED, new SettleSale(sale, id("s1"), id("alipay"), "tx-1", 1000, T));
        expect(d, CREATED, new Accrue(accrual, id("m1"), id("s1"), 100, 1000, T));
        expect(d, POINTS_REFUND_OF_SALE, Refund.points(d.id(), sale, 1, T));
        expect(d, CHANNEL_TRANSACTION_NOT_APPLICABLE, new Refund(d.id(), accrual, 1, Refund.Unit.FEN, "r-1", T));
        expect(d, DUPLICATE_CHANNEL_TRANSACTION, new Refund(d.id(), sale, 1, Refund.Unit.FEN, "tx-1", T));
        expect(d, CREATED, new Refund(d.id(), sale, 1, Refund.Unit.FEN, "r-1", T));
        expect(d, DUPLICATE_CHANNEL_TRANSACTION, new Refund(d.id(), sale, 1, Refund.Unit.FEN, "r-1", T));
        expect(d, DUPLICATE_CHANNEL_TRANSACTION, new SettleSale(d.id(), id("s2"), id("alipay"), "r-1", 100, T));
        expect(d, REFUND_EXCEEDS_REMAINING, Refund.points(d.id(), accrual, 101, T));
        expect(d, INVALID_TEXT, RawCommand.edit(new Refund(d.id(), sale, 1, Refund.Unit.FEN, "r-2", T),
            b -> b.putByte(64, (byte)0xFF)));
        expect(d, MALFORMED_COMMAND, RawCommand.edit(new Refund(d.id(), sale, 1, T), b -> b.putByte(56, (byte)2)));
        expect(d, MALFORMED_COMMAND, RawCommand.edit(new Refund(d.id(), sale, 1, T), b -> b.putByte(58, (byte)1)));
    }

    @Test
    void aLinkedBatchWithARejectedItemChangesNothing() {
        final StandardAlliance a = new StandardAlliance();
        final AllianceDriver d = a.d;
        expect(d, CREATED, new Accrue(d.id(), id("m1"), id("s1"), 100, 1000, t("2026-03-01T10:00+08:00")));
        expect(d, INSUFFICIENT_POINTS, new LinkedBatch(List.of(
            new SettleSale(d.id(), id("s1"), id("alipay"), "tx-9", 5000, T),
            new Redeem(d.id(), id("m1"), id("s1"), 60, T),
            new TransferPoints(d.id(), id("m1"), id("m2"), 50, T))));
        a.assertInvariants();
    }

    @AfterAll
    static void everyAllianceCodeIsCovered() {
        final Set<ResultCode> missing = EnumSet.noneOf(ResultCode.class);
        for (final ResultCode c : ResultCode.values()) {
            if (c.code() >= 100 && !SEEN.contains(c)) {
                missing.add(c);
            }
        }
        assertTrue(missing.isEmpty(), "alliance result codes without a case: " + missing);
    }
}

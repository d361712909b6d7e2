package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.CaptureHold;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.HoldPoints;
import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.ReleaseHold;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.alliance.command.TransferPoints;
import io.allianceledger.alliance.support.AllianceDriver;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static io.allianceledger.alliance.support.StandardAlliance.t;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot path: applying alliance commands allocates nothing once the tables are warm, and consuming lots costs
 * O(lots touched), not O(lots held), within the documented bound of lots one operation may visit.
 */
class HotPathTest {
    private static final long DAY = 86_400_000L;
    private long nextId = 1;

    private CommandId id() {
        return CommandId.of(nextId++);
    }

    private static long p(final String code) {
        return ParticipantCode.idOf(code);
    }

    private List<Command> setup(final int lockDays) {
        return new ArrayList<>(List.of(
            new ConfigureAlliance(id(), "Asia/Shanghai", 1001, 156),
            new RegisterParticipant(id(), "op", Role.OPERATOR, null),
            new RegisterParticipant(id(), "agent", Role.AGENT, "op"),
            new RegisterParticipant(id(), "hq", Role.HQ, "agent"),
            new RegisterParticipant(id(), "s1", Role.STORE, "hq"),
            new RegisterParticipant(id(), "s2", Role.STORE, "agent"),
            new RegisterParticipant(id(), "m1", Role.MEMBER, null),
            new RegisterParticipant(id(), "m2", Role.MEMBER, null),
            new RegisterParticipant(id(), "pay", Role.CHANNEL, null),
            new RegisterRuleSet(id(), null, t("2026-01-01T00:00+08:00"), new RuleSet(125, 80, 30, lockDays,
                ShortfallPolicy.NEGATIVE, 300, List.of(SplitShare.agent(1, 2000), SplitShare.hq(5000)), 500, 0))));
    }

    /** One round of every kind of command, business time advancing an hour per round. */
    private void round(final List<Command> out, final int i) {
        final long time = t("2026-01-02T00:00+08:00") + i * 3_600_000L;
        final CommandId accrual = id();
        final CommandId hold = id();
        final CommandId hold2 = id();
        final CommandId sale = id();
        out.add(new Accrue(accrual, p("m1"), p("s1"), 500, 5000, time));
        out.add(new Redeem(id(), p("m1"), p("s2"), 120, time));
        out.add(new HoldPoints(hold, p("m1"), p("s2"), 50, time, 600));
        out.add(new CaptureHold(id(), hold, 30, time));
        out.add(new HoldPoints(hold2, p("m1"), p("s2"), 20, time, 600));
        out.add(new ReleaseHold(id(), hold2, time));
        out.add(new TransferPoints(id(), p("m1"), p("m2"), 70, time));
        out.add(new Redeem(id(), p("m2"), p("s1"), 60, time));
        out.add(new SettleSale(id(), p("s1"), p("pay"), "tx-" + i, 3300 + i, time));
        out.add(new Refund(id(), sale, 1000, time)); // refunds the sale of the previous round id... see below
        out.add(new Refund(id(), accrual, 1000, time));
        out.add(new SweepExpiry(id(), time, 64));
        // The sale refund names this round's sale: rewrite it now that the sale id is known.
        out.set(out.size() - 3, new Refund(out.get(out.size() - 3).id(), out.get(out.size() - 4).id(), 1000, time));
    }

    @Test
    void applyingAllianceCommandsAllocatesNothingAfterWarmUp() {
        final List<Command> commands = setup(0);
        final int setupCount = commands.size();
        final int warmRounds = 1500;
        final int measuredRounds = 500;
        for (int i = 0; i < warmRounds + measuredRounds; i++) {
            round(commands, i);
        }
        // Everything encoded up front, into one buffer, so the measured loop only applies.
        final int[] offsets = new int[commands.size() + 1];
        int total = 0;
        for (int i = 0; i < commands.size(); i++) {
            offsets[i] = total;
            total += commands.get(i).encodedLength();
        }
        offsets[commands.size()] = total;
        final UnsafeBuffer bytes = new UnsafeBuffer(new byte[total]);
        for (int i = 0; i < commands.size(); i++) {
            commands.get(i).encode(bytes, offsets[i]);
        }
        final StateMachine machine = new StateMachine(1 << 16, StateMachine.DEFAULT_MAX_ACCOUNTS,
            new AllianceDomain(1 << 16));
        final CommandResult result = new CommandResult();
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final int firstMeasured = setupCount + warmRounds * 12;
        long timestamp = 1_000_000_000L;
        int allocating = 0;
        long allocated = 0;
        int created = 0;
        final long baseline = threads.getCurrentThreadAllocatedBytes();
        final long calibration = threads.getCurrentThreadAllocatedBytes() - baseline;
        for (int i = 0; i < commands.size(); i++) {
            timestamp += 1_000_000_000L;
            final long before = threads.getCurrentThreadAllocatedBytes();
            machine.apply(bytes, offsets[i], offsets[i + 1] - offsets[i], timestamp, result);
            final long bytesThisCommand = threads.getCurrentThreadAllocatedBytes() - before - calibration;
            if (result.code() != ResultCode.CREATED) {
                throw new AssertionError("command " + i + " (" + commands.get(i) + ") -> " + result.code());
            }
            if (i >= firstMeasured) {
                created++;
                if (bytesThisCommand > 0) {
                    allocating++;
                    allocated += bytesThisCommand;
                    System.out.println("command " + i + " " + commands.get(i).getClass().getSimpleName()
                        + " allocated " + bytesThisCommand + " bytes");
                }
            }
        }
        System.out.println(created + " measured alliance commands after warm-up: " + allocating
            + " allocated, " + allocated + " bytes in all");
        // Allowed: the engine's record log taking a fresh 1 MiB chunk (every ~3000 commands here) and the undo log
        // growing once to a command larger than any seen in warm-up (a sweep of more lots). Nothing per command.
        assertTrue(allocating <= 3, allocating + " commands allocated");
        assertTrue(allocated <= 3L * ((1 << 20) + 64), allocated + " bytes");
        assertTrue(machine.extension().findViolation().isEmpty());
    }

    @Test
    void redemptionCostsTheLotsTouchedNotTheLotsHeld() {
        final AllianceDriver d = new AllianceDriver();
        for (final Command c : setup(0)) {
            d.ok(c);
        }
        final long start = t("2026-01-02T00:00+08:00");
        // m1 holds 20,000 lots, m2 holds 10: one point each, expiring in accrual order.
        for (int i = 0; i < 20_000; i++) {
            d.ok(new Accrue(id(), p("m1"), p("s1"), 1, 0, start + i * 1000L));
        }
        for (int i = 0; i < 10; i++) {
            d.ok(new Accrue(id(), p("m2"), p("s1"), 1, 0, start + (20_000 + i) * 1000L));
        }
        final long now = start + DAY;
        final AllianceDomain domain = d.domain();
        long visits = domain.lotVisits();
        d.ok(new Redeem(id(), p("m1"), p("s2"), 1, now));
        assertEquals(1, domain.lotVisits() - visits, "one lot touched among 20,000 held");
        visits = domain.lotVisits();
        d.ok(new Redeem(id(), p("m2"), p("s2"), 1, now));
        assertEquals(1, domain.lotVisits() - visits, "one lot touched among 10 held");
        visits = domain.lotVisits();
        d.ok(new Redeem(id(), p("m1"), p("s2"), 5, now));
        assertEquals(5, domain.lotVisits() - visits);
        // The bound: an operation may visit at most 4096 lots.
        assertEquals(ResultCode.LOT_LIMIT_EXCEEDED, d.apply(new Redeem(id(), p("m1"), p("s2"), 4097, now)));
        d.ok(new Redeem(id(), p("m1"), p("s2"), 4096, now));
        assertTrue(domain.findViolation().isEmpty());
    }

    @Test
    void anAccrualRefundAfterATakeOfTheMostLotsIsApplied() {
        // Regression: the refund's own-lot piece was recorded after the previous command's 4096 pieces.
        final AllianceDriver d = new AllianceDriver();
        for (final Command c : setup(0)) {
            d.ok(c);
        }
        final long start = t("2026-01-02T00:00+08:00");
        for (int i = 0; i < 4096; i++) {
            d.ok(new Accrue(id(), p("m1"), p("s1"), 1, 0, start + i * 1000L));
        }
        final io.allianceledger.command.CommandId accrual = id();
        d.ok(new Accrue(accrual, p("m1"), p("s1"), 10, 1_000, start + 4096 * 1000L));
        final long now = start + DAY;
        d.ok(new Redeem(id(), p("m1"), p("s2"), 4096, now));
        d.ok(new io.allianceledger.alliance.command.Refund(id(), accrual, 500, now + 1));
        assertTrue(d.domain().findViolation().isEmpty());
    }

    @Test
    void pendingLotsAheadInOrderCountAsVisited() {
        final AllianceDriver d = new AllianceDriver();
        for (final Command c : setup(7)) {
            d.ok(c);
        }
        final long start = t("2026-01-02T00:00+08:00");
        d.ok(new Accrue(id(), p("m1"), p("s1"), 10, 0, start));            // available from 01-09
        final long visits = d.domain().lotVisits();
        d.ok(new Redeem(id(), p("m1"), p("s2"), 10, start + 7 * DAY));
        assertEquals(1, d.domain().lotVisits() - visits);
    }
}

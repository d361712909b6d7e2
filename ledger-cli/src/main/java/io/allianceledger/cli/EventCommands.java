package io.allianceledger.cli;

import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.CaptureHold;
import io.allianceledger.alliance.command.HoldPoints;
import io.allianceledger.alliance.command.MoveStore;
import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.ReleaseHold;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.SetSuspended;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.alliance.command.TransferPoints;
import io.allianceledger.cli.events.Event;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;

/**
 * Maps each event line to the typed command a host would submit for it: names become ids
 * ({@link CommandId#fromName} for event ids, {@link ParticipantCode#idOf} for participant codes), times become
 * epoch milliseconds. No business rule is applied here; the ledger applies them all.
 */
final class EventCommands {
    /** Hold timeout when a hold event gives none. */
    static final int DEFAULT_HOLD_TIMEOUT_SECONDS = 1800;

    private final String operator;

    EventCommands(final String operator) {
        this.operator = operator;
    }

    static long millis(final long epochNanos) {
        return Math.floorDiv(epochNanos, 1_000_000L);
    }

    /**
     * @param event a parsed event.
     * @param heldPoints for a capture without points: the points the hold reserved (looked up by the caller).
     * @return the command.
     */
    Command toCommand(final Event event, final long heldPoints) {
        final CommandId id = CommandId.fromName(event.id());
        final long time = millis(event.time());
        if (event instanceof Event.Register r) {
            final Role role = Role.valueOf(r.role().toUpperCase(java.util.Locale.ROOT));
            final String parent = role == Role.MEMBER ? r.parent() : r.parent() == null ? operator : r.parent();
            return new RegisterParticipant(id, r.code(), role, parent);
        } else if (event instanceof Event.Accrue a) {
            return new Accrue(id, code(a.member()), code(a.store()), a.points(), Math.max(0, a.purchaseFen()), time);
        } else if (event instanceof Event.Redeem r) {
            return new Redeem(id, code(r.member()), code(r.store()), r.points(), time);
        } else if (event instanceof Event.Hold h) {
            return new HoldPoints(id, code(h.member()), code(h.store()), h.points(), time,
                h.timeoutSeconds() < 0 ? DEFAULT_HOLD_TIMEOUT_SECONDS : (int)Math.min(Integer.MAX_VALUE, h.timeoutSeconds()));
        } else if (event instanceof Event.Capture c) {
            return new CaptureHold(id, CommandId.fromName(c.hold()), c.points() < 0 ? heldPoints : c.points(), time);
        } else if (event instanceof Event.Release r) {
            return new ReleaseHold(id, CommandId.fromName(r.hold()), time);
        } else if (event instanceof Event.Transfer t) {
            return new TransferPoints(id, code(t.from()), code(t.to()), t.points(), time);
        } else if (event instanceof Event.Sale s) {
            return new SettleSale(id, code(s.store()), code(s.channel()), s.channelTxn(), s.amountFen(), time);
        } else if (event instanceof Event.Refund f) {
            final CommandId original = CommandId.fromName(f.original());
            return f.points() > 0
                ? new Refund(id, original, f.points(), Refund.Unit.POINTS, f.channelTxn(), time)
                : new Refund(id, original, f.amountFen(), Refund.Unit.FEN, f.channelTxn(), time);
        } else if (event instanceof Event.Expire) {
            return new SweepExpiry(id, time, AllianceLayout.MAX_LOTS_PER_OPERATION);
        } else if (event instanceof Event.Move m) {
            return new MoveStore(id, code(m.store()), code(m.parent()), time);
        } else if (event instanceof Event.Suspend s) {
            return new SetSuspended(id, code(s.participant()), true, time);
        }
        throw new IllegalArgumentException("no command for " + event);
    }

    private static long code(final String participant) {
        return ParticipantCode.idOf(participant);
    }
}

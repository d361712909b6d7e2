package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Role;
import io.allianceledger.command.CommandId;

import java.util.List;
import java.util.Map;

/**
 * A closed clearing cycle: what its settlement file says. Amounts are fen.
 *
 * @param number        the cycle's number, from 1.
 * @param start         its start, inclusive: the previous cycle's end, or the ledger's first event time.
 * @param end           its end, exclusive: the close's time.
 * @param closedBy      the command id of the close.
 * @param parties       one line per clearing party (agent, HQ, store, channel) registered when it closed, in
 *                      registration order; parties with nothing in the cycle have a line of zeros.
 * @param operator      the operator's line and its result for the cycle.
 * @param lateEvents    events booked late into this cycle (older than the previous cycle's end), of any kind.
 * @param lateMovements statement lines of late events, over all parties.
 * @param sweptLots     lots the close's own expiry sweep expired.
 * @param points        the points that moved in the cycle, and those outstanding at its close.
 */
public record CycleView(int number, long start, long end, CommandId closedBy, List<PartyLine> parties,
    OperatorLine operator, long lateEvents, long lateMovements, long sweptLots, PointsLine points) {

    /** The movement kinds that can move a clearing account in a cycle, in a stable column order. */
    public static final List<MovementKind> MOVEMENT_COLUMNS = List.of(MovementKind.ACCRUAL, MovementKind.REDEMPTION,
        MovementKind.CAPTURE, MovementKind.SALE, MovementKind.SALE_REFUND, MovementKind.ACCRUAL_REFUND,
        MovementKind.CORRECTION);

    /** Copies the lines. */
    public CycleView {
        parties = List.copyOf(parties);
    }

    /**
     * A party's line. Signs are the clearing side's: positive, the operator owes the party.
     * {@code position == carriedIn + Σ movements} and {@code carriedOut == position - settled}.
     *
     * @param code              the party's code.
     * @param role              AGENT, HQ, STORE or CHANNEL.
     * @param carriedIn         carried forward from the previous cycle.
     * @param movements         its movements in the cycle, by kind: every kind of {@link #MOVEMENT_COLUMNS}, in
     *                          that order, zeros included.
     * @param position          carried in plus the movements.
     * @param minimumSettlement the minimum settlement amount that applied (the version in force at the cycle's end:
     *                          the store's own rules for a store, the alliance default for the others; 0 if none).
     * @param settled           the settlement instruction: positive, the operator pays the party; negative, the
     *                          party pays the operator; 0 when the position was carried forward (or zero).
     * @param carriedOut        carried forward into the next cycle.
     * @param lateMovements     its statement lines of late events.
     */
    public record PartyLine(String code, Role role, long carriedIn, Map<MovementKind, Long> movements, long position,
        long minimumSettlement, long settled, long carriedOut, long lateMovements) {
    }

    /**
     * The operator's line: the other side of every settlement, and its result for the cycle (changes of its accounts
     * between the previous close and this one, each on its account's normal side).
     * For any cycle, {@code Σ parties' movements + liabilityChange + result() == 0}: every fen a party gains in a cycle
     * is the operator's cost or liability.
     *
     * @param code              the operator's code.
     * @param settled           the negative of Σ the parties' settled amounts: the settlement file sums to zero.
     * @param feeIncome         its share of sale fees, net of refunds and corrections.
     * @param redemptionSpread  released lot value less redemption payments.
     * @param breakage          value of points that expired.
     * @param shortfallLoss     refund shortfalls it forgave (a cost).
     * @param shortfallRecovery shortfalls members repaid by later accruals.
     * @param liabilityChange   change of the points liability (positive: more points value outstanding).
     */
    public record OperatorLine(String code, long settled, long feeIncome, long redemptionSpread, long breakage,
        long shortfallLoss, long shortfallRecovery, long liabilityChange) {
        /** @return fee income + spread + breakage + recoveries - forgiven shortfalls. */
        public long result() {
            return feeIncome + redemptionSpread + breakage + shortfallRecovery - shortfallLoss;
        }
    }

    /**
     * The points of the cycle, in whole points: what moved through the operator's {@code POINTS_ISSUED} account
     * between the previous close and this one, by what moved it.
     * {@code outstanding == previous cycle's outstanding + issued - redeemed - expired - clawedBack + corrected},
     * and it equals the members' points at the close.
     *
     * @param issued      points issued by accruals.
     * @param redeemed    points redeemed, directly or by captured holds.
     * @param expired     points expired (by sweeps, the close's own included).
     * @param clawedBack  points taken back by accrual refunds (owed points included).
     * @param corrected   net points given back (positive) or taken back (negative) by corrections.
     * @param outstanding points outstanding at the close.
     */
    public record PointsLine(long issued, long redeemed, long expired, long clawedBack, long corrected,
        long outstanding) {
    }
}

package io.allianceledger.alliance;

import io.allianceledger.alliance.arithmetic.Rounding;
import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.command.ResultCode;
import org.agrona.DirectBuffer;

import java.util.Arrays;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * The points operations: accrual (rule 1), redemption (rule 2), hold, capture and release (rule 3), the expiry
 * sweep (rule 4), transfer (rule 5) and the accrual refund (rule 7). Each is one command: it updates the lots and
 * records and posts its balanced entries, or it is rejected and rolled back.
 */
final class PointsDesk {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    /** Members one sweep can book: 63 entries of 63 member legs plus one issued leg, and one CNY entry. */
    static final int SWEEP_MEMBERS = 63 * 63;

    private final DomainState s;
    private final LotStore lots;
    // Sweep aggregation: points expired per member, and the members in first-seen order.
    private long[] expiredPoints = new long[64];
    private final int[] sweptMembers = new int[SWEEP_MEMBERS];
    private ResultCode holdRejection;
    private int sweptLots;

    PointsDesk(final DomainState state) {
        this.s = state;
        this.lots = state.lots;
    }

    ResultCode accrue(final DirectBuffer b, final int o, final int length, final long idHigh, final long idLow) {
        if (length != 64) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long points = b.getLong(o + FIELD_2);
        final long purchase = b.getLong(o + FIELD_3);
        final long time = b.getLong(o + FIELD_4);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(time);
        if (order != null) {
            return order;
        }
        if (points <= 0 || purchase < 0) {
            return ResultCode.AMOUNT_MUST_BE_POSITIVE;
        }
        final int member = s.participant(b.getLong(o + FIELD_0), Role.MEMBER, true);
        if (member < 0) {
            return s.rejection();
        }
        final int store = s.participant(b.getLong(o + FIELD_1), Role.STORE, true);
        if (store < 0) {
            return s.rejection();
        }
        final int rule = s.ruleAt(store, time);
        if (rule < 0) {
            return s.rejection();
        }
        final long value = s.rounding.valueOf(points, s.rules.get(RuleBook.ISSUE_PRICE, rule));
        if (value == Rounding.OVERFLOW) {
            return ResultCode.OVERFLOW;
        }
        // A member who owes points (NEGATIVE shortfall) repays first; the repaid points' value is the operator's.
        final long debt = s.participants.get(Participants.DEBT, member);
        final long repaid = Math.min(debt, points);
        final long recovered = s.rounding.releasedValue(value, repaid, points);
        if (repaid > 0) {
            s.participants.set(Participants.DEBT, member, debt - repaid);
        }
        final long day = s.calendar.epochDay(time);
        final long expiryDays = s.rules.get(RuleBook.EXPIRY_DAYS, rule);
        final long expiresAt = s.calendar.startOfDay(day + expiryDays + 1);
        final long availableAt = time + s.rules.get(RuleBook.LOCK_DAYS, rule) * LocalCalendar.MILLIS_PER_DAY;
        final int accrual = s.accruals.add();
        final int lot = lots.create(member, points - repaid, value - recovered, time, availableAt, expiresAt,
            day + expiryDays, s.settings.nextSequence(), accrual);
        final AccrualRecords a = s.accruals;
        final int version = rule + 1;
        a.set(AccrualRecords.MEMBER, accrual, member);
        a.set(AccrualRecords.STORE, accrual, store);
        a.set(AccrualRecords.POINTS, accrual, points);
        a.set(AccrualRecords.PURCHASE, accrual, purchase);
        a.set(AccrualRecords.VALUE, accrual, value);
        a.set(AccrualRecords.LOT, accrual, lot);
        a.set(AccrualRecords.VERSION, accrual, version);
        a.set(AccrualRecords.EVENT_TIME, accrual, time);
        a.set(AccrualRecords.REPAID, accrual, repaid);
        a.set(AccrualRecords.RECOVERED, accrual, recovered);
        a.set(AccrualRecords.REMAINING_POINTS, accrual, points);
        a.set(AccrualRecords.REMAINING_PURCHASE, accrual, purchase);
        s.operations.add(idHigh, idLow, OperationIndex.ACCRUAL, accrual);

        final EntryWriter e = s.entries;
        final int operator = s.operator();
        e.begin(MovementKind.ACCRUAL, version);
        e.debit(AccountKind.POINTS_ISSUED, operator, points);
        e.credit(AccountKind.MEMBER_POINTS, member, points);
        e.debit(AccountKind.CLEARING, store, value);
        e.credit(AccountKind.POINTS_LIABILITY, operator, value - recovered);
        e.credit(AccountKind.SHORTFALL_RECOVERY, operator, recovered);
        return e.commit();
    }

    ResultCode redeem(final DirectBuffer b, final int o, final int length, final long idHigh, final long idLow) {
        if (length != 56) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long points = b.getLong(o + FIELD_2);
        final long time = b.getLong(o + FIELD_3);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(time);
        if (order != null) {
            return order;
        }
        if (points <= 0) {
            return ResultCode.AMOUNT_MUST_BE_POSITIVE;
        }
        final int member = s.participant(b.getLong(o + FIELD_0), Role.MEMBER, true);
        if (member < 0) {
            return s.rejection();
        }
        final int store = s.participant(b.getLong(o + FIELD_1), Role.STORE, true);
        if (store < 0) {
            return s.rejection();
        }
        final int rule = s.ruleAt(store, time);
        if (rule < 0) {
            return s.rejection();
        }
        final long payment = s.rounding.valueOf(points, s.rules.get(RuleBook.REDEEM_PRICE, rule));
        if (payment == Rounding.OVERFLOW) {
            return ResultCode.OVERFLOW;
        }
        final ResultCode taken = take(member, points, time, false);
        if (taken != null) {
            return taken;
        }
        final long released = lots.takenValueSum();
        final int version = rule + 1;
        final int r = s.redemptions.add(member, store, points, released, payment, version, time, MovementKind.REDEMPTION);
        for (int i = 0; i < lots.takenCount(); i++) {
            s.redemptions.addPiece(r, lots.takenLot(i), lots.takenPoints(i), lots.takenValue(i));
        }
        s.operations.add(idHigh, idLow, OperationIndex.REDEMPTION, r);
        return postRedemption(MovementKind.REDEMPTION, version, member, store, points, released, payment, 0, 0);
    }

    ResultCode hold(final DirectBuffer b, final int o, final int length, final long timestamp, final long idHigh,
        final long idLow) {
        if (length != 64 || b.getInt(o + FIELD_4 + 4) != 0) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long points = b.getLong(o + FIELD_2);
        final long time = b.getLong(o + FIELD_3);
        final int timeout = b.getInt(o + FIELD_4);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(time);
        if (order != null) {
            return order;
        }
        if (points <= 0) {
            return ResultCode.AMOUNT_MUST_BE_POSITIVE;
        }
        if (timeout < 1 || timeout > MAX_HOLD_TIMEOUT_SECONDS) {
            return ResultCode.INVALID_HOLD_TIMEOUT;
        }
        final int member = s.participant(b.getLong(o + FIELD_0), Role.MEMBER, true);
        if (member < 0) {
            return s.rejection();
        }
        final int store = s.participant(b.getLong(o + FIELD_1), Role.STORE, true);
        if (store < 0) {
            return s.rejection();
        }
        final int rule = s.ruleAt(store, time);
        if (rule < 0) {
            return s.rejection();
        }
        final ResultCode taken = take(member, points, time, true);
        if (taken != null) {
            return taken;
        }
        final int hold = s.holds.open(member, store, rule + 1, time, timestamp + timeout * NANOS_PER_SECOND, idHigh, idLow);
        for (int i = 0; i < lots.takenCount(); i++) {
            s.holds.addPortion(hold, lots.takenLot(i), lots.takenPoints(i), lots.takenValue(i));
        }
        s.operations.add(idHigh, idLow, OperationIndex.HOLD, hold);
        return ResultCode.CREATED; // a reservation moves nothing: the capture posts
    }

    ResultCode capture(final DirectBuffer b, final int o, final int length, final long idHigh, final long idLow) {
        if (length != 56) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long holdHigh = b.getLong(o + FIELD_0);
        final long holdLow = b.getLong(o + FIELD_1);
        final long points = b.getLong(o + FIELD_2);
        final long time = b.getLong(o + FIELD_3);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(time);
        if (order != null) {
            return order;
        }
        final int hold = findHold(holdHigh, holdLow);
        if (hold < 0) {
            return holdRejection;
        }
        if (points <= 0) {
            return ResultCode.AMOUNT_MUST_BE_POSITIVE;
        }
        final HoldBook h = s.holds;
        if (points > h.get(HoldBook.POINTS, hold)) {
            return ResultCode.CAPTURE_EXCEEDS_HOLD;
        }
        final int version = (int)h.get(HoldBook.VERSION, hold);
        final long payment = s.rounding.valueOf(points, s.rules.get(RuleBook.REDEEM_PRICE, version - 1));
        if (payment == Rounding.OVERFLOW) {
            return ResultCode.OVERFLOW;
        }
        final int member = (int)h.get(HoldBook.MEMBER, hold);
        final int store = (int)h.get(HoldBook.STORE, hold);
        final int r = s.redemptions.add(member, store, points, 0, payment, version, time, MovementKind.CAPTURE);
        long left = points;
        long released = 0;
        final int start = (int)h.get(HoldBook.PORTION_START, hold);
        final int end = start + (int)h.get(HoldBook.PORTION_COUNT, hold);
        for (int p = start; p < end; p++) {
            final int lot = h.portions().getInt(HoldBook.PORTION_LOT, p);
            final long k = h.portions().get(HoldBook.PORTION_POINTS, p);
            final long v = h.portions().get(HoldBook.PORTION_VALUE, p);
            final long captured = Math.min(left, k);
            final long value = s.rounding.releasedValue(v, captured, k);
            lots.settleHeld(lot, k, v, k - captured, v - value);
            if (captured > 0) {
                s.redemptions.addPiece(r, lot, captured, value);
            }
            left -= captured;
            released += value;
        }
        s.redemptions.set(RedemptionRecords.RELEASED, r, released);
        h.set(HoldBook.CAPTURED, hold, points);
        h.close(hold, HoldBook.CAPTURED_STATUS);
        s.operations.add(idHigh, idLow, OperationIndex.REDEMPTION, r);
        return postRedemption(MovementKind.CAPTURE, version, member, store, points, released, payment, holdHigh, holdLow);
    }

    ResultCode release(final DirectBuffer b, final int o, final int length) {
        if (length != 48) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long time = b.getLong(o + FIELD_2);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(time);
        if (order != null) {
            return order;
        }
        final int hold = findHold(b.getLong(o + FIELD_0), b.getLong(o + FIELD_1));
        if (hold < 0) {
            return holdRejection;
        }
        release(hold, HoldBook.RELEASED);
        return ResultCode.CREATED;
    }

    /** Releases every hold whose engine-clock deadline is at or before {@code timestamp}. */
    void releaseDue(final long timestamp) {
        final MinQueue due = s.holds.deadlines();
        while (due.size() > 0 && due.peekKey() <= timestamp) {
            release(due.peek(), HoldBook.TIMED_OUT);
        }
    }

    private void release(final int hold, final int status) {
        final HoldBook h = s.holds;
        final int start = (int)h.get(HoldBook.PORTION_START, hold);
        final int end = start + (int)h.get(HoldBook.PORTION_COUNT, hold);
        for (int p = start; p < end; p++) {
            final long k = h.portions().get(HoldBook.PORTION_POINTS, p);
            final long v = h.portions().get(HoldBook.PORTION_VALUE, p);
            lots.settleHeld(h.portions().getInt(HoldBook.PORTION_LOT, p), k, v, k, v);
        }
        h.close(hold, status);
    }

    private int findHold(final long high, final long low) {
        if (!s.operations.find(high, low) || s.operations.foundKind() != OperationIndex.HOLD) {
            return rejectHold(ResultCode.HOLD_NOT_FOUND);
        }
        final int hold = s.operations.foundRecord();
        if (s.holds.get(HoldBook.STATUS, hold) != HoldBook.OPEN) {
            return rejectHold(ResultCode.HOLD_NOT_OPEN);
        }
        return hold;
    }

    private int rejectHold(final ResultCode code) {
        holdRejection = code;
        return -1;
    }

    ResultCode sweep(final DirectBuffer b, final int o, final int length) {
        if (length != 40 || b.getInt(o + FIELD_1 + 4) != 0) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long asOf = b.getLong(o + FIELD_0);
        final int maxLots = b.getInt(o + FIELD_1);
        if (!DomainState.validTime(asOf)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(asOf);
        if (order != null) {
            return order;
        }
        if (maxLots < 1 || maxLots > MAX_LOTS_PER_OPERATION) {
            return ResultCode.LOT_LIMIT_EXCEEDED;
        }
        return sweepDue(asOf, maxLots);
    }

    /**
     * Expires, in expiry order, at most {@code maxLots} lots expiring at or before {@code asOf} (and at most
     * {@value #SWEEP_MEMBERS} members' worth), booking their value as breakage.
     *
     * @return CREATED, or the books' rejection.
     */
    ResultCode sweepDue(final long asOf, final int maxLots) {
        if (expiredPoints.length < s.participants.count()) {
            expiredPoints = Arrays.copyOf(expiredPoints, Math.max(s.participants.count(), expiredPoints.length * 2));
        }
        final MinQueue queue = lots.expiryQueue();
        int memberCount = 0;
        long value = 0;
        int processed = 0;
        while (processed < maxLots && queue.size() > 0 && queue.peekKey() <= asOf) {
            final int lot = queue.peek();
            final int member = (int)lots.get(LotStore.MEMBER, lot);
            final long free = lots.get(LotStore.FREE, lot);
            if (free > 0 && expiredPoints[member] == 0) {
                if (memberCount == SWEEP_MEMBERS) {
                    break; // the rest waits for the next sweep
                }
                sweptMembers[memberCount++] = member;
            }
            queue.remove(lot);
            processed++;
            expiredPoints[member] += free;
            value += lots.get(LotStore.FREE_VALUE, lot);
            lots.expire(lot);
        }
        sweptLots = processed;
        ResultCode code = ResultCode.CREATED;
        final EntryWriter e = s.entries;
        final int operator = s.operator();
        for (int from = 0; from < memberCount && code == ResultCode.CREATED; from += 63) {
            final int to = Math.min(memberCount, from + 63);
            long points = 0;
            e.begin(MovementKind.EXPIRY, 0);
            for (int i = from; i < to; i++) {
                final int member = sweptMembers[i];
                e.debit(AccountKind.MEMBER_POINTS, member, expiredPoints[member]);
                points += expiredPoints[member];
            }
            e.credit(AccountKind.POINTS_ISSUED, operator, points);
            code = e.commit();
        }
        for (int i = 0; i < memberCount; i++) {
            expiredPoints[sweptMembers[i]] = 0;
        }
        if (code != ResultCode.CREATED) {
            return code;
        }
        e.begin(MovementKind.EXPIRY, 0);
        e.debit(AccountKind.POINTS_LIABILITY, operator, value);
        e.credit(AccountKind.BREAKAGE, operator, value);
        return e.commit();
    }

    /** @return how many lots the last {@link #sweepDue} expired. */
    int sweptLots() {
        return sweptLots;
    }

    /** @return true if a lot expiring at or before {@code asOf} is still to be swept. */
    boolean lotsDue(final long asOf) {
        final MinQueue queue = lots.expiryQueue();
        return queue.size() > 0 && queue.peekKey() <= asOf;
    }

    ResultCode transfer(final DirectBuffer b, final int o, final int length) {
        if (length != 56) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long points = b.getLong(o + FIELD_2);
        final long time = b.getLong(o + FIELD_3);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(time);
        if (order != null) {
            return order;
        }
        if (points <= 0) {
            return ResultCode.AMOUNT_MUST_BE_POSITIVE;
        }
        final int sender = s.participant(b.getLong(o + FIELD_0), Role.MEMBER, true);
        if (sender < 0) {
            return s.rejection();
        }
        final int receiver = s.participant(b.getLong(o + FIELD_1), Role.MEMBER, true);
        if (receiver < 0) {
            return s.rejection();
        }
        if (sender == receiver) {
            return ResultCode.SAME_MEMBER;
        }
        final ResultCode taken = take(sender, points, time, false);
        if (taken != null) {
            return taken;
        }
        final long sequence = s.settings.nextSequence();
        for (int i = 0; i < lots.takenCount(); i++) {
            final int from = lots.takenLot(i);
            lots.create(receiver, lots.takenPoints(i), lots.takenValue(i), lots.get(LotStore.ACCRUED_AT, from), time,
                lots.get(LotStore.EXPIRES_AT, from), lots.get(LotStore.EXPIRY_DAY, from), sequence, -1);
        }
        final EntryWriter e = s.entries;
        e.begin(MovementKind.TRANSFER, 0);
        e.debit(AccountKind.MEMBER_POINTS, sender, points);
        e.credit(AccountKind.MEMBER_POINTS, receiver, points);
        return e.commit();
    }

    /**
     * Refund of an accrual (goods returned): claws back points, from the accrual's own lot first, then the member's
     * other spendable lots; the shortfall follows the accrual's policy. A refund in fen claws back points pro rata
     * to the refunded purchase amount; a refund in points claws back exactly that many and counts as refunding the
     * purchase amount pro rata to them, so the record's remaining points and purchase stay in step.
     */
    ResultCode refundAccrual(final int accrual, final long amount, final boolean inPoints, final long time,
        final long originalHigh, final long originalLow) {
        final AccrualRecords a = s.accruals;
        if (a.get(AccrualRecords.CORRECTED, accrual) != 0) {
            return ResultCode.NOT_REFUNDABLE;
        }
        final long remainingPurchase = a.get(AccrualRecords.REMAINING_PURCHASE, accrual);
        final long remainingPoints = a.get(AccrualRecords.REMAINING_POINTS, accrual);
        final long clawback;
        final long purchaseRefunded;
        if (inPoints) {
            if (amount > remainingPoints) {
                return ResultCode.REFUND_EXCEEDS_REMAINING;
            }
            clawback = amount;
            purchaseRefunded = amount == remainingPoints ? remainingPurchase
                : s.rounding.roundHalfEven(remainingPurchase, amount, remainingPoints);
        } else {
            if (amount > remainingPurchase) {
                return ResultCode.REFUND_EXCEEDS_REMAINING;
            }
            purchaseRefunded = amount;
            clawback = amount == remainingPurchase ? remainingPoints
                : s.rounding.roundHalfEven(remainingPoints, amount, remainingPurchase);
        }
        final int member = (int)a.get(AccrualRecords.MEMBER, accrual);
        final int store = (int)a.get(AccrualRecords.STORE, accrual);
        final int version = (int)a.get(AccrualRecords.VERSION, accrual);
        final int lot = (int)a.get(AccrualRecords.LOT, accrual);
        long clawed = Math.min(clawback, lots.get(LotStore.FREE, lot));
        lots.beginTake(); // the piece list still holds the previous command's take, up to its bound
        long clawedValue = clawed > 0 ? lots.takeFrom(lot, clawed, false) : 0;
        if (clawed < clawback) {
            final long more = lots.take(member, clawback - clawed, 0, time, lot, false, true);
            if (more == LotStore.LIMIT) {
                return ResultCode.LOT_LIMIT_EXCEEDED;
            }
            clawed += more;
            clawedValue += lots.takenValueSum();
        }
        final long shortfall = clawback - clawed;
        final ShortfallPolicy policy = ShortfallPolicy.of((int)s.rules.get(RuleBook.POLICY, version - 1));
        long owed = 0;
        long forgiven = 0;
        if (shortfall > 0 && policy == ShortfallPolicy.NEGATIVE) {
            owed = shortfall;
            s.participants.set(Participants.DEBT, member, s.participants.get(Participants.DEBT, member) + shortfall);
        } else if (shortfall > 0) {
            forgiven = s.rounding.valueOf(shortfall, s.rules.get(RuleBook.ISSUE_PRICE, version - 1));
            if (forgiven == Rounding.OVERFLOW) {
                return ResultCode.OVERFLOW; // cannot happen (it is at most the accrual's own value), never posted
            }
        }
        a.set(AccrualRecords.REMAINING_POINTS, accrual, remainingPoints - clawback);
        a.set(AccrualRecords.REMAINING_PURCHASE, accrual, remainingPurchase - purchaseRefunded);
        a.set(AccrualRecords.CLAWED_VALUE, accrual, a.get(AccrualRecords.CLAWED_VALUE, accrual) + clawedValue);

        final EntryWriter e = s.entries;
        final int operator = s.operator();
        e.begin(MovementKind.ACCRUAL_REFUND, version, originalHigh, originalLow);
        e.debit(AccountKind.MEMBER_POINTS, member, clawed + owed);
        e.credit(AccountKind.POINTS_ISSUED, operator, clawed + owed);
        e.debit(AccountKind.POINTS_LIABILITY, operator, clawedValue);
        e.credit(AccountKind.CLEARING, store, clawedValue + forgiven);
        e.debit(AccountKind.SHORTFALL_LOSS, operator, forgiven);
        return e.commit();
    }

    /** Takes points for a redemption, hold or transfer; null when taken, else the rejection. */
    private ResultCode take(final int member, final long points, final long time, final boolean hold) {
        final long debt = s.participants.get(Participants.DEBT, member);
        final long taken = lots.take(member, points, debt, time, -1, hold, false);
        if (taken == LotStore.LIMIT) {
            return ResultCode.LOT_LIMIT_EXCEEDED;
        }
        return taken == LotStore.INSUFFICIENT ? ResultCode.INSUFFICIENT_POINTS : null;
    }

    private ResultCode postRedemption(final MovementKind kind, final int version, final int member, final int store,
        final long points, final long released, final long payment, final long refHigh, final long refLow) {
        final EntryWriter e = s.entries;
        final int operator = s.operator();
        e.begin(kind, version, refHigh, refLow);
        e.debit(AccountKind.MEMBER_POINTS, member, points);
        e.credit(AccountKind.POINTS_ISSUED, operator, points);
        e.debit(AccountKind.POINTS_LIABILITY, operator, released);
        e.credit(AccountKind.CLEARING, store, payment);
        e.creditSigned(AccountKind.REDEMPTION_SPREAD, operator, released - payment);
        return e.commit();
    }
}

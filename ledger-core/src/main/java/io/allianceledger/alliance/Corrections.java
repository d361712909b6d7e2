package io.allianceledger.alliance;

import io.allianceledger.command.ResultCode;

/**
 * Corrections (rule 8) of points operations: reversing entries that reference the operation corrected, and the
 * lots put back exactly as the operation found them. Nothing booked is edited or deleted; the record is only
 * marked corrected so it cannot be corrected or refunded twice.
 * <ul>
 *   <li>An accrual can be corrected while its lot is untouched (no point used, held, expired or refunded); the
 *   lot is emptied, and any debt it repaid is owed again.</li>
 *   <li>A redemption or capture can always be corrected: each piece returns to the lot it came from (a lot
 *   already swept goes back in the expiry queue, so the points expire at the next sweep).</li>
 * </ul>
 * Sales are corrected by {@link SaleDesk#correct}; holds are released, not corrected; transfers are undone by a
 * transfer back.
 */
final class Corrections {
    private final DomainState s;

    Corrections(final DomainState state) {
        this.s = state;
    }

    ResultCode accrual(final int accrual, final long originalHigh, final long originalLow) {
        final AccrualRecords a = s.accruals;
        if (a.get(AccrualRecords.CORRECTED, accrual) != 0) {
            return ResultCode.ALREADY_CORRECTED;
        }
        final int lot = (int)a.get(AccrualRecords.LOT, accrual);
        final LotStore lots = s.lots;
        final long original = lots.get(LotStore.ORIGINAL_POINTS, lot);
        final boolean swept = (lots.get(LotStore.FLAGS, lot) & LotStore.FLAG_SWEPT) != 0;
        if (a.get(AccrualRecords.REMAINING_POINTS, accrual) != a.get(AccrualRecords.POINTS, accrual)
            || a.get(AccrualRecords.REMAINING_PURCHASE, accrual) != a.get(AccrualRecords.PURCHASE, accrual)
            || lots.get(LotStore.FREE, lot) != original || lots.get(LotStore.HELD, lot) != 0
            || (original > 0 && swept)) {
            return ResultCode.NOT_CORRECTABLE;
        }
        final int member = (int)a.get(AccrualRecords.MEMBER, accrual);
        final int store = (int)a.get(AccrualRecords.STORE, accrual);
        final long points = a.get(AccrualRecords.POINTS, accrual);
        final long value = a.get(AccrualRecords.VALUE, accrual);
        final long recovered = a.get(AccrualRecords.RECOVERED, accrual);
        final long repaid = a.get(AccrualRecords.REPAID, accrual);
        lots.empty(lot);
        if (repaid > 0) {
            s.participants.set(Participants.DEBT, member, s.participants.get(Participants.DEBT, member) + repaid);
        }
        a.set(AccrualRecords.CORRECTED, accrual, 1);
        final EntryWriter e = s.entries;
        final int operator = s.operator();
        e.begin(MovementKind.CORRECTION, (int)a.get(AccrualRecords.VERSION, accrual), originalHigh, originalLow);
        e.debit(AccountKind.MEMBER_POINTS, member, points);
        e.credit(AccountKind.POINTS_ISSUED, operator, points);
        e.debit(AccountKind.POINTS_LIABILITY, operator, value - recovered);
        e.debit(AccountKind.SHORTFALL_RECOVERY, operator, recovered);
        e.credit(AccountKind.CLEARING, store, value);
        return e.commit();
    }

    ResultCode redemption(final int redemption, final long originalHigh, final long originalLow) {
        final RedemptionRecords r = s.redemptions;
        if (r.get(RedemptionRecords.CORRECTED, redemption) != 0) {
            return ResultCode.ALREADY_CORRECTED;
        }
        final int start = (int)r.get(RedemptionRecords.PIECE_START, redemption);
        final int end = start + (int)r.get(RedemptionRecords.PIECE_COUNT, redemption);
        for (int p = start; p < end; p++) {
            s.lots.giveBack(r.pieces().getInt(RedemptionRecords.PIECE_LOT, p),
                r.pieces().get(RedemptionRecords.PIECE_POINTS, p), r.pieces().get(RedemptionRecords.PIECE_VALUE, p));
        }
        r.set(RedemptionRecords.CORRECTED, redemption, 1);
        final int member = (int)r.get(RedemptionRecords.MEMBER, redemption);
        final int store = (int)r.get(RedemptionRecords.STORE, redemption);
        final long points = r.get(RedemptionRecords.POINTS, redemption);
        final long released = r.get(RedemptionRecords.RELEASED, redemption);
        final long payment = r.get(RedemptionRecords.PAYMENT, redemption);
        final EntryWriter e = s.entries;
        final int operator = s.operator();
        e.begin(MovementKind.CORRECTION, (int)r.get(RedemptionRecords.VERSION, redemption), originalHigh, originalLow);
        e.credit(AccountKind.MEMBER_POINTS, member, points);
        e.debit(AccountKind.POINTS_ISSUED, operator, points);
        e.credit(AccountKind.POINTS_LIABILITY, operator, released);
        e.debit(AccountKind.CLEARING, store, payment);
        e.creditSigned(AccountKind.REDEMPTION_SPREAD, operator, payment - released);
        return e.commit();
    }
}

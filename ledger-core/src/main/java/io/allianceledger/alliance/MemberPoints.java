package io.allianceledger.alliance;

import java.time.LocalDate;
import java.util.List;

/**
 * A member's points at a business time.
 *
 * @param member       the member's code.
 * @param asOf         the business time, epoch milliseconds.
 * @param available    points that can be spent now: available lots minus points owed, never below zero.
 * @param pending      points still locked.
 * @param held         points reserved by open holds.
 * @param expired      points of lots expired by {@code asOf} but not yet swept (never spendable).
 * @param owed         points the member owes (NEGATIVE shortfalls not yet repaid).
 * @param balance      the member's points account: every lot's points (expired-unswept and held included) minus owed.
 * @param byExpiryDate unexpired points (available, pending and held) per last valid local date, earliest first.
 */
public record MemberPoints(String member, long asOf, long available, long pending, long held, long expired, long owed,
    long balance, List<ExpiryBucket> byExpiryDate) {

    /**
     * Points valid through the end of one local date.
     *
     * @param lastValidDate the last local date on which they can be spent.
     * @param points        how many.
     */
    public record ExpiryBucket(LocalDate lastValidDate, long points) {
    }
}

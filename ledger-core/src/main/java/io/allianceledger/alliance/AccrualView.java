package io.allianceledger.alliance;

/**
 * An accrual as recorded.
 *
 * @param member            the member's code.
 * @param store             the store's code.
 * @param points            points accrued.
 * @param purchaseAmount    fen of the purchase.
 * @param value             V, fen the store owes for the points.
 * @param ruleVersion       the rule-set version used.
 * @param repaid            points that repaid the member's debt instead of going into the lot.
 * @param remainingPoints   points not yet clawed back by refunds.
 * @param remainingPurchase fen not yet refunded.
 * @param clawedValue       lot value returned to the store by refunds so far.
 * @param corrected         true if reversed by a correction.
 */
public record AccrualView(String member, String store, long points, long purchaseAmount, long value, int ruleVersion,
    long repaid, long remainingPoints, long remainingPurchase, long clawedValue, boolean corrected) {
}

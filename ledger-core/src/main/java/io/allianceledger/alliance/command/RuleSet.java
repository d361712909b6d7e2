package io.allianceledger.alliance.command;

import java.math.BigDecimal;
import java.util.List;

/**
 * The business rules of one version: prices, expiry, lock, refund shortfall policy, the sale fee and its split.
 *
 * @param issuePrice        CNY per point the store owes when it issues points, in 1/10000 CNY (see {@link #price}).
 * @param redeemPrice       CNY per point the operator pays the store where points are redeemed, in 1/10000 CNY.
 * @param expiryDays        points accrued on local date D are valid through the end of D + expiryDays.
 * @param lockDays          points are pending for exactly this many 24-hour days after their accrual.
 * @param shortfallPolicy   what an accrual refund does with points the member no longer has.
 * @param feeRateBps        the sale fee, basis points of the sale amount.
 * @param shares            the fee's split shares in rule order; together at most 10000 bps; each target once.
 * @param maxSplitRatioBps  the fee never exceeds this ratio of the sale amount (basis points).
 * @param minimumSettlement fen; a position below it is carried forward by the clearing (next issue).
 */
public record RuleSet(
    long issuePrice,
    long redeemPrice,
    int expiryDays,
    int lockDays,
    ShortfallPolicy shortfallPolicy,
    int feeRateBps,
    List<SplitShare> shares,
    int maxSplitRatioBps,
    long minimumSettlement) {

    /** Copies the shares so the rule set is an immutable value. */
    public RuleSet {
        shares = List.copyOf(shares);
        if (shares.size() > AllianceLayout.MAX_SHARES) {
            throw new IllegalArgumentException("at most " + AllianceLayout.MAX_SHARES + " shares");
        }
    }

    /**
     * Parses a CNY price with up to four decimals.
     *
     * @param cny e.g. {@code "0.0100"} (one fen per point).
     * @return the price in 1/10000 CNY.
     * @throws ArithmeticException if it has more than four decimals.
     */
    public static long price(final String cny) {
        return new BigDecimal(cny).movePointRight(4).longValueExact();
    }
}

package io.allianceledger.alliance.arithmetic;

/**
 * Half-even rounding of the rational products the accounting rules use: a points amount times a price, an amount
 * times a rate, a lot's value times the share of its points taken.
 * <p>
 * Prices are in units of 1/10000 CNY (up to four decimals), so a value in fen is
 * {@code roundHalfEven(points × price / 100)}; rates are basis points, so a fee is
 * {@code roundHalfEven(amount × bps / 10000)}.
 */
public final class Rounding {
    /** Returned when a result does not fit a signed 64-bit integer; callers reject the command with OVERFLOW. */
    public static final long OVERFLOW = Long.MIN_VALUE;
    /** Price units per fen: a price of 1 is 0.0001 CNY. */
    public static final long PRICE_UNITS_PER_FEN = 100;
    /** Basis points in a whole. */
    public static final long BASIS_POINTS = 10_000;

    private final Quotient scratch = new Quotient();

    /**
     * @param a a non-negative factor.
     * @param b a non-negative factor.
     * @param c a positive divisor.
     * @return {@code roundHalfEven(a × b / c)}, or {@link #OVERFLOW}.
     */
    public long roundHalfEven(final long a, final long b, final long c) {
        return scratch.roundHalfEven(a, b, c);
    }

    /**
     * @param a a non-negative factor.
     * @param b a non-negative factor.
     * @param c a positive divisor.
     * @return {@code floor(a × b / c)}, or {@link #OVERFLOW}.
     */
    public long floor(final long a, final long b, final long c) {
        return scratch.divide(a, b, c) ? scratch.quotient() : OVERFLOW;
    }

    /**
     * The value in fen of a number of points at a price.
     *
     * @param points non-negative points.
     * @param price  non-negative price in 1/10000 CNY per point.
     * @return {@code roundHalfEven(points × price / 100)}, or {@link #OVERFLOW}.
     */
    public long valueOf(final long points, final long price) {
        return scratch.roundHalfEven(points, price, PRICE_UNITS_PER_FEN);
    }

    /**
     * The part of a lot's value released when {@code taken} of its {@code points} are taken: all of it when every
     * point is taken, otherwise {@code roundHalfEven(value × taken / points)}. Never more than {@code value}.
     *
     * @param value  the lot's remaining value, not negative.
     * @param taken  points taken, {@code 0 ≤ taken ≤ points}.
     * @param points the lot's remaining points, positive unless {@code taken} is zero.
     * @return the value released.
     */
    public long releasedValue(final long value, final long taken, final long points) {
        if (taken == points) {
            return value;
        }
        if (taken == 0) {
            return 0;
        }
        // value × taken / points < value, so it always fits.
        return scratch.roundHalfEven(value, taken, points);
    }
}

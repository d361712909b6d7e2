package io.allianceledger.alliance.arithmetic;

/**
 * The quotient and remainder of {@code a × b / c} for non-negative {@code a}, {@code b} and positive {@code c},
 * computed on the full 128-bit product, so no operand combination can wrap.
 * <p>
 * A mutable holder reused by its single owning thread: dividing allocates nothing.
 */
public final class Quotient {
    private long quotient;
    private long remainder;

    /** @return the quotient of the last successful {@link #divide}. */
    public long quotient() {
        return quotient;
    }

    /** @return the remainder of the last successful {@link #divide}, in {@code [0, c)}. */
    public long remainder() {
        return remainder;
    }

    /**
     * Computes {@code floor(a × b / c)} and {@code a × b mod c}.
     *
     * @param a a non-negative factor.
     * @param b a non-negative factor.
     * @param c a positive divisor.
     * @return false when the quotient does not fit a signed 64-bit integer (nothing is stored then).
     * @throws IllegalArgumentException if an operand is out of range: a caller bug.
     */
    public boolean divide(final long a, final long b, final long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new IllegalArgumentException("operands out of range: " + a + " × " + b + " / " + c);
        }
        final long high = Math.multiplyHigh(a, b);
        final long low = a * b;
        if (high == 0 && low >= 0) {
            quotient = low / c;
            remainder = low - quotient * c;
            return true;
        }
        if (high >= c) {
            return false; // the quotient would need more than 64 bits
        }
        // Restoring binary long division of the 128-bit product; the partial remainder stays below c < 2^63,
        // so doubling it never exceeds 64 unsigned bits.
        long rem = high;
        long q = 0;
        for (int bit = 63; bit >= 0; bit--) {
            rem = (rem << 1) | ((low >>> bit) & 1);
            q <<= 1;
            if (Long.compareUnsigned(rem, c) >= 0) {
                rem -= c;
                q |= 1;
            }
        }
        if (q < 0) {
            return false; // at least 2^63
        }
        quotient = q;
        remainder = rem;
        return true;
    }

    /**
     * @return true when the last quotient must be rounded up under half-even rounding with divisor {@code c}:
     *     the remainder is above half, or exactly half and the quotient odd.
     * @param c the divisor of the last {@link #divide}.
     */
    public boolean roundsUp(final long c) {
        final long other = c - remainder; // remainder < c, so no overflow
        return remainder > other || (remainder == other && (quotient & 1) == 1);
    }

    /**
     * {@code roundHalfEven(a × b / c)}, exact for every non-negative operand.
     *
     * @param a a non-negative factor.
     * @param b a non-negative factor.
     * @param c a positive divisor.
     * @return the rounded value, or {@link Rounding#OVERFLOW} when it does not fit a signed 64-bit integer.
     */
    public long roundHalfEven(final long a, final long b, final long c) {
        if (!divide(a, b, c)) {
            return Rounding.OVERFLOW;
        }
        if (roundsUp(c)) {
            return quotient == Long.MAX_VALUE ? Rounding.OVERFLOW : quotient + 1;
        }
        return quotient;
    }
}

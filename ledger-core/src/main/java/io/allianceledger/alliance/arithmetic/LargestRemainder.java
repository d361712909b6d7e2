package io.allianceledger.alliance.arithmetic;

/**
 * Splits a whole into integer parts that sum to it exactly, each within one minor unit of its exact rational
 * share: floor every share, then hand the units left over one by one to the largest fractional parts, ties to
 * the earlier share. Callers order the shares so that "earlier" is the tie rule they document (the store
 * first, the split shares in rule order, the operator last).
 * <p>
 * Exact shares are given as a quotient and a remainder over one common denominator. Holds at most
 * {@link #MAX_SHARES} shares; reused, so allocating a whole allocates nothing.
 */
public final class LargestRemainder {
    /** Most shares in one allocation. */
    public static final int MAX_SHARES = 16;

    private final long[] quotients = new long[MAX_SHARES];
    private final long[] remainders = new long[MAX_SHARES];
    private final long[] parts = new long[MAX_SHARES];
    private final boolean[] bumped = new boolean[MAX_SHARES];
    private final Quotient scratch = new Quotient();
    private int count;

    /** Starts a new allocation. */
    public void clear() {
        count = 0;
    }

    /** @return the number of shares added. */
    public int count() {
        return count;
    }

    /**
     * Adds a share whose exact value is {@code quotient + remainder / denominator}.
     *
     * @param quotient  the integer part, not negative.
     * @param remainder the fractional numerator, in {@code [0, denominator)}.
     * @return the share's index.
     */
    public int add(final long quotient, final long remainder) {
        if (count == MAX_SHARES) {
            throw new IllegalStateException("more than " + MAX_SHARES + " shares");
        }
        if (quotient < 0 || remainder < 0) {
            throw new IllegalArgumentException("negative share " + quotient + " + " + remainder);
        }
        quotients[count] = quotient;
        remainders[count] = remainder;
        return count++;
    }

    /**
     * Adds the share {@code total × weight / weights} of a pro-rata allocation.
     *
     * @param total   the whole being allocated, not negative.
     * @param weight  this share's weight, not negative.
     * @param weights the sum of all weights, positive.
     * @return the share's index, or -1 if the share does not fit 64 bits (impossible when weight ≤ weights).
     */
    public int addProRata(final long total, final long weight, final long weights) {
        if (!scratch.divide(total, weight, weights)) {
            return -1;
        }
        return add(scratch.quotient(), scratch.remainder());
    }

    /**
     * Replaces a share's exact value, e.g. to cap it.
     *
     * @param index     the share.
     * @param quotient  the new integer part.
     * @param remainder the new fractional numerator.
     */
    public void set(final int index, final long quotient, final long remainder) {
        quotients[index] = quotient;
        remainders[index] = remainder;
    }

    /**

     * @param index a share.

     * @return its integer part as added or set.

     */
    public long quotient(final int index) {
        return quotients[index];
    }

    /**

     * @param index a share.

     * @return its fractional numerator as added or set.

     */
    public long remainder(final int index) {
        return remainders[index];
    }

    /**
     * Computes the integer parts.
     *
     * @param total the whole; must equal the sum of the exact shares (so {@code total − Σ quotients} equals
     *              {@code Σ remainders / denominator}, a whole number of units smaller than the share count).
     * @throws IllegalStateException if the shares do not add up to {@code total}: a caller bug.
     */
    public void allocate(final long total) {
        long floors = 0;
        for (int i = 0; i < count; i++) {
            floors += quotients[i];
            parts[i] = quotients[i];
            bumped[i] = false;
        }
        long left = total - floors;
        if (left < 0 || left > count) {
            throw new IllegalStateException("shares do not add up to " + total + ": floors " + floors);
        }
        while (left > 0) {
            int best = -1;
            for (int i = 0; i < count; i++) {
                // Strictly greater keeps the earlier share on ties.
                if (!bumped[i] && remainders[i] > 0 && (best < 0 || remainders[i] > remainders[best])) {
                    best = i;
                }
            }
            if (best < 0) {
                throw new IllegalStateException("units left over with no fractional part to take them");
            }
            bumped[best] = true;
            parts[best]++;
            left--;
        }
    }

    /**

     * @param index a share.

     * @return its integer part after {@link #allocate}.

     */
    public long part(final int index) {
        return parts[index];
    }
}

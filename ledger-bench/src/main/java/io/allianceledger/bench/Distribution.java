package io.allianceledger.bench;

import java.util.SplittableRandom;

/** How a benchmark picks the accounts it touches. */
public enum Distribution {
    /** Every account equally likely. */
    UNIFORM,
    /**
     * Zipfian with exponent {@value #ZIPF_EXPONENT} (YCSB's constant) over the accounts: a few hot accounts, such
     * as the busiest stores of an alliance, take most postings. Hot ranks are scattered over the account table,
     * not packed at its start, so their locality is not flattered.
     */
    ZIPF;

    /** The exponent of {@link #ZIPF}. */
    public static final double ZIPF_EXPONENT = 0.99;

    /**
     * Draws account indexes in 0..n-1.
     *
     * @param n      accounts.
     * @param count  draws.
     * @param seed   fixed seed, so every run draws the same.
     * @return the indexes.
     */
    int[] draw(final int n, final int count, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final int[] out = new int[count];
        if (this == UNIFORM) {
            for (int i = 0; i < count; i++) {
                out[i] = random.nextInt(n);
            }
            return out;
        }
        final Zipf zipf = new Zipf(n, ZIPF_EXPONENT);
        final long stride = scatterStride(n);
        for (int i = 0; i < count; i++) {
            out[i] = (int)(((zipf.next(random) - 1) * stride) % n);
        }
        return out;
    }

    /** A stride coprime to n, so rank * stride mod n is a permutation of the ranks. */
    private static long scatterStride(final int n) {
        long stride = 2_654_435_761L % Math.max(n, 1);
        if (stride == 0) {
            stride = 1;
        }
        while (gcd(stride, n) != 1) {
            stride++;
        }
        return stride;
    }

    private static long gcd(final long a, final long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}

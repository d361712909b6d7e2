package io.allianceledger.bench;

import java.util.SplittableRandom;

/**
 * Draws ranks 1..n with probability proportional to {@code 1 / rank^exponent}, in constant time per draw, by
 * rejection-inversion (W. Hörmann and G. Derflinger, "Rejection-inversion to generate variates from monotone
 * discrete distributions", ACM TOMACS 6(3), 1996). Used to make a few hot accounts (busy stores) and a long tail.
 */
final class Zipf {
    private final long n;
    private final double exponent;
    private final double hIntegralX1;
    private final double hIntegralN;
    private final double s;

    Zipf(final long n, final double exponent) {
        if (n < 1 || exponent <= 0) {
            throw new IllegalArgumentException("n=" + n + " exponent=" + exponent);
        }
        this.n = n;
        this.exponent = exponent;
        this.hIntegralX1 = hIntegral(1.5) - 1.0;
        this.hIntegralN = hIntegral(n + 0.5);
        this.s = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
    }

    /** @return a rank in 1..n; rank 1 is the most frequent. */
    long next(final SplittableRandom random) {
        while (true) {
            final double u = hIntegralN + random.nextDouble() * (hIntegralX1 - hIntegralN);
            final double x = hIntegralInverse(u);
            long k = (long)(x + 0.5);
            if (k < 1) {
                k = 1;
            } else if (k > n) {
                k = n;
            }
            if (k - x <= s || u >= hIntegral(k + 0.5) - h(k)) {
                return k;
            }
        }
    }

    /** The integral of {@link #h} from 1 to x, shifted; continuous in the exponent (log x at exponent 1). */
    private double hIntegral(final double x) {
        final double logX = Math.log(x);
        return expm1OverX((1.0 - exponent) * logX) * logX;
    }

    private double h(final double x) {
        return Math.exp(-exponent * Math.log(x));
    }

    private double hIntegralInverse(final double x) {
        double t = x * (1.0 - exponent);
        if (t < -1.0) {
            t = -1.0; // limited by rounding near the end of the range
        }
        return Math.exp(log1pOverX(t) * x);
    }

    /** (e^x - 1) / x, accurate near 0. */
    private static double expm1OverX(final double x) {
        return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + x * 0.25));
    }

    /** log(1 + x) / x, accurate near 0. */
    private static double log1pOverX(final double x) {
        return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - x * 0.25));
    }
}

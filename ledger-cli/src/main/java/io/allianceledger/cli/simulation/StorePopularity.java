package io.allianceledger.cli.simulation;

import java.util.SplittableRandom;

/**
 * Zipfian store popularity: store of rank k (1 = S1) is chosen with weight {@code 1 / k^s}, so a few stores take
 * most of the traffic, as in a real alliance. Sampling is a binary search of the cumulative weights.
 */
final class StorePopularity {
    private final double[] cumulative;

    /**
     * @param stores   the number of stores, at least 1.
     * @param exponent the Zipf exponent s (1.0 is classic Zipf).
     */
    StorePopularity(final int stores, final double exponent) {
        cumulative = new double[stores];
        double sum = 0;
        for (int k = 1; k <= stores; k++) {
            sum += 1.0 / Math.pow(k, exponent);
            cumulative[k - 1] = sum;
        }
        for (int i = 0; i < stores; i++) {
            cumulative[i] /= sum;
        }
        cumulative[stores - 1] = 1.0;
    }

    /** @return a store's number, 1-based, chosen by popularity. */
    int next(final SplittableRandom random) {
        final double u = random.nextDouble();
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            final int mid = (low + high) >>> 1;
            if (cumulative[mid] > u) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low + 1;
    }

    /** @return the share of traffic of the store of that rank (1-based). */
    double share(final int rank) {
        return cumulative[rank - 1] - (rank == 1 ? 0 : cumulative[rank - 2]);
    }
}

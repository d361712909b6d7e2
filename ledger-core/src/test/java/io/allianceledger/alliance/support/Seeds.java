package io.allianceledger.alliance.support;

/** The seed of a randomized test: {@code -Dledger.test.seed=N} overrides it; it is printed so a failure can be replayed. */
public final class Seeds {
    private Seeds() {
    }

    /**
     * @param test the test's name, printed with the seed.
     * @param fallback the seed used when no override is given.
     * @return the seed in force.
     */
    public static long seed(final String test, final long fallback) {
        final String override = System.getProperty("ledger.test.seed");
        final long seed = override == null || override.isBlank() ? fallback : Long.parseLong(override.trim());
        System.out.println(test + ": seed " + seed + " (override with -Dledger.test.seed=" + seed + ")");
        return seed;
    }
}

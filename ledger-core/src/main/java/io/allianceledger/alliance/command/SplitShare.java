package io.allianceledger.alliance.command;

/**
 * One party's share of a sale's fee: the HQ of the store, or the agent a given number of levels above the store
 * (level 1 is the nearest agent above it). The operator is never listed: it takes the remainder.
 *
 * @param agentLevel 1..{@value AllianceLayout#MAX_AGENT_DEPTH} for an agent, 0 for the HQ.
 * @param bps        basis points of the fee, 0..10000.
 * @param capFen     most fen the party takes from one sale, or {@link #UNCAPPED}.
 */
public record SplitShare(int agentLevel, int bps, long capFen) {
    /** No cap. */
    public static final long UNCAPPED = -1;

    /**
     * @param level agent level, 1 = nearest agent above the store.
     * @param bps   basis points of the fee.
     * @return the share, uncapped.
     */
    public static SplitShare agent(final int level, final int bps) {
        return new SplitShare(level, bps, UNCAPPED);
    }

    /**
     * @param bps basis points of the fee.
     * @return the HQ's share, uncapped.
     */
    public static SplitShare hq(final int bps) {
        return new SplitShare(0, bps, UNCAPPED);
    }

    /**
     * @param fen the cap.
     * @return this share capped at {@code fen} per sale.
     */
    public SplitShare capped(final long fen) {
        return new SplitShare(agentLevel, bps, fen);
    }

    /** @return true if the share goes to the store's HQ. */
    public boolean isHq() {
        return agentLevel == 0;
    }
}

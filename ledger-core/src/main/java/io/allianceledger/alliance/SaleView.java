package io.allianceledger.alliance;

import java.util.List;

/**
 * A settled sale as recorded.
 *
 * @param store         the store's code.
 * @param channel       the channel's code.
 * @param transactionId the channel's transaction id.
 * @param amount        fen.
 * @param fee           the fee F in fen.
 * @param ruleVersion   the rule-set version used (refunds keep using it).
 * @param refunded      fen refunded so far.
 * @param corrected     true if reversed by a correction.
 * @param parts         the store first, the split parties in rule order, the operator last.
 */
public record SaleView(String store, String channel, String transactionId, long amount, long fee, int ruleVersion,
    long refunded, boolean corrected, List<Part> parts) {
    /**
     * One party's part.
     *
     * @param party     the party's code.
     * @param share     STORE, AGENT_1..AGENT_8, HQ or OPERATOR.
     * @param original  fen at settlement.
     * @param remaining fen not yet refunded.
     */
    public record Part(String party, String share, long original, long remaining) {
    }
}

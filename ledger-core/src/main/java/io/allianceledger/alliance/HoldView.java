package io.allianceledger.alliance;

/**
 * A hold as recorded.
 *
 * @param member   the member's code.
 * @param store    the store's code.
 * @param points   points reserved.
 * @param captured points captured (0 unless captured).
 * @param status   OPEN, CAPTURED, RELEASED or TIMED_OUT.
 * @param ruleVersion the rule-set version the capture prices with.
 */
public record HoldView(String member, String store, long points, long captured, String status, int ruleVersion) {
}

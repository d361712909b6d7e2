package io.allianceledger.alliance;

import java.util.List;
import java.util.Map;

/**
 * The roll-up of a subtree: a participant and everything under it at a business time (stores counted under the
 * parent they had then).
 *
 * @param root         the subtree's root code.
 * @param asOf         the business time deciding where moved stores sit.
 * @param participants the codes in the subtree, root first, then in registration order.
 * @param net          Σ of their clearing positions (credits minus debits).
 * @param byKind       the same per movement kind.
 */
public record RollUp(String root, long asOf, List<String> participants, long net, Map<MovementKind, Long> byKind) {
}

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
 * @param net          Σ of their clearing positions (credits minus debits) now: carried in plus the open cycle's
 *                     movements.
 * @param byKind       Σ of their movements in the open cycle, per movement kind.
 * @param carriedIn    Σ of what the last close carried forward for them.
 */
public record RollUp(String root, long asOf, List<String> participants, long net, Map<MovementKind, Long> byKind,
    long carriedIn) {
}

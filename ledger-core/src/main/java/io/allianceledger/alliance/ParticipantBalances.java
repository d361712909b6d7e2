package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Role;

import java.util.List;
import java.util.Map;

/**
 * A participant's accounts and position.
 *
 * @param code     the participant's code.
 * @param role     its role.
 * @param accounts its standard accounts.
 * @param position for a party with a clearing account, its position with the operator; null otherwise.
 */
public record ParticipantBalances(String code, Role role, List<Balance> accounts, Position position) {
    /**
     * One account's totals.
     *
     * @param kind      the kind of account.
     * @param accountId the engine account id.
     * @param debits    posted debits.
     * @param credits   posted credits.
     */
    public record Balance(AccountKind kind, long accountId, long debits, long credits) {
        /** @return credits minus debits. */
        public long creditBalance() {
            return credits - debits;
        }
    }

    /**
     * A party's position with the operator over the current cycle. No cycle has been closed until the clearing
     * (next issue) adds cycle closes, so the cycle runs from the ledger's start.
     *
     * @param net    credits minus debits of the clearing account: positive, the operator owes the party.
     * @param byKind the same, per movement kind (kinds with no movement omitted).
     */
    public record Position(long net, Map<MovementKind, Long> byKind) {
    }
}

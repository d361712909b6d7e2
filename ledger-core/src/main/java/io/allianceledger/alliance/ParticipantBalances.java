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
     * A party's position with the operator in the open cycle: what the last close carried forward plus its
     * movements since ({@code net == carriedIn + Σ byKind}).
     *
     * @param net       credits minus debits of the clearing account: positive, the operator owes the party.
     * @param byKind    its movements since the last close (since the ledger's start before the first close), per
     *                  movement kind, in {@link MovementKind} order; kinds with no movement omitted.
     * @param carriedIn what the last close carried forward (0 before the first close).
     */
    public record Position(long net, Map<MovementKind, Long> byKind, long carriedIn) {
    }
}

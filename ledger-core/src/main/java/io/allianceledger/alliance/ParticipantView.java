package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Role;

/**
 * A participant as registered.
 *
 * @param code       its code.
 * @param id         its id, derived from the code.
 * @param role       its role.
 * @param parentCode its registered parent's code (a store's parent at registration; see moves), or null.
 * @param suspended  true while suspended.
 * @param agentDepth for an agent, its level below the operator (1..8); 0 otherwise.
 */
public record ParticipantView(String code, long id, Role role, String parentCode, boolean suspended, int agentDepth) {
}

package io.allianceledger.alliance.command;

/**
 * What a participant is in the alliance; fixes where it may sit in the tree and which accounts it gets.
 */
public enum Role {
    /** Runs the alliance; one per ledger; the root of the tree. */
    OPERATOR(1),
    /** A regional agent (province, city, county…) under the operator or another agent, at most 8 levels deep. */
    AGENT(2),
    /** A merchant headquarters, under an agent or the operator. */
    HQ(3),
    /** A store, under an HQ, an agent or the operator; may move to another parent from an instant on. */
    STORE(4),
    /** A member who earns and spends points; not in the tree. */
    MEMBER(5),
    /** A payment channel through which sales are collected; not in the tree. */
    CHANNEL(6);

    private static final Role[] BY_CODE = {null, OPERATOR, AGENT, HQ, STORE, MEMBER, CHANNEL};
    private final int code;

    Role(final int code) {
        this.code = code;
    }

    /** @return the stable code used in commands and state. */
    public int code() {
        return code;
    }

    /**
     * @param code a stable code.
     * @return the role, or null if the code names none.
     */
    public static Role of(final int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

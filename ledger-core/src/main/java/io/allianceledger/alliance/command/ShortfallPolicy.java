package io.allianceledger.alliance.command;

/**
 * What an accrual refund does with points it cannot claw back because the member no longer has them.
 */
public enum ShortfallPolicy {
    /** The member's points go below zero; the member's later accruals repay the debt first. */
    NEGATIVE(1),
    /** The operator forgives the member and books the shortfall's value as its loss. */
    FORGIVE(2);

    private final int code;

    ShortfallPolicy(final int code) {
        this.code = code;
    }

    /** @return the stable code used in commands and state. */
    public int code() {
        return code;
    }

    /**
     * @param code a stable code.
     * @return the policy, or null if the code names none.
     */
    public static ShortfallPolicy of(final int code) {
        return code == 1 ? NEGATIVE : code == 2 ? FORGIVE : null;
    }
}

package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Role;

/**
 * The standard accounts a participant gets at registration (the chart of accounts, see
 * {@code docs/accounting-model.md}). An account's engine id is {@code 0x414C << 48 | participant << 8 | code},
 * where {@code participant} is the participant's registration index.
 */
public enum AccountKind {
    /** Operator, points, debit-normal: every point outstanding; its balance equals the members' points. */
    POINTS_ISSUED(1, true, Role.OPERATOR),
    /** Operator, CNY, credit-normal: what the operator owes for points outstanding; equals the lots' remaining value. */
    POINTS_LIABILITY(2, false, Role.OPERATOR),
    /** Operator, CNY, credit-normal: the operator's part of sale fees. */
    FEE_INCOME(3, false, Role.OPERATOR),
    /** Operator, CNY, credit-normal (debit when negative): released lot value minus redemption payments. */
    REDEMPTION_SPREAD(4, false, Role.OPERATOR),
    /** Operator, CNY, credit-normal: value of points that expired. */
    BREAKAGE(5, false, Role.OPERATOR),
    /** Operator, CNY, debit-normal: value of refund shortfalls forgiven (FORGIVE policy). */
    SHORTFALL_LOSS(6, false, Role.OPERATOR),
    /** Operator, CNY, credit-normal: value of later accruals that repaid a member's negative points (NEGATIVE policy). */
    SHORTFALL_RECOVERY(7, false, Role.OPERATOR),
    /**
     * Operator, CNY: the counterpart of every settlement instruction a cycle close books. Settling a party owed money
     * debits the party's clearing account and credits this one; settling a party that owes (a channel) credits the
     * party and debits this one. Its credit balance is the net of every instruction so far: what the operator was
     * told to pay out less what it was told to collect (confirming the payments is the bank's side, outside the
     * ledger).
     */
    SETTLEMENT(8, false, Role.OPERATOR),
    /**
     * Agents, HQs, stores and channels, CNY: the party's position with the operator. Credit balance: the operator
     * owes the party; debit balance: the party owes the operator (a channel's receivable is a debit balance).
     */
    CLEARING(16, false, null),
    /** Members, points, credit-normal: the member's points; a debit balance is points owed (NEGATIVE policy). */
    MEMBER_POINTS(32, true, Role.MEMBER);

    private static final long PREFIX = 0x414CL << 48;
    private final int code;
    private final boolean points;
    private final Role role;

    AccountKind(final int code, final boolean points, final Role role) {
        this.code = code;
        this.points = points;
        this.role = role;
    }

    /** @return the kind's code, the low 8 bits of the account id. */
    public int code() {
        return code;
    }

    /** @return true for a points account, false for CNY. */
    public boolean isPoints() {
        return points;
    }

    /**
     * @param role a participant's role.
     * @return true if participants of that role have this account.
     */
    public boolean belongsTo(final Role role) {
        if (this.role == null) {
            return role == Role.AGENT || role == Role.HQ || role == Role.STORE || role == Role.CHANNEL;
        }
        return this.role == role;
    }

    /**
     * @param participantIndex the participant's registration index.
     * @return the engine account id of this kind of account of that participant.
     */
    public long accountId(final int participantIndex) {
        return PREFIX | ((long)participantIndex << 8) | code;
    }
}

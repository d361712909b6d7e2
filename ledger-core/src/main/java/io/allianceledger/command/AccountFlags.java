package io.allianceledger.command;

/**
 * Bit flags of an account. Checked after every entry that touches the account, posted and pending alike.
 */
public final class AccountFlags {
    /** Debits (posted plus pending) may never exceed posted credits: a balance that cannot go negative. */
    public static final int DEBITS_MUST_NOT_EXCEED_CREDITS = 1;
    /** Credits (posted plus pending) may never exceed posted debits. */
    public static final int CREDITS_MUST_NOT_EXCEED_DEBITS = 1 << 1;
    /** The account accepts no new postings. Set only by {@link CloseAccount}. */
    public static final int CLOSED = 1 << 2;
    /** Every flag a host may set when opening an account. */
    public static final int OPENABLE = DEBITS_MUST_NOT_EXCEED_CREDITS | CREDITS_MUST_NOT_EXCEED_DEBITS;

    private AccountFlags() {
    }

    /**
     * @param flags a flags word.
     * @return a readable form such as {@code DEBITS_MUST_NOT_EXCEED_CREDITS|CLOSED}.
     */
    public static String describe(final int flags) {
        final StringBuilder sb = new StringBuilder();
        if ((flags & DEBITS_MUST_NOT_EXCEED_CREDITS) != 0) {
            sb.append("DEBITS_MUST_NOT_EXCEED_CREDITS|");
        }
        if ((flags & CREDITS_MUST_NOT_EXCEED_DEBITS) != 0) {
            sb.append("CREDITS_MUST_NOT_EXCEED_DEBITS|");
        }
        if ((flags & CLOSED) != 0) {
            sb.append("CLOSED|");
        }
        return sb.length() == 0 ? "NONE" : sb.substring(0, sb.length() - 1);
    }
}

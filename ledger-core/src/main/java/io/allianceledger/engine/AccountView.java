package io.allianceledger.engine;

/**
 * A copy of an account's state at the moment it was read.
 *
 * @param id              the account id.
 * @param assetCode       the asset it holds.
 * @param assetScale      the asset's scale.
 * @param flags           its {@link io.allianceledger.command.AccountFlags}.
 * @param debitsPosted    posted debits, minor units.
 * @param creditsPosted   posted credits.
 * @param debitsPending   reserved debits.
 * @param creditsPending  reserved credits.
 * @param openedAt        engine timestamp of the opening command.
 */
public record AccountView(
    long id,
    int assetCode,
    int assetScale,
    int flags,
    long debitsPosted,
    long creditsPosted,
    long debitsPending,
    long creditsPending,
    long openedAt) {

    /** @return posted debits minus posted credits (the natural balance of an asset account). */
    public long debitBalance() {
        return debitsPosted - creditsPosted;
    }

    /** @return posted credits minus posted debits (the natural balance of a liability or a member's points). */
    public long creditBalance() {
        return creditsPosted - debitsPosted;
    }

    /** @return credits posted minus debits posted and pending: what can still be debited under a debit limit. */
    public long availableCredit() {
        return creditsPosted - debitsPosted - debitsPending;
    }
}

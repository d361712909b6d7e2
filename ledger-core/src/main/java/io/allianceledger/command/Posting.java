package io.allianceledger.command;

/**
 * One leg of an entry: an amount, in the minor unit of the account's asset, debited or credited to an account.
 * Whether it is a debit or a credit is given by the list of {@link PostEntry} it stands in.
 *
 * @param accountId the account.
 * @param amount    minor units; must be positive.
 */
public record Posting(long accountId, long amount) {
}

package io.allianceledger.ledger;

/** What a submission does when the ring is full. Neither ever drops a command. */
public enum Backpressure {
    /** Wait for a free slot (the default). */
    BLOCK,
    /** Fail the submission at once with {@link LedgerBusyException}. */
    REJECT
}

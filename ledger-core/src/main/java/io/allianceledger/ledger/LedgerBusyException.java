package io.allianceledger.ledger;

/**
 * The ring was full and the ledger is configured with {@link Backpressure#REJECT}: the command was not
 * accepted and may be submitted again.
 */
public final class LedgerBusyException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LedgerBusyException(final String message) {
        super(message);
    }
}

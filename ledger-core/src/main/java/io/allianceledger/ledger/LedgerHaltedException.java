package io.allianceledger.ledger;

/**
 * The engine stopped after an unexpected failure (a bug or a journal error): the command this is reported for
 * was not acknowledged, and no command is accepted until the ledger is reopened, which restores it from the
 * journal. The cause is the original failure.
 */
public final class LedgerHaltedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    LedgerHaltedException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

package io.allianceledger.cli;

/**
 * Unusable arguments or input: a missing file, a directory that is not a ledger, a rules file with an unknown
 * field. The CLI prints the message and exits with {@link ExitCodes#BAD_INPUT}; the ledger is left as it was.
 */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(final String message) {
        super(message);
    }

    UserError(final String message, final Throwable cause) {
        super(message, cause);
    }
}

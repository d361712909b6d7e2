package io.allianceledger.cli;

/** The CLI's exit codes, documented in docs/cli.md. */
final class ExitCodes {
    /** Everything worked and nothing needs a person. */
    static final int OK = 0;
    /**
     * A verification found something that needs a person: audit violations, reconciliation differences, or event
     * lines the ledger rejected. The command itself completed and its files were written.
     */
    static final int NEEDS_ATTENTION = 1;
    /** Unusable arguments or input; nothing was changed. */
    static final int BAD_INPUT = 2;
    /** The ledger engine or its files failed (corruption, I/O): see the message. */
    static final int FAILURE = 3;

    private ExitCodes() {
    }
}

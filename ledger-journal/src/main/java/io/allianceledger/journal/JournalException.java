package io.allianceledger.journal;

/**
 * A journal or snapshot could not be used as it is. The subclasses tell whether the bytes are damaged or just
 * written in a format this code does not read.
 */
public abstract sealed class JournalException extends RuntimeException
    permits JournalCorruptException, JournalMismatchException, UnsupportedJournalFormatException {
    private static final long serialVersionUID = 1L;

    JournalException(final String message) {
        super(message);
    }

    JournalException(final String message, final Throwable cause) {
        super(message, cause);
    }
}

package io.allianceledger.journal;

import java.nio.file.Path;

/**
 * The journal is readable but is not the one the configuration describes: it names another ledger, it is
 * HMAC-chained and no key (or a key where it has none) was given, or it was written with another account limit.
 * Nothing is wrong with the files; fix the configuration.
 */
public final class JournalMismatchException extends JournalException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    JournalMismatchException(final Path file, final String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    /** @return the file that does not match. */
    public Path file() {
        return file;
    }
}

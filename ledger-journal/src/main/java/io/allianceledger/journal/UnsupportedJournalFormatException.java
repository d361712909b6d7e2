package io.allianceledger.journal;

import java.nio.file.Path;

/**
 * A journal frame or snapshot file names a format version this code does not read, most likely because a newer
 * release wrote it. Nothing is wrong with the bytes; upgrade the reader.
 */
public final class UnsupportedJournalFormatException extends JournalException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int version;

    UnsupportedJournalFormatException(final Path file, final String where, final int version, final int supported) {
        super(file + (where.isEmpty() ? "" : " " + where) + " is in journal format version " + version
            + ", which this reader does not know (it reads version " + supported + ")");
        this.file = file;
        this.version = version;
    }

    /** @return the file holding the unknown version. */
    public Path file() {
        return file;
    }

    /** @return the version found. */
    public int version() {
        return version;
    }
}

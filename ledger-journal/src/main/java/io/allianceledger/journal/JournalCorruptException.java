package io.allianceledger.journal;

import java.nio.file.Path;

/**
 * The journal holds bytes that do not verify anywhere but in its torn final batch: a failed checksum, a broken
 * chain, a missing, repeated or reordered record, or a truncated file. Opening
 * stops; nothing after the last good record is applied. {@link JournalConfig.Builder#repair(boolean)} lets an
 * operator drop everything from the failure on instead, with a report of what was dropped.
 */
public final class JournalCorruptException extends JournalException {
    private static final long serialVersionUID = 1L;

    /** Chronicle index when the failure is not tied to one document. */
    public static final long NO_INDEX = Long.MIN_VALUE;

    private final transient Path file;
    private final long index;
    private final long sequence;
    private final String reason;

    JournalCorruptException(final Path file, final long index, final long sequence, final String reason) {
        super(describe(file, index, sequence, reason));
        this.file = file;
        this.index = index;
        this.sequence = sequence;
        this.reason = reason;
    }

    static String describe(final Path file, final long index, final long sequence, final String reason) {
        return "journal corrupt in " + file
            + (index == NO_INDEX ? "" : " at Chronicle index 0x" + Long.toHexString(index))
            + (sequence < 0 ? "" : " (next expected sequence " + sequence + ")")
            + ": " + reason;
    }

    /** @return the cycle file (or directory) holding the failure. */
    public Path file() {
        return file;
    }

    /** @return the Chronicle index of the failing document, or {@link #NO_INDEX}. */
    public long index() {
        return index;
    }

    /** @return the sequence the failing document should have continued with, or -1 if unknown. */
    public long sequence() {
        return sequence;
    }

    /** @return why it failed, without the location. */
    public String reason() {
        return reason;
    }
}

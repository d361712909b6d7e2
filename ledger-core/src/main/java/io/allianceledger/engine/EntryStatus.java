package io.allianceledger.engine;

/**
 * The life of an entry. A posted entry is {@link #POSTED} from the start; a pending one moves once from
 * {@link #PENDING} to exactly one of the other three.
 */
public enum EntryStatus {
    /** Not an entry (the record of another kind of command). */
    NONE,
    /** Reserving its amounts. */
    PENDING,
    /** Its amounts are posted: a posted entry, or a pending one that was posted. */
    POSTED,
    /** Released by a void. */
    VOIDED,
    /** Released because its timeout elapsed on the engine clock. */
    EXPIRED;

    private static final EntryStatus[] VALUES = values();

    /**
     * @param ordinal a stored ordinal.
     * @return the status.
     */
    public static EntryStatus of(final int ordinal) {
        return VALUES[ordinal];
    }
}

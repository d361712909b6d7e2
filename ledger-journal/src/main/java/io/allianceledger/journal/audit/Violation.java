package io.allianceledger.journal.audit;

/**
 * A finding of an audit, tied to the journal position where it was seen.
 *
 * @param sequence    the sequence of the command after which it was found (-1 for the journal as a whole).
 * @param description what is wrong.
 */
public record Violation(long sequence, String description) {
    @Override
    public String toString() {
        return (sequence < 0 ? "" : "after sequence " + sequence + ": ") + description;
    }
}

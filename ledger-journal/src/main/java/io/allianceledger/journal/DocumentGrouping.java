package io.allianceledger.journal;

/**
 * How frames are packed into Chronicle documents. Both write the same frames and readers accept both, even
 * mixed in one journal, so the choice may change between runs.
 */
public enum DocumentGrouping {
    /**
     * One document per Disruptor batch, holding its COMMAND frames and the closing COMMIT frame (split into
     * several documents past {@value ChronicleJournal#MAX_BATCH_DOCUMENT} bytes). A killed process leaves the
     * batch's document incomplete, so no part of an unreleased batch is ever read back. Fewer, larger documents:
     * the default, being the faster of the two in {@code JournalAppendBenchmark}.
     */
    PER_BATCH,
    /** One document per command and one per COMMIT frame. */
    PER_COMMAND
}

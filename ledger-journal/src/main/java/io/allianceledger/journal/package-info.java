/**
 * The ledger's write-ahead journal on Chronicle Queue: {@link io.allianceledger.journal.ChronicleJournal}
 * implements the core's {@link io.allianceledger.ledger.Journal}, writing every command as a checksummed,
 * hash-chained frame with group commit, taking snapshots and restoring state on open;
 * {@link io.allianceledger.journal.JournalReader} reads a journal and its snapshots read-only. The byte layout
 * is in {@code docs/journal-format.md}.
 */
package io.allianceledger.journal;

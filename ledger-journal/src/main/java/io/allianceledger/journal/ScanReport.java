package io.allianceledger.journal;

import java.util.List;

/**
 * What a verified read of a journal found.
 *
 * @param ledgerName     the ledger the journal's HEADERs name, or null if it holds none yet.
 * @param maxAccounts    the account limit its HEADERs record (0 if none).
 * @param firstSequence  the sequence of its first record: 0 unless older cycle files were archived.
 * @param nextSequence   one past its last valid record: the sequence the next command gets.
 * @param firstTimestamp engine timestamp of the first record read, or {@link Long#MIN_VALUE}.
 * @param lastTimestamp  engine timestamp of the last valid record, or {@link Long#MIN_VALUE}.
 * @param documents      Chronicle documents read, failed ones included.
 * @param voided         runs of documents skipped because a VOID frame discarded them at an earlier open.
 * @param tornTail       the torn final batch found and ignored, or null.
 * @param complete       false if the reader was asked to stop early (a timestamp bound), true if it read to the end.
 */
public record ScanReport(String ledgerName, int maxAccounts, long firstSequence, long nextSequence,
                         long firstTimestamp, long lastTimestamp, long documents, List<Damage> voided,
                         Damage tornTail, boolean complete) {
    /** Copies the list. */
    public ScanReport {
        voided = List.copyOf(voided);
    }

    /** @return how many valid records the journal holds from {@link #firstSequence()}. */
    public long records() {
        return nextSequence - firstSequence;
    }
}

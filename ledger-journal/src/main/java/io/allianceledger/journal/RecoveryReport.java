package io.allianceledger.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link ChronicleJournal#recover} did, for logs and operators.
 *
 * @param scan              what the verified read of the journal found.
 * @param snapshot          the snapshot the state was restored from, or null for a full replay.
 * @param skippedSnapshots  snapshots not used, each with the reason (corrupt, ahead of the journal, ...).
 * @param replayed          records applied after the snapshot (or from the start).
 * @param voidedNow         the run of documents this open voided: a torn tail, or a repair; null if none.
 * @param repaired          true if {@code voidedNow} is a repair that dropped records after corruption.
 * @param millis            how long recovery took.
 */
public record RecoveryReport(ScanReport scan, Path snapshot, List<String> skippedSnapshots, long replayed,
                             Damage voidedNow, boolean repaired, long millis) {
    /** Copies the list. */
    public RecoveryReport {
        skippedSnapshots = List.copyOf(skippedSnapshots);
    }
}

package io.allianceledger.journal.audit;

import io.allianceledger.journal.Damage;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The result of {@link JournalAudit#run()}.
 *
 * @param directory         the ledger directory audited.
 * @param ledgerName        the ledger the journal names, or null if it holds nothing.
 * @param firstSequence     the sequence replay started from: 0, or the snapshot it had to start from when older
 *                          cycle files were archived.
 * @param startSnapshot     that snapshot's file, or null.
 * @param commands          commands replayed.
 * @param created           of which applied ({@code CREATED}).
 * @param duplicates        of which retries of applied commands ({@code EXISTS}).
 * @param rejected          of which rejected with any other code.
 * @param entries           entries recorded by the replayed commands: host entries, posted or pending (linked
 *                          batch items included), and the entries domain operations generated.
 * @param firstTimestamp    engine timestamp of the first command replayed, or {@link Long#MIN_VALUE}.
 * @param lastTimestamp     of the last, or {@link Long#MIN_VALUE}.
 * @param finalStateHash    {@code stateHash()} after the last command.
 * @param invariantChecks   how many times every invariant was checked.
 * @param snapshotsChecked  snapshots whose recorded hash was compared with the replayed state at their sequence.
 * @param violations        invariant violations and snapshot mismatches, each with its sequence.
 * @param voided            runs of documents a VOID frame discarded at earlier opens.
 * @param tornTail          a torn final batch that the next writer will discard, or null.
 * @param error             why verification stopped early (corruption, unknown format, wrong key), or null.
 */
public record AuditReport(Path directory, String ledgerName, long firstSequence, Path startSnapshot, long commands,
                          long created, long duplicates, long rejected, long entries, long firstTimestamp,
                          long lastTimestamp, String finalStateHash, long invariantChecks, int snapshotsChecked,
                          List<Violation> violations, List<Damage> voided, Damage tornTail, String error) {
    /** Copies the lists. */
    public AuditReport {
        violations = List.copyOf(violations);
        voided = List.copyOf(voided);
    }

    /** @return true if the journal verified to its end and no violation was found. */
    public boolean ok() {
        return error == null && violations.isEmpty();
    }

    /** Prints the summary an operator reads, one fact a line. */
    public void print(final PrintStream out) {
        out.println("audit of " + directory + (ledgerName == null ? "" : " (ledger '" + ledgerName + "')"));
        out.println("  result:            " + (ok() ? "OK" : "FAILED"));
        if (startSnapshot != null) {
            out.println("  started from:      " + startSnapshot.getFileName() + " (sequence " + firstSequence + ")");
        }
        out.println("  commands:          " + commands + " (created " + created + ", duplicates " + duplicates
            + ", rejected " + rejected + ")");
        out.println("  entries:           " + entries);
        out.println("  first timestamp:   " + time(firstTimestamp));
        out.println("  last timestamp:    " + time(lastTimestamp));
        out.println("  final stateHash(): " + finalStateHash);
        out.println("  invariant checks:  " + invariantChecks);
        out.println("  snapshots checked: " + snapshotsChecked);
        for (final Damage d : voided) {
            out.println("  voided earlier:    " + d);
        }
        if (tornTail != null) {
            out.println("  torn tail:         " + tornTail + " (never acknowledged; the next open discards it)");
        }
        for (final Violation v : violations) {
            out.println("  VIOLATION " + v);
        }
        if (error != null) {
            out.println("  ERROR " + error);
        }
    }

    private static String time(final long nanos) {
        return nanos == Long.MIN_VALUE ? "-" : Instant.ofEpochSecond(0, nanos) + " (" + nanos + ")";
    }
}

package io.allianceledger.examples.audit;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.journal.JournalReader;
import io.allianceledger.journal.ScanReport;
import io.allianceledger.ledger.LedgerConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * An auditor's check of a journaled ledger: rebuild it read-only as it was at a past moment, the close of a
 * clearing cycle, and compare what a party's statement, position and the state hash were then with what the live
 * ledger reported at that moment. It builds its own small ledger first ({@link DemoLedger}: two business days with
 * a cycle close between them), so it runs standalone.
 * <p>
 * Usage: {@code AuditExample [DIR [PARTY]]}. DIR, new or empty, keeps the ledger's files (by default a temporary
 * directory, deleted afterwards); PARTY is the clearing party compared (default {@code tea-01}). Prints MATCH or
 * DIFFERS with the figures; the exit code is 0 for a match, 1 if they differ, 2 if it could not run.
 */
public final class AuditExample {
    /** The exit code when the replay reproduces the live figures. */
    public static final int MATCH = 0;
    /** The exit code when it does not. */
    public static final int DIFFERS = 1;
    /** The exit code when the example could not run (bad arguments, a directory already in use). */
    public static final int ERROR = 2;

    private AuditExample() {
    }

    /**
     * Runs the example and exits with its code.
     *
     * @param args {@code [DIR [PARTY]]}.
     */
    public static void main(final String[] args) {
        // Exit explicitly: a non-zero code must reach the shell (and fail exec:exec).
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Builds the ledger, replays its journal as of the close of cycle 1 and compares.
     *
     * @param args {@code [DIR [PARTY]]}.
     * @param out  where the figures go.
     * @param err  where errors go.
     * @return {@link #MATCH}, {@link #DIFFERS} or {@link #ERROR}.
     */
    static int run(final String[] args, final PrintStream out, final PrintStream err) {
        if (args.length > 2) {
            err.println("usage: AuditExample [DIR [PARTY]]");
            return ERROR;
        }
        final String party = args.length > 1 ? args[1] : "tea-01";
        final boolean temporary = args.length == 0;
        final Path directory;
        try {
            directory = temporary ? Files.createTempDirectory("alliance-audit-") : Path.of(args[0]);
            if (!temporary && Files.exists(directory) && !isEmptyDirectory(directory)) {
                // Submitting the demo again into an existing journal would only replay its ids as EXISTS.
                err.println(directory + " is not a new or empty directory");
                return ERROR;
            }
        } catch (final IOException e) {
            err.println("cannot create a directory for the ledger: " + e.getMessage());
            return ERROR;
        }
        try {
            final DemoLedger.Capture capture = DemoLedger.build(directory, party);
            out.println("Built a ledger in " + directory + (temporary ? " (deleted afterwards)" : "")
                + ": 2026-03-01 and 2026-03-02 in " + DemoLedger.ZONE + ", cycle 1 closed at midnight between them");
            return audit(directory, capture.closeTimestamp(), capture, out);
        } catch (final IllegalArgumentException e) {
            err.println(e.getMessage());
            return ERROR;
        } finally {
            if (temporary) {
                deleteTree(directory);
            }
        }
    }

    /**
     * Replays the journal in {@code directory} read-only as of {@code asOf} and compares the party's figures with
     * what the live ledger reported at the close, printing both and the verdict.
     *
     * @param directory the ledger's directory.
     * @param asOf      engine time, nanoseconds: the replay applies every command stamped at or before it.
     * @param capture   what the live ledger reported at the close.
     * @param out       where the figures go.
     * @return {@link #MATCH} or {@link #DIFFERS}.
     */
    static int audit(final Path directory, final long asOf, final DemoLedger.Capture capture, final PrintStream out) {
        final JournalReader reader = JournalReader.open(directory);
        final ScanReport journal = reader.verify();
        out.println("Journal verified from its first record: " + journal.records() + " commands of ledger '"
            + journal.ledgerName() + "' in " + cycleFiles(directory) + " cycle files, chain and checksums intact");
        final PartyFigures live = capture.live();
        final PartyFigures replayed = replayAt(reader, asOf, live.party());
        out.println();
        out.println("Live ledger, right after the close of cycle 1 (" + when(capture.closeTimestamp()) + "):");
        live.print(out, capture.names(), DemoLedger.ZONE);
        out.println("Journal replayed read-only as of " + when(asOf) + ":");
        replayed.print(out, capture.names(), DemoLedger.ZONE);
        out.println();
        final List<String> differences = live.differences(replayed);
        if (differences.isEmpty()) {
            out.println("MATCH: the replay reproduces " + live.party() + "'s statement, position and the state hash");
            return MATCH;
        }
        out.println("DIFFERS: " + String.join(", ", differences));
        return DIFFERS;
    }

    /**
     * @param reader a reader of the ledger's directory.
     * @param asOf   engine time, nanoseconds.
     * @param party  a clearing party.
     * @return the party's figures in the state rebuilt as of {@code asOf}; nothing on disk changes.
     */
    static PartyFigures replayAt(final JournalReader reader, final long asOf, final String party) {
        final StateMachine machine = reader.stateAt(asOf, machines());
        return PartyFigures.of((AllianceDomain)machine.extension(), party, machine.stateHash());
    }

    /** @return empty state machines configured as the demo's ledger: the replay must use the same domain. */
    static Supplier<StateMachine> machines() {
        return () -> LedgerConfig.builder().extension(AllianceDomain::new).build().newStateMachine();
    }

    /** Engine times here are business times (see DemoLedger), so they print in the alliance's zone. */
    private static String when(final long engineNanos) {
        return Instant.ofEpochSecond(0, engineNanos).atZone(DemoLedger.ZONE).toOffsetDateTime().toString();
    }

    private static long cycleFiles(final Path directory) {
        try (Stream<Path> files = Files.list(directory.resolve("journal"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cq4")).count();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isEmptyDirectory(final Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteTree(final Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (final IOException e) {
            System.err.println("could not delete " + root + ": " + e.getMessage());
        }
    }
}

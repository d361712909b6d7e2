package io.allianceledger.bench;

import io.allianceledger.journal.ChronicleJournal;
import io.allianceledger.journal.DocumentGrouping;
import io.allianceledger.journal.Durability;
import io.allianceledger.journal.JournalConfig;
import io.allianceledger.ledger.Journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The journals the pipeline benchmarks and the latency harness run with, by name: {@code NONE} is
 * {@link Journal#NONE} (the pipeline with nothing written); {@code PAGE_CACHE} and {@code SYNC_PER_BATCH} are a
 * {@link ChronicleJournal} with that {@link Durability}, the default {@link DocumentGrouping#PER_BATCH}, no
 * snapshots, on a fresh directory. Open it with {@code Ledger.open}, which recovers it.
 */
final class Journals {
    private Journals() {
    }

    /**
     * @param name a journal's name.
     * @param dir  a fresh directory it may write to.
     * @return the journal.
     */
    static Journal open(final String name, final Path dir) {
        if ("NONE".equals(name)) {
            return Journal.NONE;
        }
        return ChronicleJournal.open(config(dir, Durability.valueOf(name), DocumentGrouping.PER_BATCH));
    }

    /**
     * @param dir        the ledger's directory.
     * @param durability what a batch waits for.
     * @param grouping   how frames are packed into documents.
     * @return a journal configuration without snapshots.
     */
    static JournalConfig config(final Path dir, final Durability durability, final DocumentGrouping grouping) {
        return JournalConfig.builder(dir, "bench").durability(durability).grouping(grouping).snapshotInterval(0).build();
    }

    /** @return a fresh directory for a journal's files, under {@code ledger.bench.dir} or the temp directory. */
    static Path freshDirectory(final String prefix) {
        try {
            final String base = System.getProperty("ledger.bench.dir");
            return base == null ? Files.createTempDirectory(prefix)
                : Files.createTempDirectory(Files.createDirectories(Path.of(base)), prefix);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a directory made by {@link #freshDirectory}. */
    static void delete(final Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

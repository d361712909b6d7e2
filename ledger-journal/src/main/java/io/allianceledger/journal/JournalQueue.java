package io.allianceledger.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueStore;
import net.openhft.chronicle.wire.WireType;
import net.openhft.chronicle.wire.Wires;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Opens the Chronicle queue under a journal directory the one way the journal uses it: binary wire, a fixed
 * block size, and for writing, cycles rolled by {@link EngineTime}. Also checks cycle files before Chronicle maps
 * them, because a truncated file mapped read-only faults where Chronicle reads past its end, and mapped for
 * writing is silently extended with zeros.
 */
final class JournalQueue {
    /** Chronicle's mapping chunk; every cycle file is at least this plus {@link #OVERLAP} bytes (sparse). */
    static final long BLOCK_SIZE = 64L << 20;
    /** Chronicle maps each chunk with this much overlap into the next (a quarter of the block). */
    static final long OVERLAP = BLOCK_SIZE / 4;
    /** The suffix of Chronicle cycle files. */
    static final String CYCLE_SUFFIX = SingleChronicleQueue.SUFFIX;

    private JournalQueue() {
    }

    /** @return the queue for appending, rolling cycles by {@code time}. */
    static SingleChronicleQueue openForWriting(final Path directory, final RollCycle rollCycle, final EngineTime time) {
        return SingleChronicleQueueBuilder.builder(directory, WireType.BINARY_LIGHT)
            .rollCycle(rollCycle)
            .blockSize(BLOCK_SIZE)
            .timeProvider(time)
            .build();
    }

    /** @return the queue opened read-only: no lock taken, no file extended, usable while a writer runs. */
    static SingleChronicleQueue openReadOnly(final Path directory) {
        return SingleChronicleQueueBuilder.builder(directory, WireType.BINARY_LIGHT)
            .readOnly(true)
            .blockSize(BLOCK_SIZE)
            .build();
    }

    /** @return the cycle files in the directory, in name order (which is cycle order). */
    static List<Path> cycleFiles(final Path directory) {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*" + CYCLE_SUFFIX)) {
            stream.forEach(files::add);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        files.sort(null);
        return files;
    }

    /**
     * @return true if Chronicle never finished creating the cycle file: a process died between creating it and
     *     completing its store header. Such a file holds no document (documents are only written after), and
     *     Chronicle would wait its timeout (10 s) on it before giving up.
     */
    static boolean isIncomplete(final Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < 4) {
                return true;
            }
            final ByteBuffer header = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
            while (header.hasRemaining() && channel.read(header, header.position()) > 0) {
                // Read the four bytes of Chronicle's first header.
            }
            return !Wires.isReadyMetaData(header.getInt(0));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * For the writer: renames incomplete cycle files to {@code <name>.incomplete}, out of Chronicle's sight.
     *
     * @return the files set aside.
     */
    static List<Path> setAsideIncomplete(final Path directory) {
        final List<Path> moved = new ArrayList<>();
        for (final Path file : cycleFiles(directory)) {
            if (isIncomplete(file)) {
                final Path aside = file.resolveSibling(file.getFileName() + ".incomplete");
                try {
                    Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
                } catch (final IOException e) {
                    throw new UncheckedIOException("cannot move " + file + " aside", e);
                }
                moved.add(aside);
            }
        }
        return moved;
    }

    /**
     * Checks that no cycle file is shorter than Chronicle made it, before anything maps it. Incomplete files (see
     * {@link #isIncomplete}) are not checked: they are skipped.
     *
     * @throws JournalCorruptException naming the first truncated file.
     */
    static void checkLengths(final Path directory) {
        for (final Path file : cycleFiles(directory)) {
            if (isIncomplete(file)) {
                continue;
            }
            final long size = file.toFile().length();
            if (size < BLOCK_SIZE + OVERLAP) {
                throw new JournalCorruptException(file, JournalCorruptException.NO_INDEX, -1, "the cycle file is "
                    + size + " bytes but Chronicle allocates at least " + (BLOCK_SIZE + OVERLAP) + ": it was truncated");
            }
        }
    }

    /**
     * Checks each cycle's recorded write position against its file's length: a file that ends before the data
     * Chronicle recorded writing was truncated.
     */
    static void checkWritePositions(final SingleChronicleQueue queue, final Path directory) {
        final NavigableSet<Long> cycles = cycles(queue, directory);
        for (final long cycle : cycles) {
            final SingleChronicleQueueStore store = queue.storeForCycle((int)cycle, queue.epoch(), false, null);
            if (store == null) {
                throw new IllegalStateException("Chronicle's directory listing in " + directory.resolve("metadata.cq4t")
                    + " does not include cycle " + cycle + ", whose file is in the directory (restored from an"
                    + " archive while the ledger was closed?): open the ledger for writing once, which refreshes it");
            }
            try {
                final File file = store.file();
                final long position = store.writePosition();
                if (file.length() < position + OVERLAP) {
                    throw new JournalCorruptException(file.toPath(), JournalCorruptException.NO_INDEX, -1,
                        "the cycle file is " + file.length() + " bytes but records data written at position "
                            + position + ": it was truncated");
                }
            } finally {
                queue.closeStore(store);
            }
        }
    }

    /**
     * @return the cycles whose files are in the directory, oldest first. Read from the file names, not from
     *     Chronicle's directory listing, which a read-only queue does not refresh after old cycles were archived.
     */
    static NavigableSet<Long> cycles(final SingleChronicleQueue queue, final Path directory) {
        final RollingResourcesCache names = new RollingResourcesCache(queue.rollCycle(), queue.epoch(),
            name -> directory.resolve(name + CYCLE_SUFFIX).toFile(), File::getName);
        final NavigableSet<Long> cycles = new TreeSet<>();
        for (final Path file : cycleFiles(directory)) {
            if (isIncomplete(file)) {
                System.getLogger(JournalQueue.class.getName()).log(System.Logger.Level.WARNING, "skipping " + file
                    + ": Chronicle never finished creating it (the writer died rolling to it); it holds no document");
                continue;
            }
            final String name = file.getFileName().toString();
            try {
                cycles.add((long)names.parseCount(name.substring(0, name.length() - CYCLE_SUFFIX.length())));
            } catch (final RuntimeException e) {
                throw new JournalCorruptException(file, JournalCorruptException.NO_INDEX, -1,
                    "not a cycle file of this journal's roll cycle (" + queue.rollCycle() + "): " + e.getMessage());
            }
        }
        return cycles;
    }
}

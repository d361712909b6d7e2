package io.allianceledger.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.nio.file.Path;
import java.util.NavigableSet;

/**
 * Walks the data documents of a journal read-only, oldest first, copying each into a reused array.
 * <p>
 * It moves from cycle to cycle itself instead of relying on the tailer: a Chronicle tailer stays in a cycle
 * that has no end-of-file marker (a process killed while rolling leaves one) even when later cycles exist.
 */
final class DocumentCursor implements AutoCloseable {
    /** Largest document read; a Chronicle length beyond it is treated as damage, not allocated. */
    static final int MAX_DOCUMENT = 16 << 20;

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final RollCycle rollCycle;
    private final NavigableSet<Long> cycles;
    private byte[] bytes = new byte[64 << 10];
    private int length;
    private long index = Long.MIN_VALUE;
    private long cycle = Long.MIN_VALUE;
    private long visitedCycle = Long.MIN_VALUE;
    private Path file;
    private long position;
    private boolean oversized;

    private DocumentCursor(final Path directory, final SingleChronicleQueue queue) {
        this.directory = directory;
        this.queue = queue;
        this.rollCycle = queue.rollCycle();
        this.cycles = JournalQueue.cycles(queue, directory);
        this.tailer = queue.createTailer();
        if (!cycles.isEmpty()) {
            visitedCycle = cycles.first();
            tailer.moveToCycle((int)visitedCycle);
        }
    }

    /**
     * Opens the journal under {@code directory} read-only, after checking that no cycle file was truncated.
     *
     * @return the cursor, or null if there is no journal there yet.
     */
    static DocumentCursor open(final Path directory) {
        if (JournalQueue.cycleFiles(directory).isEmpty()) {
            return null;
        }
        JournalQueue.checkLengths(directory);
        final SingleChronicleQueue queue = JournalQueue.openReadOnly(directory);
        try {
            JournalQueue.checkWritePositions(queue, directory);
            return new DocumentCursor(directory, queue);
        } catch (final RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /**
     * Reads the next data document.
     *
     * @return false at the end of the journal.
     */
    boolean next() {
        while (true) {
            try (DocumentContext dc = tailer.readingDocument()) {
                if (dc.isPresent()) {
                    final Bytes<?> source = dc.wire().bytes();
                    final long n = source.readRemaining();
                    index = dc.index();
                    cycle = rollCycle.toCycle(index);
                    visitedCycle = Math.max(visitedCycle, cycle);
                    final File current = tailer.currentFile();
                    file = current == null ? directory : current.toPath();
                    position = source.readPosition();
                    oversized = n > MAX_DOCUMENT;
                    length = oversized ? 0 : (int)n;
                    if (length > bytes.length) {
                        bytes = new byte[Math.max(length, bytes.length * 2)];
                    }
                    source.read(bytes, 0, length);
                    return true;
                }
            } catch (final RuntimeException e) {
                throw new JournalCorruptException(file == null ? directory : file, tailer.index(), -1,
                    "Chronicle cannot read the document after index 0x" + Long.toHexString(index) + ": " + e);
            }
            final Long later = cycles.higher(visitedCycle);
            if (later == null) {
                return false;
            }
            visitedCycle = later;
            tailer.moveToCycle(later.intValue());
        }
    }

    /** @return the document's bytes, from index 0. */
    byte[] bytes() {
        return bytes;
    }

    /** @return its length; 0 when {@link #oversized()}. */
    int length() {
        return length;
    }

    /** @return true if Chronicle reported a document too large to be the journal's. */
    boolean oversized() {
        return oversized;
    }

    /** @return its Chronicle index. */
    long index() {
        return index;
    }

    /** @return its cycle. */
    long cycle() {
        return cycle;
    }

    /** @return its cycle file. */
    Path file() {
        return file;
    }

    /** @return the file offset of its first byte. */
    long position() {
        return position;
    }

    /** @return the newest cycle on disk, or {@link Long#MIN_VALUE} if none. */
    long lastCycle() {
        return cycles.isEmpty() ? Long.MIN_VALUE : cycles.last();
    }

    /** @return the first millisecond of a cycle. */
    long cycleStartMillis(final long cycle) {
        return queue.epoch() + cycle * rollCycle.lengthInMillis();
    }

    /** @return the queue's roll cycle as recorded in its metadata. */
    RollCycle rollCycle() {
        return rollCycle;
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}

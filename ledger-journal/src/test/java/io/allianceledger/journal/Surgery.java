package io.allianceledger.journal;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/** Test fixture: reads and edits journal files the way a failing disk or someone with write access would. */
final class Surgery {
    private Surgery() {
    }

    /** One Chronicle document as found on disk. */
    record Doc(long index, long cycle, Path file, long position, byte[] bytes) {
        int kindOfFirstFrame() {
            return new UnsafeBuffer(bytes).getShort(Frames.KIND_OFFSET) & 0xFFFF;
        }

        long firstSequence() {
            return new UnsafeBuffer(bytes).getLong(Frames.COMMAND_SEQUENCE_OFFSET);
        }
    }

    static List<Doc> documents(final Path ledgerDir) {
        final List<Doc> docs = new ArrayList<>();
        try (DocumentCursor cursor = DocumentCursor.open(ledgerDir.resolve("journal"))) {
            while (cursor.next()) {
                docs.add(new Doc(cursor.index(), cursor.cycle(), cursor.file(), cursor.position(),
                    java.util.Arrays.copyOf(cursor.bytes(), cursor.length())));
            }
        }
        return docs;
    }

    /** @return the documents holding COMMAND frames. */
    static List<Doc> commandDocuments(final Path ledgerDir) {
        return documents(ledgerDir).stream().filter(d -> d.kindOfFirstFrame() == Frames.KIND_COMMAND).toList();
    }

    static void flipBit(final Path file, final long position, final int bit) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            final int b = raf.read();
            raf.seek(position);
            raf.write(b ^ (1 << bit));
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void overwrite(final Path file, final long position, final byte[] bytes) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            raf.write(bytes);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void truncate(final Path file, final long size) {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recomputes the CRC32C of every frame in a document after its bytes were edited. */
    static byte[] fixCrcs(final byte[] doc) {
        final UnsafeBuffer b = new UnsafeBuffer(doc);
        int at = 0;
        while (at < doc.length) {
            final int length = b.getInt(at);
            final CRC32C crc = new CRC32C();
            crc.update(doc, at, length - 8);
            b.putInt(at + length - 8, (int)crc.getValue());
            at += length;
        }
        return doc;
    }

    /**
     * Rebuilds the journal (one cycle) from the given documents, as someone with write access could: new Chronicle
     * files holding exactly these payloads, in this order.
     */
    static void rewrite(final Path ledgerDir, final List<byte[]> payloads, final long cycleStartMillis) {
        final Path queueDir = ledgerDir.resolve("journal");
        deleteRecursively(queueDir);
        final EngineTime time = new EngineTime(cycleStartMillis);
        try (SingleChronicleQueue queue = JournalQueue.openForWriting(queueDir, JournalRollCycle.DAILY.chronicle(), time);
             ExcerptAppender appender = queue.createAppender()) {
            for (final byte[] payload : payloads) {
                try (DocumentContext dc = appender.writingDocument()) {
                    dc.wire().bytes().write(payload, 0, payload.length);
                }
            }
        }
    }

    /**
     * Re-chains every frame with a plain SHA-256 chain after {@code edit} changed the frames: a forger who knows
     * the format but not the key. Returns the new payloads.
     */
    static List<byte[]> rechain(final List<Doc> docs, final UnaryOperator<List<byte[]>> edit, final byte[] key) {
        return rechain(docs, edit, key, 0);
    }

    /**
     * Like {@link #rechain(List, UnaryOperator, byte[])} but leaves the documents before {@code from} as they were
     * and re-chains from there on, continuing from the chain value the document before holds.
     */
    static List<byte[]> rechain(final List<Doc> docs, final UnaryOperator<List<byte[]>> edit, final byte[] key,
        final int from) {
        final List<byte[]> frames = new ArrayList<>();
        for (final Doc d : docs) {
            frames.add(d.bytes().clone());
        }
        final List<byte[]> edited = edit.apply(frames);
        final ChainHash chain = new ChainHash(key);
        if (from > 0) {
            final byte[] before = edited.get(from - 1);
            chain.set(before, before.length - Frames.TRAILER_LENGTH);
        }
        for (final byte[] doc : edited.subList(from, edited.size())) {
            final UnsafeBuffer b = new UnsafeBuffer(doc);
            int at = 0;
            while (at < doc.length) {
                final int length = b.getInt(at);
                final int content = length - Frames.TRAILER_LENGTH;
                if ((b.getShort(at + Frames.KIND_OFFSET) & 0xFFFF) == Frames.KIND_HEADER) {
                    chain.copyTo(doc, at + Frames.HEADER_PREVIOUS_CHAIN_OFFSET);
                }
                chain.advance(doc, at, content);
                chain.copyTo(doc, at + content);
                at += length;
            }
            fixCrcs(doc);
        }
        return edited;
    }

    /** @return an edit removing document {@code k} and renumbering the COMMAND and COMMIT frames after it. */
    static UnaryOperator<List<byte[]>> dropRecord(final int k) {
        return docs -> {
            final List<byte[]> out = new ArrayList<>();
            for (int i = 0; i < docs.size(); i++) {
                if (i == k) {
                    continue;
                }
                final byte[] doc = docs.get(i);
                final UnsafeBuffer b = new UnsafeBuffer(doc);
                final int kind = b.getShort(Frames.KIND_OFFSET) & 0xFFFF;
                if (i > k && kind == Frames.KIND_COMMAND) {
                    b.putLong(Frames.COMMAND_SEQUENCE_OFFSET, b.getLong(Frames.COMMAND_SEQUENCE_OFFSET) - 1);
                } else if (i > k && kind == Frames.KIND_COMMIT) {
                    b.putLong(Frames.COMMIT_FIRST_SEQUENCE_OFFSET, b.getLong(Frames.COMMIT_FIRST_SEQUENCE_OFFSET) - 1);
                }
                out.add(doc);
            }
            return out;
        };
    }

    /** @return {@link #dropRecord} that also marks the HEADERs as plain SHA-256, as a forger without the key would. */
    static UnaryOperator<List<byte[]>> stripKey(final int k) {
        return docs -> {
            final List<byte[]> out = dropRecord(k).apply(docs);
            for (final byte[] doc : out) {
                if ((new UnsafeBuffer(doc).getShort(Frames.KIND_OFFSET) & 0xFFFF) == Frames.KIND_HEADER) {
                    doc[Frames.HEADER_ALGORITHM_OFFSET] = Frames.ALGORITHM_SHA256;
                }
            }
            return out;
        };
    }

    /** Gives a COMMAND document another sequence number. */
    static byte[] renumber(final byte[] doc, final long sequence) {
        new UnsafeBuffer(doc).putLong(Frames.COMMAND_SEQUENCE_OFFSET, sequence);
        return doc;
    }

    static void deleteRecursively(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

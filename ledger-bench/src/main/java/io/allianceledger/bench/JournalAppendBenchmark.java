package io.allianceledger.bench;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.PostEntry;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.journal.ChronicleJournal;
import io.allianceledger.journal.DocumentGrouping;
import io.allianceledger.journal.Durability;
import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * The journal's append path alone (no ledger in front), per durability mode and document grouping, beside a plain
 * memory-mapped file receiving the same bytes in the same run (the ceiling). Every benchmark appends batches of
 * {@value #BATCH} commands, each a two-leg transfer of 88 bytes that the journal frames into
 * {@value #COMMAND_FRAME} bytes (sequence, timestamp, SHA-256 chain, CRC32C), and ends each batch as the pipeline
 * does ({@code endOfBatch}: a {@value #COMMIT_FRAME}-byte COMMIT frame and, under {@code SYNC_PER_BATCH}, an
 * {@code fdatasync}). Scores are commands per second. {@code docs/operations.md} quotes this benchmark.
 * <p>
 * Files go to the temporary directory, or under {@code -Dledger.bench.dir}, and are deleted after each fork.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JournalAppendBenchmark {
    /** Commands per batch: a moderately loaded pipeline's Disruptor batch. */
    public static final int BATCH = 16;
    /** Bytes of the journal's COMMAND frame around an 88-byte command. */
    static final int COMMAND_FRAME = 160;
    /** Bytes of the journal's COMMIT frame that ends a batch. */
    static final int COMMIT_FRAME = 64;

    /** A Chronicle journal on a fresh directory. */
    @State(Scope.Thread)
    public static class JournalState {
        /** What a batch waits for. */
        @Param({"PAGE_CACHE", "SYNC_PER_BATCH"})
        public Durability durability;
        /** One Chronicle document per batch, or one per command. */
        @Param({"PER_BATCH", "PER_COMMAND"})
        public DocumentGrouping grouping;

        Path dir;
        ChronicleJournal journal;
        final UnsafeBuffer command = new UnsafeBuffer(new byte[128]);
        int length;
        long sequence;
        long timestamp = 1_800_000_000_000_000_000L;

        /** Opens the journal. */
        @Setup(Level.Trial)
        public void open() {
            dir = Journals.freshDirectory("journal-append-");
            journal = ChronicleJournal.open(Journals.config(dir, durability, grouping));
            journal.recover(StateMachine::new);
            length = PostEntry.transfer(new CommandId(Machines.ID_HIGH, 1), Machines.accountId(1), Machines.accountId(2),
                125).encode(command, 0);
        }

        /** Closes and deletes it. */
        @TearDown(Level.Trial)
        public void close() {
            journal.close();
            Journals.delete(dir);
        }
    }

    /**
     * A plain file mapped in 64 MiB regions and filled with the journal's bytes: no framing work, no checksum, no
     * chain, no Chronicle. Like the journal it writes fresh pages; to bound the disk it uses, the file is truncated
     * to nothing after each GiB and filled again.
     */
    @State(Scope.Thread)
    public static class MappedState {
        static final long REGION = 64L << 20;
        static final long LIMIT = 1L << 30;
        Path dir;
        FileChannel channel;
        MappedByteBuffer mapped;
        final UnsafeBuffer region = new UnsafeBuffer(0, 0);
        final UnsafeBuffer commandFrame = new UnsafeBuffer(new byte[COMMAND_FRAME]);
        final UnsafeBuffer commitFrame = new UnsafeBuffer(new byte[COMMIT_FRAME]);
        long regionStart;
        int position;
        int batchStart;

        /** Creates and maps the file. */
        @Setup(Level.Trial)
        public void open() throws IOException {
            dir = Journals.freshDirectory("mapped-append-");
            channel = FileChannel.open(dir.resolve("plain.dat"), StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
            for (int i = 0; i < COMMAND_FRAME; i++) {
                commandFrame.putByte(i, (byte)(i * 31 + 7));
            }
            for (int i = 0; i < COMMIT_FRAME; i++) {
                commitFrame.putByte(i, (byte)(i * 17 + 3));
            }
            map(0);
        }

        void map(final long start) throws IOException {
            if (mapped != null) {
                IoUtil.unmap(mapped);
            }
            long at = start;
            if (at >= LIMIT) {
                channel.truncate(0);
                at = 0;
            }
            regionStart = at;
            mapped = channel.map(FileChannel.MapMode.READ_WRITE, at, REGION);
            region.wrap(mapped);
            position = 0;
        }

        void append(final UnsafeBuffer frame, final int length) {
            if (position + length > REGION) {
                try {
                    map(regionStart + REGION);
                } catch (final IOException e) {
                    throw new UncheckedIOException(e);
                }
                batchStart = 0;
            }
            region.putBytes(position, frame, 0, length);
            position += length;
        }

        /** Unmaps and deletes the file. */
        @TearDown(Level.Trial)
        public void close() throws IOException {
            IoUtil.unmap(mapped);
            channel.close();
            Journals.delete(dir);
        }
    }

    /**
     * The journal: {@value #BATCH} {@code append}s, then {@code endOfBatch}. Parameters: durability and grouping.
     *
     * @param s the journal.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void journal(final JournalState s) {
        for (int i = 0; i < BATCH; i++) {
            s.journal.append(s.sequence++, s.timestamp += 1_000, s.command, 0, s.length);
        }
        s.journal.endOfBatch();
    }

    /**
     * The ceiling for {@code PAGE_CACHE}: the same bytes per batch ({@value #BATCH} command frames and a commit
     * frame) copied into a memory-mapped file, nothing else.
     *
     * @param s the file.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainMappedFile(final MappedState s) {
        for (int i = 0; i < BATCH; i++) {
            s.append(s.commandFrame, COMMAND_FRAME);
        }
        s.append(s.commitFrame, COMMIT_FRAME);
    }

    /**
     * The ceiling for {@code SYNC_PER_BATCH}: the plain mapped append, then {@code msync} of the batch's pages
     * ({@link MappedByteBuffer#force(int, int)}) once per batch.
     *
     * @param s the file.
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void plainMappedFileForcedPerBatch(final MappedState s) {
        s.batchStart = s.position;
        for (int i = 0; i < BATCH; i++) {
            s.append(s.commandFrame, COMMAND_FRAME);
        }
        s.append(s.commitFrame, COMMIT_FRAME);
        s.mapped.force(s.batchStart, s.position - s.batchStart);
    }
}

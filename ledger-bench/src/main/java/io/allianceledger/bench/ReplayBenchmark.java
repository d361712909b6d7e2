package io.allianceledger.bench;

import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.journal.ChronicleJournal;
import io.allianceledger.journal.DocumentGrouping;
import io.allianceledger.journal.Durability;
import io.allianceledger.journal.JournalReader;
import io.allianceledger.journal.ScanReport;
import io.allianceledger.ledger.Journal;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.WaitMode;
import org.agrona.ExpandableArrayBuffer;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Replay: commands per second read back from an existing journal and applied. The journal is written once per
 * fork through a real ledger (Chronicle journal, {@code PAGE_CACHE}, batches as the pipeline made them): an asset,
 * {@value #ACCOUNTS} accounts and {@value #TRANSFERS} two-leg transfers, {@value #COMMANDS} commands in all.
 * Single shot: each iteration replays all of them into a fresh state machine and the score is time per command.
 * <ul>
 * <li>{@code recover}: what a restart does, {@code ChronicleJournal.open} then {@code recover} (no snapshot):
 * read, verify (CRC32C, SHA-256 chain, sequences) and apply every command.</li>
 * <li>{@code replayInto}: the read-only replay of {@code JournalReader.replayInto} (audits, point-in-time).</li>
 * <li>{@code verifyOnly}: {@code JournalReader.verify}: read and verify, nothing applied (the reading half).</li>
 * <li>{@code applyFromMemory}: the same commands and timestamps applied from memory (the applying half: the
 * ceiling set by the state machine).</li>
 * <li>{@code readFilesOnly}: the journal's files read from the page cache and summed, nothing decoded (the ceiling
 * set by reading the same bytes).</li>
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 1, batchSize = 1)
@Measurement(iterations = 4, batchSize = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class ReplayBenchmark {
    static final int ACCOUNTS = 1_000;
    static final int TRANSFERS = 1 << 20;
    /** Every journaled command: the asset, the accounts and the transfers. */
    static final int COMMANDS = 1 + ACCOUNTS + TRANSFERS;

    /** A journal of {@value #COMMANDS} commands, and the same commands in memory. */
    @State(Scope.Benchmark)
    public static class Journaled {
        /** Transfers written; the smoke test makes it small. */
        int transfers = TRANSFERS;
        Path dir;
        final ExpandableArrayBuffer commands = new ExpandableArrayBuffer(1 << 20);
        int[] offsets;
        int[] lengths;
        long[] timestamps;
        int count;

        /** Writes the journal through a ledger, then reads the commands back into memory. */
        @Setup(Level.Trial)
        public void write() {
            dir = Journals.freshDirectory("replay-");
            try (Ledger ledger = Ledgers.open(Journals.open("PAGE_CACHE", dir), WaitMode.SLEEPING, ACCOUNTS)) {
                final HostBatches host = new HostBatches(Ledgers.accountIds(ACCOUNTS), 256);
                for (int i = 0; i < transfers / 256; i++) {
                    host.submitBatch(ledger);
                }
                host.drain();
            }
            final int expected = 1 + ACCOUNTS + transfers / 256 * 256;
            offsets = new int[expected];
            lengths = new int[expected];
            timestamps = new long[expected];
            final int[] at = {0};
            count = 0;
            final ScanReport report = JournalReader.open(dir).replay(0, Long.MAX_VALUE, (seq, ts, buffer, offset, length) -> {
                commands.putBytes(at[0], buffer, offset, length);
                offsets[count] = at[0];
                lengths[count] = length;
                timestamps[count] = ts;
                at[0] += length;
                count++;
                return true;
            });
            if (report.records() != expected || count != expected) {
                throw new IllegalStateException("journal holds " + report.records() + " records, expected " + expected);
            }
        }

        /** Deletes the journal. */
        @TearDown(Level.Trial)
        public void delete() {
            Journals.delete(dir);
        }

        long expected() {
            return count;
        }
    }

    static StateMachine fresh() {
        return new StateMachine(1024, StateMachine.DEFAULT_MAX_ACCOUNTS);
    }

    /**
     * A restart: open the journal, recover (read, verify, apply all), close.
     *
     * @param j the journal.
     * @return commands applied.
     */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long recover(final Journaled j) {
        final ChronicleJournal journal = ChronicleJournal.open(Journals.config(j.dir, Durability.PAGE_CACHE,
            DocumentGrouping.PER_BATCH));
        try {
            final Journal.Recovered r = journal.recover(ReplayBenchmark::fresh);
            return check(j, r.machine().commandCount());
        } finally {
            journal.close();
        }
    }

    /**
     * The read-only replay into a fresh state machine.
     *
     * @param j the journal.
     * @return commands applied.
     */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long replayInto(final Journaled j) {
        final StateMachine machine = fresh();
        JournalReader.open(j.dir).replayInto(machine, Long.MAX_VALUE);
        return check(j, machine.commandCount());
    }

    /**
     * Reading and verifying only.
     *
     * @param j the journal.
     * @return records read.
     */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long verifyOnly(final Journaled j) {
        return check(j, JournalReader.open(j.dir).verify().records());
    }

    /**
     * Applying only: the journal's commands, with their timestamps, from memory into a fresh state machine.
     *
     * @param j the commands.
     * @return commands applied.
     */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long applyFromMemory(final Journaled j) {
        final StateMachine machine = fresh();
        final CommandResult result = new CommandResult();
        for (int i = 0; i < j.count; i++) {
            machine.apply(j.commands, j.offsets[i], j.lengths[i], j.timestamps[i], result);
            if (result.code() != ResultCode.CREATED) {
                throw new IllegalStateException("command " + i + " was " + result.code() + " on replay");
            }
        }
        return check(j, machine.commandCount());
    }

    /**
     * Reading the journal's bytes only: every file under the journal directory mapped and summed 8 bytes at a time.
     *
     * @param j the journal.
     * @return the sum, so nothing is dead code.
     * @throws IOException if a file cannot be read.
     */
    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long readFilesOnly(final Journaled j) throws IOException {
        long sum = 0;
        final List<Path> files;
        try (Stream<Path> walk = Files.walk(j.dir.resolve("journal"))) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        final UnsafeBuffer view = new UnsafeBuffer(0, 0);
        for (final Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                final long size = channel.size();
                for (long at = 0; at < size; at += Integer.MAX_VALUE / 2) {
                    final long length = Math.min(size - at, Integer.MAX_VALUE / 2);
                    final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, at, length);
                    view.wrap(mapped);
                    final int n = (int)length & ~7;
                    for (int i = 0; i < n; i += 8) {
                        sum += view.getLong(i);
                    }
                    IoUtil.unmap(mapped);
                }
            }
        }
        return sum;
    }

    private static long check(final Journaled j, final long n) {
        if (n != j.expected()) {
            throw new IllegalStateException("replayed " + n + " commands, expected " + j.expected());
        }
        return n;
    }

}

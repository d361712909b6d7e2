package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.LinkedBatch;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.LedgerConfig;
import io.allianceledger.ledger.Result;
import org.agrona.concurrent.EpochNanoClock;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The process {@link CrashTest} kills: opens the ledger directory, then submits commands until it is killed,
 * appending one line per acknowledged command to an ack file (flushed to the OS after each line, which a
 * SIGKILL does not lose) and, before submitting a linked batch, a line naming its items.
 * <p>
 * Arguments: directory, ack file, seed, run number, grouping, durability.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(final String[] args) throws Exception {
        final Path dir = Path.of(args[0]);
        final Path acks = Path.of(args[1]);
        final long seed = Long.parseLong(args[2]);
        final long run = Long.parseLong(args[3]);
        final DocumentGrouping grouping = DocumentGrouping.valueOf(args[4]);
        final Durability durability = Durability.valueOf(args[5]);
        final SplittableRandom random = new SplittableRandom(seed);

        final ChronicleJournal journal = ChronicleJournal.open(CrashTest.config(dir, grouping, durability));
        final AcceleratedClock clock = new AcceleratedClock();
        final Ledger ledger = Ledger.open(LedgerConfig.builder().journal(journal).clock(clock)
            .initialAccounts(64).maxAccounts(Fixtures.MAX_ACCOUNTS).build());
        clock.startAfter(journal.recoveryReport().scan().lastTimestamp());
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(new FileOutputStream(acks.toFile(), true),
            StandardCharsets.US_ASCII))) {
            final Ack ack = new Ack(out);
            if (run == 1) {
                for (final Command c : Workload.setup()) {
                    ack.record(c, ledger.execute(c));
                }
            }
            System.out.println("READY");
            System.out.flush();
            final Workload workload = new Workload(seed, run);
            final long journaled = journal.recoveryReport().scan().nextSequence();
            for (long submitted = journaled; submitted < CrashTest.MAX_COMMANDS; ) {
                // Mostly small groups, sometimes a burst, so that kills also land inside large batches.
                final int n = random.nextInt(20) == 0 ? 100 + random.nextInt(200) : 1 + random.nextInt(32);
                final List<Command> group = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    final Command c = workload.next();
                    if (c instanceof LinkedBatch b) {
                        ack.intent(b);
                    }
                    group.add(c);
                }
                final List<CompletableFuture<Result>> futures = ledger.submitAll(group);
                for (int i = 0; i < n; i++) {
                    final Command c = group.get(i);
                    futures.get(i).thenAccept(r -> ack.record(c, r));
                }
                submitted += n;
                if (random.nextInt(50) == 0) {
                    ledger.snapshot();
                }
                Thread.sleep(2 + random.nextInt(8));
            }
            System.out.println("CAP");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Appends ack and intent lines; called from the result thread and the main thread. */
    private static final class Ack {
        private final BufferedWriter out;

        Ack(final BufferedWriter out) {
            this.out = out;
        }

        /** "A sequence idHigh idLow": the command acknowledged at that sequence (a batch by its first item). */
        synchronized void record(final Command c, final Result r) {
            final CommandId id = c instanceof LinkedBatch b ? b.items().get(0).id() : c.id();
            write("A " + r.sequence() + " " + id.high() + " " + id.low() + " " + r.code());
        }

        /** "B idHigh idLow ...": a linked batch about to be submitted, item by item. */
        synchronized void intent(final LinkedBatch b) {
            final StringBuilder sb = new StringBuilder("B");
            for (final Command item : b.items()) {
                sb.append(' ').append(item.id().high()).append(' ').append(item.id().low());
            }
            write(sb.toString());
        }

        private void write(final String line) {
            try {
                out.write(line);
                out.newLine();
                out.flush();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Wall time sped up 600 times (an hour every six seconds), continuing after the journal's last timestamp,
     * so that hourly cycles roll while the test kills the process.
     */
    private static final class AcceleratedClock implements EpochNanoClock {
        private volatile long base = TestClock.START;
        private volatile long origin = System.nanoTime();

        void startAfter(final long lastTimestamp) {
            origin = System.nanoTime();
            base = Math.max(TestClock.START, lastTimestamp);
        }

        @Override
        public long nanoTime() {
            return base + (System.nanoTime() - origin) * 600;
        }
    }
}

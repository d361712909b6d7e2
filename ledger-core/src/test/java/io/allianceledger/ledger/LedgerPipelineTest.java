package io.allianceledger.ledger;

import io.allianceledger.command.AccountFlags;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.LinkedBatch;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.ResultCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pipeline end to end: many publishers, ingress order, exactly-once application, journal before results,
 * fail-stop, back-pressure and close.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LedgerPipelineTest {
    private static final int CNY = 156;
    private static final long SINK = 1;

    private static LedgerConfig.Builder config(final Journal journal) {
        return LedgerConfig.builder().journal(journal).ringSize(256);
    }

    private static void setUp(final Ledger ledger, final int publishers) {
        assertEquals(ResultCode.CREATED, ledger.execute(new DefineAsset(CommandId.of(1), CNY, 2)).code());
        assertEquals(ResultCode.CREATED, ledger.execute(new OpenAccount(CommandId.of(2), SINK, CNY, 0)).code());
        for (int p = 0; p < publishers; p++) {
            assertEquals(ResultCode.CREATED, ledger.execute(new OpenAccount(CommandId.of(3 + p), 100 + p, CNY, 0)).code());
        }
    }

    private static CommandId transferId(final int publisher, final int i) {
        return new CommandId(publisher + 1, i + 1);
    }

    @Test
    void severalPublishersEachCommandAppliedOnceInIngressOrder() throws Exception {
        final int publishers = 4;
        final int perPublisher = 5_000;
        final RecordingJournal journal = new RecordingJournal();
        try (Ledger ledger = Ledger.open(config(journal).build())) {
            setUp(ledger, publishers);
            final long setupCommands = 2 + publishers;
            final List<List<CompletableFuture<Result>>> futures = new ArrayList<>();
            final List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < publishers; p++) {
                final int publisher = p;
                final List<CompletableFuture<Result>> mine = new ArrayList<>();
                futures.add(mine);
                threads.add(new Thread(() -> {
                    int i = 0;
                    while (i < perPublisher) {
                        if (i % 3 == 0 && i + 10 <= perPublisher) {
                            final List<Command> batch = new ArrayList<>();
                            for (int k = 0; k < 10; k++, i++) {
                                batch.add(PostEntry.transfer(transferId(publisher, i), 100 + publisher, SINK, i + 1));
                            }
                            mine.addAll(ledger.submitAll(batch));
                        } else {
                            mine.add(ledger.submit(PostEntry.transfer(transferId(publisher, i), 100 + publisher, SINK, i + 1)));
                            i++;
                        }
                    }
                }, "publisher-" + p));
            }
            threads.forEach(Thread::start);
            for (final Thread t : threads) {
                t.join();
            }
            final boolean[] seen = new boolean[(int)setupCommands + publishers * perPublisher];
            for (int p = 0; p < publishers; p++) {
                long previous = -1;
                for (final CompletableFuture<Result> f : futures.get(p)) {
                    final Result r = f.get(30, TimeUnit.SECONDS);
                    assertEquals(ResultCode.CREATED, r.code());
                    assertTrue(r.sequence() > previous, "a publisher's commands keep their order");
                    previous = r.sequence();
                    assertFalse(seen[(int)r.sequence()], "sequence given twice");
                    seen[(int)r.sequence()] = true;
                }
            }
            for (int s = (int)setupCommands; s < seen.length; s++) {
                assertTrue(seen[s], "sequence " + s + " missing");
            }
            // The journal saw exactly the commands, in sequence order, with strictly increasing timestamps.
            assertEquals(seen.length, journal.entries.size());
            for (int s = 0; s < journal.entries.size(); s++) {
                assertEquals(s, journal.entries.get(s).sequence());
                if (s > 0) {
                    assertTrue(journal.entries.get(s).timestamp() > journal.entries.get(s - 1).timestamp());
                }
            }
            final long expectedPerPublisher = (long)perPublisher * (perPublisher + 1) / 2;
            for (int p = 0; p < publishers; p++) {
                assertEquals(expectedPerPublisher, ledger.account(100 + p).join().orElseThrow().debitsPosted());
            }
            assertEquals(expectedPerPublisher * publishers, ledger.account(SINK).join().orElseThrow().creditsPosted());
            assertEquals(journal.replay().stateHash(), ledger.stateHash().join(), "live state equals a journal replay");
            assertTrue(ledger.findViolation().join().isEmpty());
        }
        assertTrue(journal.closed);
    }

    @Test
    void resultsOfADisruptorBatchWaitForItsEndOfBatch() throws Exception {
        final RecordingJournal journal = new RecordingJournal();
        try (Ledger ledger = Ledger.open(config(journal).build())) {
            setUp(ledger, 1);
            final int before = journal.batches;
            final Result r = ledger.execute(PostEntry.transfer(CommandId.of(50), 100, SINK, 5));
            assertEquals(ResultCode.CREATED, r.code());
            assertTrue(journal.batches > before, "released only after the journal ended the batch");
            assertEquals(r.sequence(), journal.entries.get(journal.entries.size() - 1).sequence());
        }
    }

    @Test
    void queriesSeeEveryEarlierWrite() {
        try (Ledger ledger = Ledger.open(config(Journal.NONE).build())) {
            setUp(ledger, 1);
            for (int i = 0; i < 200; i++) {
                ledger.submit(PostEntry.transfer(CommandId.of(1000 + i), 100, SINK, 1));
                assertEquals(i + 1, ledger.account(SINK).join().orElseThrow().creditsPosted());
            }
            assertEquals(io.allianceledger.engine.EntryStatus.POSTED,
                ledger.entry(CommandId.of(1000)).join().orElseThrow().status());
            assertTrue(ledger.account(424242).join().isEmpty());
        }
    }

    @Test
    void linkedBatchThroughTheApi() {
        try (Ledger ledger = Ledger.open(config(Journal.NONE).build())) {
            setUp(ledger, 1);
            ledger.execute(new OpenAccount(CommandId.of(40), 40, CNY, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS));
            final Result r = ledger.execute(new LinkedBatch(List.of(
                PostEntry.transfer(CommandId.of(41), 100, SINK, 5),
                PostEntry.transfer(CommandId.of(42), 40, SINK, 5))));
            assertEquals(ResultCode.EXCEEDS_CREDITS, r.code());
            assertEquals(List.of(ResultCode.LINKED_EVENT_FAILED, ResultCode.EXCEEDS_CREDITS),
                r.items().stream().map(Result::code).toList());
            assertEquals(0, ledger.account(SINK).join().orElseThrow().creditsPosted());
        }
    }

    @Test
    void aJournalFailureHaltsTheEngineAndNothingAfterItIsAcknowledged() {
        final RecordingJournal journal = new RecordingJournal();
        try (Ledger ledger = Ledger.open(config(journal).build())) {
            setUp(ledger, 1);
            final long failAt = 3 + 5; // setup used 0..2
            journal.failAtSequence = failAt;
            final List<CompletableFuture<Result>> futures = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                futures.add(ledger.submit(PostEntry.transfer(CommandId.of(500 + i), 100, SINK, 1)));
            }
            int acknowledged = 0;
            for (final CompletableFuture<Result> f : futures) {
                try {
                    final Result r = f.join();
                    assertTrue(r.sequence() < failAt, "acknowledged at or after the failure: " + r);
                    acknowledged++;
                } catch (final CompletionException e) {
                    assertInstanceOf(LedgerHaltedException.class, e.getCause());
                }
            }
            assertTrue(acknowledged <= 5);
            for (final RecordingJournal.Entry e : journal.entries.subList(0, 3 + acknowledged)) {
                assertTrue(e.sequence() < failAt);
            }
            assertTrue(ledger.isHalted());
            final CompletableFuture<Result> late = ledger.submit(PostEntry.transfer(CommandId.of(900), 100, SINK, 1));
            final CompletionException e = assertThrows(CompletionException.class, late::join);
            assertInstanceOf(LedgerHaltedException.class, e.getCause());
            assertThrows(LedgerHaltedException.class, () -> ledger.execute(new DefineAsset(CommandId.of(901), 1, 0)));
            assertThrows(CompletionException.class, () -> ledger.account(SINK).join());
        }
    }

    @Test
    void aBugInTheStateMachineHaltsTheEngine() {
        try (Ledger ledger = Ledger.open(config(Journal.NONE).extension(BrokenExtension::new).build())) {
            setUp(ledger, 1);
            final CompletionException e = assertThrows(CompletionException.class,
                () -> ledger.submit(new BrokenExtension.Boom(CommandId.of(77))).join());
            assertInstanceOf(LedgerHaltedException.class, e.getCause());
            assertInstanceOf(ArithmeticException.class, e.getCause().getCause());
            assertTrue(ledger.isHalted());
        }
    }

    @Test
    void aFailingQueryFailsOnlyItself() {
        try (Ledger ledger = Ledger.open(config(Journal.NONE).build())) {
            setUp(ledger, 1);
            final CompletionException e = assertThrows(CompletionException.class,
                () -> ledger.query(m -> { throw new UnsupportedOperationException("nope"); }).join());
            assertInstanceOf(UnsupportedOperationException.class, e.getCause());
            assertFalse(ledger.isHalted());
            assertEquals(ResultCode.CREATED, ledger.execute(PostEntry.transfer(CommandId.of(60), 100, SINK, 1)).code());
        }
    }

    @Test
    void aFullRingRejectsUnderRejectAndNeverDrops() throws Exception {
        final RecordingJournal journal = new RecordingJournal();
        try (Ledger ledger = Ledger.open(config(journal).ringSize(16).backpressure(Backpressure.REJECT).build())) {
            setUp(ledger, 1);
            journal.stall = new CountDownLatch(1);
            final List<CompletableFuture<Result>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                futures.add(ledger.submit(PostEntry.transfer(CommandId.of(700 + i), 100, SINK, 1)));
            }
            journal.stall.countDown();
            int accepted = 0;
            int busy = 0;
            for (final CompletableFuture<Result> f : futures) {
                try {
                    assertEquals(ResultCode.CREATED, f.get(30, TimeUnit.SECONDS).code());
                    accepted++;
                } catch (final java.util.concurrent.ExecutionException e) {
                    assertInstanceOf(LedgerBusyException.class, e.getCause());
                    busy++;
                }
            }
            assertTrue(busy > 0 && accepted > 0, "accepted " + accepted + ", busy " + busy);
            assertEquals(accepted, ledger.account(SINK).join().orElseThrow().creditsPosted(), "every accepted one applied");
        }
    }

    @Test
    void aFullRingBlocksUnderBlock() throws Exception {
        final RecordingJournal journal = new RecordingJournal();
        try (Ledger ledger = Ledger.open(config(journal).ringSize(16).build())) {
            setUp(ledger, 1);
            journal.stall = new CountDownLatch(1);
            final AtomicLong submitted = new AtomicLong();
            final Thread t = new Thread(() -> {
                for (int i = 0; i < 100; i++) {
                    ledger.submit(PostEntry.transfer(CommandId.of(800 + i), 100, SINK, 1));
                    submitted.incrementAndGet();
                }
            });
            t.start();
            Thread.sleep(300);
            assertTrue(submitted.get() < 100, "the submitter waits while the ring is full");
            journal.stall.countDown();
            t.join(30_000);
            assertEquals(100, submitted.get());
            assertEquals(100, ledger.account(SINK).join().orElseThrow().creditsPosted());
        }
    }

    @Test
    void closeDrainsAcceptedCommandsThenRefusesNewOnes() {
        final RecordingJournal journal = new RecordingJournal();
        final Ledger ledger = Ledger.open(config(journal).build());
        setUp(ledger, 1);
        final List<CompletableFuture<Result>> futures = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            futures.add(ledger.submit(PostEntry.transfer(CommandId.of(3000 + i), 100, SINK, 1)));
        }
        ledger.close();
        for (final CompletableFuture<Result> f : futures) {
            assertTrue(f.isDone());
            assertEquals(ResultCode.CREATED, f.join().code());
        }
        assertThrows(IllegalStateException.class, () -> ledger.submit(new DefineAsset(CommandId.of(9), 2, 0)));
        ledger.close();
        assertTrue(journal.closed);
    }

    @Test
    void reopeningRecoversFromTheJournalAndSequencesContinue() {
        final RecordingJournal journal = new RecordingJournal();
        final String hash;
        try (Ledger ledger = Ledger.open(config(journal).build())) {
            setUp(ledger, 1);
            ledger.execute(PostEntry.transfer(CommandId.of(70), 100, SINK, 3));
            hash = ledger.stateHash().join();
        }
        try (Ledger ledger = Ledger.open(config(journal).build())) {
            assertEquals(hash, ledger.stateHash().join());
            // A retry is an input too: it is journaled (sequence 4) and reports the original's timestamp.
            final Result retry = ledger.execute(PostEntry.transfer(CommandId.of(70), 100, SINK, 3));
            assertEquals(ResultCode.EXISTS, retry.code());
            assertEquals(journal.entries.get(3).timestamp(), retry.timestamp());
            assertEquals(4, retry.sequence());
            final Result r = ledger.execute(PostEntry.transfer(CommandId.of(71), 100, SINK, 3));
            assertEquals(5, r.sequence());
            assertTrue(r.timestamp() > journal.entries.get(4).timestamp());
        }
    }

    @Test
    void configIsValidated() {
        assertThrows(IllegalArgumentException.class, () -> LedgerConfig.builder().ringSize(1000).build());
        assertThrows(IllegalArgumentException.class, () -> LedgerConfig.builder().ringSize(8).build());
        assertThrows(IllegalArgumentException.class, () -> LedgerConfig.builder().maxAccounts(0).build());
        assertThrows(NullPointerException.class, () -> LedgerConfig.builder().journal(null).build());
    }

    @Test
    void everyWaitModeRuns() {
        for (final WaitMode mode : WaitMode.values()) {
            try (Ledger ledger = Ledger.open(config(Journal.NONE).waitMode(mode).build())) {
                setUp(ledger, 1);
                assertEquals(ResultCode.CREATED, ledger.execute(PostEntry.transfer(CommandId.of(5), 100, SINK, 1)).code());
            }
        }
    }
}

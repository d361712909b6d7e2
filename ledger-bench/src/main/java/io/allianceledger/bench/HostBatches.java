package io.allianceledger.bench;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.ResultCode;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.Result;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one host thread does in the pipeline benchmarks: builds batches of transfer commands (fresh
 * {@link PostEntry} values with fresh ids, as a host would), submits each with {@code submitAll}, and keeps at most
 * {@link #WINDOW} batches in flight, waiting for the oldest before going on. Every result is checked.
 */
final class HostBatches {
    /** Batches a host keeps in flight. */
    static final int WINDOW = 4;
    private static final AtomicInteger HOSTS = new AtomicInteger();

    private final long idHigh = Machines.ID_HIGH + 1 + HOSTS.incrementAndGet();
    private final ArrayDeque<List<CompletableFuture<Result>>> inFlight = new ArrayDeque<>();
    private final SplittableRandom random = new SplittableRandom(idHigh);
    private final long[] accountIds;
    private final int batchSize;
    private long nextLow = 1;
    private long rejected;
    private ResultCode lastRejection;

    HostBatches(final long[] accountIds, final int batchSize) {
        this.accountIds = accountIds;
        this.batchSize = batchSize;
    }

    /** Submits one batch, first waiting for the oldest if {@link #WINDOW} are in flight. */
    void submitBatch(final Ledger ledger) {
        final List<Command> batch = new ArrayList<>(batchSize);
        final int n = accountIds.length;
        for (int i = 0; i < batchSize; i++) {
            final int debit = random.nextInt(n);
            int credit = random.nextInt(n - 1);
            credit = credit >= debit ? credit + 1 : credit;
            batch.add(PostEntry.transfer(new CommandId(idHigh, nextLow++), accountIds[debit], accountIds[credit],
                1 + random.nextInt(100)));
        }
        if (inFlight.size() == WINDOW) {
            awaitOldest();
        }
        inFlight.addLast(ledger.submitAll(batch));
    }

    private void awaitOldest() {
        for (final CompletableFuture<Result> f : inFlight.removeFirst()) {
            final ResultCode code = f.join().code();
            if (code != ResultCode.CREATED) {
                rejected++;
                lastRejection = code;
            }
        }
    }

    /** Waits for everything in flight and fails if any command was rejected. */
    void drain() {
        while (!inFlight.isEmpty()) {
            awaitOldest();
        }
        if (rejected != 0) {
            throw new IllegalStateException(rejected + " transfers rejected, the last with " + lastRejection);
        }
    }
}

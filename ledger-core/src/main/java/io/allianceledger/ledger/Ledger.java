package io.allianceledger.ledger;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.engine.AccountView;
import io.allianceledger.engine.EntryView;
import io.allianceledger.engine.StateExtension;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.EpochNanoClock;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * An embedded ledger: a single-threaded state machine behind an LMAX Disruptor ring.
 * <p>
 * Any number of host threads submit commands; the engine clock stamps each at ingress, a journal stage and the
 * state machine process it in parallel, and its result is released only after both. Queries travel the same
 * ring, so a query sees every command submitted before it from the same thread.
 * <p>
 * Results complete their futures on the pipeline's result thread; hosts should hand slow work to their own
 * executor (for example with {@code thenApplyAsync}) rather than run it in a dependent stage.
 * <pre>{@code
 * try (Ledger ledger = Ledger.open(LedgerConfig.builder().build())) {
 *     Result r = ledger.execute(new DefineAsset(CommandId.of(1), 156, 2));
 * }
 * }</pre>
 */
public final class Ledger implements AutoCloseable {
    private static final int MAX_CLAIM = 256;

    private final LedgerConfig config;
    private final EpochNanoClock clock;
    private final Disruptor<CommandSlot> disruptor;
    private final RingBuffer<CommandSlot> ring;
    private final FailStop failStop = new FailStop();
    private final AtomicInteger activeSubmitters = new AtomicInteger();
    private volatile boolean closed;

    private Ledger(final LedgerConfig config) {
        this.config = config;
        this.clock = config.clock();
        final Journal journal = config.journal();
        final Journal.Recovered recovered = journal.recover(config::newStateMachine);
        final StateMachine machine = recovered.machine();
        disruptor = new Disruptor<>(CommandSlot::new, config.ringSize(), new StageThreads(),
            ProducerType.MULTI, config.waitMode().newStrategy());
        disruptor.setDefaultExceptionHandler(failStop);
        disruptor.handleEventsWith(
                new Stages.JournalStage(journal, failStop, machine.lastTimestamp(), recovered.nextSequence()),
                new Stages.LogicStage(journal, machine, failStop, machine.lastTimestamp(), recovered.nextSequence()))
            .then(new Stages.ResultStage(failStop));
        ring = disruptor.start();
    }

    /**
     * Opens a ledger: restores its state from the configured journal, then starts the pipeline.
     *
     * @param config validated settings.
     * @return the running ledger; close it to stop its threads and release the journal.
     */
    public static Ledger open(final LedgerConfig config) {
        return new Ledger(Objects.requireNonNull(config, "config"));
    }

    /** @return the settings this ledger was opened with. */
    public LedgerConfig config() {
        return config;
    }

    /**
     * Submits one command.
     *
     * @param command the command; at most {@link CommandLayout#MAX_COMMAND_LENGTH} bytes encoded.
     * @return completes with the result once the command is applied and journaled; fails with
     *     {@link LedgerHaltedException} if the engine halted, or {@link LedgerBusyException} if the ring is full
     *     under {@link Backpressure#REJECT}.
     * @throws IllegalStateException    if the ledger is closed.
     * @throws IllegalArgumentException if the command encodes to more than the slot size.
     */
    public CompletableFuture<Result> submit(final Command command) {
        final int length = checkLength(command);
        final CompletableFuture<Object> future = new CompletableFuture<>();
        enter();
        try {
            final long sequence = claim(1);
            fillCommand(ring.get(sequence), command, length, future);
            ring.publish(sequence);
        } catch (final LedgerHaltedException | LedgerBusyException e) {
            future.completeExceptionally(e);
        } finally {
            activeSubmitters.decrementAndGet();
        }
        return cast(future);
    }

    /**
     * Submits commands in order, claiming ring slots in groups so they travel as few Disruptor batches as
     * possible. Each command is independent; for all-or-nothing use a {@link io.allianceledger.command.LinkedBatch}.
     *
     * @param commands the commands, each within the slot size.
     * @return one future per command, in order.
     */
    public List<CompletableFuture<Result>> submitAll(final List<? extends Command> commands) {
        final int[] lengths = new int[commands.size()];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = checkLength(commands.get(i));
        }
        final List<CompletableFuture<Result>> futures = new ArrayList<>(commands.size());
        enter();
        try {
            int next = 0;
            while (next < lengths.length) {
                final int n = Math.min(Math.min(MAX_CLAIM, config.ringSize()), lengths.length - next);
                final long high;
                try {
                    high = claim(n);
                } catch (final LedgerHaltedException | LedgerBusyException e) {
                    for (; next < lengths.length; next++) {
                        futures.add(CompletableFuture.failedFuture(e));
                    }
                    break;
                }
                final long low = high - n + 1;
                for (long s = low; s <= high; s++, next++) {
                    final CompletableFuture<Object> future = new CompletableFuture<>();
                    fillCommand(ring.get(s), commands.get(next), lengths[next], future);
                    futures.add(cast(future));
                }
                ring.publish(low, high);
            }
        } finally {
            activeSubmitters.decrementAndGet();
        }
        return futures;
    }

    /**
     * Submits one command and waits for its result.
     *
     * @param command the command.
     * @return its result.
     * @throws LedgerHaltedException if the engine halted.
     * @throws LedgerBusyException   if the ring is full under {@link Backpressure#REJECT}.
     */
    public Result execute(final Command command) {
        return join(submit(command));
    }

    /**
     * @param accountId an account id.
     * @return the account as it is after every command submitted before this call.
     */
    public CompletableFuture<Optional<AccountView>> account(final long accountId) {
        return query(m -> m.account(accountId));
    }

    /**
     * @param id the id of an entry, or of a command that posted or voided one.
     * @return the entry as recorded, or empty.
     */
    public CompletableFuture<Optional<EntryView>> entry(final CommandId id) {
        return query(m -> m.entry(id));
    }

    /**
     * @param operationId the id of an operation of the domain extension.
     * @return the entries it generated, in order.
     */
    public CompletableFuture<List<EntryView>> entries(final CommandId operationId) {
        return query(m -> m.entries(operationId));
    }

    /**
     * Runs a read-only query against the domain extension on the engine thread, in ring order (so it sees every
     * command submitted before it from the same thread). The function must only read; domains wrap this in typed
     * query methods (e.g. {@code io.allianceledger.alliance.AllianceQueries}).
     *
     * @param query reads the extension; receives null if the ledger has none.
     * @param <R>   the answer's type.
     * @return completes with the answer, or exceptionally with what the query threw.
     */
    public <R> CompletableFuture<R> queryExtension(final Function<? super StateExtension, ? extends R> query) {
        Objects.requireNonNull(query, "query");
        return query(m -> query.apply(m.extension()));
    }

    /** @return the state hash after every command submitted before this call; see {@link StateMachine#stateHash()}. */
    public CompletableFuture<String> stateHash() {
        return query(StateMachine::stateHash);
    }

    /** @return empty if every invariant holds now, else the first violation; O(state), for checks and audits. */
    public CompletableFuture<Optional<String>> findViolation() {
        return query(StateMachine::findViolation);
    }

    /**
     * Asks the journal for a snapshot of the state after every command submitted before this call.
     *
     * @return completes with the number of commands the snapshot reflects; fails if the journal takes no
     *     snapshots or could not write it (the engine carries on either way).
     */
    public CompletableFuture<Long> snapshot() {
        return publishQuery(CommandSlot.SNAPSHOT, null);
    }

    /**
     * Runs a read-only function on the engine thread, in ring order. Package access: the function sees the live
     * state machine and must not change it.
     */
    <R> CompletableFuture<R> query(final Function<StateMachine, R> query) {
        return publishQuery(CommandSlot.QUERY, query);
    }

    private <R> CompletableFuture<R> publishQuery(final int kind, final Function<StateMachine, ?> query) {
        final CompletableFuture<Object> future = new CompletableFuture<>();
        enter();
        try {
            final long sequence = claim(1);
            final CommandSlot slot = ring.get(sequence);
            slot.kind = kind;
            slot.query = query;
            slot.future = future;
            ring.publish(sequence);
        } catch (final LedgerHaltedException | LedgerBusyException e) {
            future.completeExceptionally(e);
        } finally {
            activeSubmitters.decrementAndGet();
        }
        return cast(future);
    }

    /**
     * Stops accepting commands, waits until every accepted one has its result, stops the pipeline threads and
     * closes the journal. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        while (activeSubmitters.get() != 0) {
            Thread.onSpinWait();
        }
        try {
            disruptor.shutdown(60, TimeUnit.SECONDS);
        } catch (final TimeoutException e) {
            disruptor.halt();
            throw new IllegalStateException("pipeline did not drain within 60 s; halted", e);
        } finally {
            config.journal().close();
        }
    }

    /** @return true if the engine halted after a failure. */
    public boolean isHalted() {
        return failStop.isHalted();
    }

    private void enter() {
        activeSubmitters.incrementAndGet();
        if (closed) {
            activeSubmitters.decrementAndGet();
            throw new IllegalStateException("the ledger is closed");
        }
    }

    private long claim(final int n) {
        if (failStop.isHalted()) {
            throw failStop.exception();
        }
        int spins = 0;
        while (true) {
            try {
                return ring.tryNext(n);
            } catch (final InsufficientCapacityException e) {
                if (config.backpressure() == Backpressure.REJECT) {
                    throw new LedgerBusyException("the ring is full (" + config.ringSize() + " slots)");
                }
                if (failStop.isHalted()) {
                    throw failStop.exception();
                }
                if (++spins < 100) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.parkNanos(1_000);
                }
            }
        }
    }

    private void fillCommand(
        final CommandSlot slot, final Command command, final int length, final CompletableFuture<Object> future) {
        slot.future = future;
        try {
            slot.length = command.encode(slot.buffer, 0);
            if (slot.length != length) {
                throw new IllegalStateException(command.getClass().getName() + " encoded " + slot.length
                    + " bytes but declared " + length);
            }
            slot.kind = CommandSlot.COMMAND;
            slot.translateFailure = null;
        } catch (final RuntimeException e) {
            // The slot is claimed and must be published; mark it empty so every stage passes over it.
            slot.kind = CommandSlot.EMPTY;
            slot.translateFailure = e;
        }
        slot.ingressTime = clock.nanoTime();
    }

    private static int checkLength(final Command command) {
        Objects.requireNonNull(command, "command");
        final int length = command.encodedLength();
        if (length > CommandLayout.MAX_COMMAND_LENGTH) {
            throw new IllegalArgumentException("command encodes to " + length + " bytes; a ring slot holds "
                + CommandLayout.MAX_COMMAND_LENGTH);
        }
        return length;
    }

    private static Result join(final CompletableFuture<Result> future) {
        try {
            return future.join();
        } catch (final CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> CompletableFuture<T> cast(final CompletableFuture<Object> future) {
        return (CompletableFuture<T>)(CompletableFuture<?>)future;
    }

    private static final class StageThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(final Runnable r) {
            final Thread t = new Thread(r, "ledger-pipeline-" + count.getAndIncrement());
            t.setDaemon(true);
            return t;
        }
    }
}

package io.allianceledger.ledger;

import com.lmax.disruptor.EventHandler;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The three stages of the pipeline. The journal and logic stages run in parallel on the same slots; the
 * result stage follows both.
 * <p>
 * Both parallel stages derive the engine timestamp and sequence of each command from the slot alone, with the
 * same rule, so they agree without talking to each other: timestamp = max(ingress clock reading, previous + 1),
 * sequence = previous + 1. The result stage checks that they did.
 */
final class Stages {
    private Stages() {
    }

    static long stamp(final long ingressTime, final long previous) {
        return Math.max(ingressTime, previous + 1);
    }

    /** Writes commands to the journal and ends each Disruptor batch with {@link Journal#endOfBatch()}. */
    static final class JournalStage implements EventHandler<CommandSlot> {
        private final Journal journal;
        private final FailStop failStop;
        private long lastTimestamp;
        private long nextSequence;
        private long batchStart = -1;

        JournalStage(final Journal journal, final FailStop failStop, final long lastTimestamp, final long nextSequence) {
            this.journal = journal;
            this.failStop = failStop;
            this.lastTimestamp = lastTimestamp;
            this.nextSequence = nextSequence;
        }

        @Override
        public void onEvent(final CommandSlot slot, final long ringSequence, final boolean endOfBatch) {
            if (batchStart < 0) {
                batchStart = ringSequence;
            }
            try {
                if (!failStop.isHalted() && slot.kind == CommandSlot.COMMAND) {
                    final long timestamp = stamp(slot.ingressTime, lastTimestamp);
                    final long sequence = nextSequence;
                    journal.append(sequence, timestamp, slot.buffer, 0, slot.length);
                    lastTimestamp = timestamp;
                    nextSequence = sequence + 1;
                    slot.journalTimestamp = timestamp;
                    slot.journalSequence = sequence;
                }
                if (endOfBatch) {
                    if (!failStop.isHalted()) {
                        journal.endOfBatch();
                    }
                    batchStart = -1;
                }
            } catch (final RuntimeException | Error e) {
                // Nothing of this batch is known durable: withhold every result from its first slot on.
                failStop.halt(e, batchStart);
                batchStart = endOfBatch ? -1 : batchStart;
                throw e;
            }
        }
    }

    /** Applies commands to the state machine and runs queries, in ring order. */
    static final class LogicStage implements EventHandler<CommandSlot> {
        private static final System.Logger LOG = System.getLogger(LogicStage.class.getName());
        private final Journal journal;
        private final long snapshotInterval;
        private final StateMachine machine;
        private final FailStop failStop;
        private long lastTimestamp;
        private long nextSequence;

        LogicStage(final Journal journal, final StateMachine machine, final FailStop failStop,
            final long lastTimestamp, final long nextSequence) {
            this.journal = journal;
            this.snapshotInterval = journal.snapshotInterval();
            this.machine = machine;
            this.failStop = failStop;
            this.lastTimestamp = lastTimestamp;
            this.nextSequence = nextSequence;
        }

        @Override
        public void onEvent(final CommandSlot slot, final long ringSequence, final boolean endOfBatch) {
            if (failStop.isHalted()) {
                return;
            }
            if (slot.kind == CommandSlot.COMMAND) {
                final long timestamp = stamp(slot.ingressTime, lastTimestamp);
                slot.timestamp = timestamp;
                slot.sequence = nextSequence;
                lastTimestamp = timestamp;
                nextSequence++;
                machine.apply(slot.buffer, 0, slot.length, timestamp, slot.result);
                if (snapshotInterval > 0 && nextSequence % snapshotInterval == 0) {
                    try {
                        journal.snapshot(nextSequence, machine);
                    } catch (final RuntimeException e) {
                        LOG.log(System.Logger.Level.WARNING, "scheduled snapshot at sequence " + nextSequence
                            + " failed; recovery will use an older one", e);
                    }
                }
            } else if (slot.kind == CommandSlot.SNAPSHOT) {
                try {
                    journal.snapshot(nextSequence, machine);
                    slot.response = nextSequence;
                    slot.queryFailure = null;
                } catch (final RuntimeException e) {
                    slot.response = null;
                    slot.queryFailure = e;
                }
            } else if (slot.kind == CommandSlot.QUERY) {
                try {
                    slot.response = slot.query.apply(machine);
                    slot.queryFailure = null;
                } catch (final RuntimeException e) {
                    // A failing query is the asker's problem, not the engine's: it changed nothing.
                    slot.response = null;
                    slot.queryFailure = e;
                }
            }
        }
    }

    /** Releases results once both stages are past the slot. */
    static final class ResultStage implements EventHandler<CommandSlot> {
        private final FailStop failStop;

        ResultStage(final FailStop failStop) {
            this.failStop = failStop;
        }

        @Override
        public void onEvent(final CommandSlot slot, final long ringSequence, final boolean endOfBatch) {
            final CompletableFuture<Object> future = slot.future;
            slot.future = null;
            slot.query = null;
            final Object response = slot.response;
            slot.response = null;
            final FailStop.Halt halt = failStop.halt();
            if (halt != null && ringSequence >= halt.ringSequence()) {
                future.completeExceptionally(failStop.exception());
                return;
            }
            switch (slot.kind) {
                case CommandSlot.COMMAND -> {
                    if (slot.journalTimestamp != slot.timestamp || slot.journalSequence != slot.sequence) {
                        final IllegalStateException e = new IllegalStateException("journal and state machine disagree"
                            + " at ring sequence " + ringSequence + ": timestamps " + slot.journalTimestamp + "/"
                            + slot.timestamp + ", sequences " + slot.journalSequence + "/" + slot.sequence);
                        failStop.halt(e, ringSequence);
                        future.completeExceptionally(failStop.exception());
                        return;
                    }
                    future.complete(toResult(slot.result, slot.sequence));
                }
                case CommandSlot.QUERY, CommandSlot.SNAPSHOT -> {
                    if (slot.queryFailure != null) {
                        future.completeExceptionally(slot.queryFailure);
                    } else {
                        future.complete(response);
                    }
                }
                default -> future.completeExceptionally(slot.translateFailure);
            }
        }

        private static Result toResult(final CommandResult r, final long sequence) {
            if (r.itemCount() == 0) {
                return new Result(r.code(), r.timestamp(), sequence, List.of());
            }
            final List<Result> items = new ArrayList<>(r.itemCount());
            for (int i = 0; i < r.itemCount(); i++) {
                items.add(new Result(r.itemCode(i), r.itemTimestamp(i), sequence, List.of()));
            }
            return new Result(r.code(), r.timestamp(), sequence, items);
        }
    }
}

package io.allianceledger.ledger;

import io.allianceledger.engine.StateMachine;
import org.agrona.DirectBuffer;

import java.util.function.Supplier;

/**
 * The journal stage's service provider interface: where the pipeline writes every command before its result
 * is released. {@code ledger-journal} implements it on Chronicle Queue; {@link #NONE} keeps nothing.
 * <p>
 * All methods but {@link #recover} and {@link #close} run on the journal thread, in ring order, in parallel
 * with the state machine applying the same commands. A result is released only after both stages have seen
 * its command, and the journal stage has passed the end of the batch holding it, so with a real journal
 * nothing is acknowledged before it is written.
 */
public interface Journal extends AutoCloseable {
    /** A journal that records nothing: state lives only in memory. */
    Journal NONE = new Journal() {
        @Override
        public Recovered recover(final Supplier<StateMachine> fresh) {
            return new Recovered(fresh.get(), 0);
        }

        @Override
        public void append(final long sequence, final long timestamp, final DirectBuffer buffer, final int offset,
            final int length) {
        }

        @Override
        public void endOfBatch() {
        }

        @Override
        public void close() {
        }
    };

    /**
     * What {@link #recover} restored.
     *
     * @param machine      the state machine with every journaled command applied.
     * @param nextSequence the sequence the next command will get (the number of commands journaled).
     */
    record Recovered(StateMachine machine, long nextSequence) {
    }

    /**
     * Restores the state the journal holds. Called once, before the pipeline starts.
     *
     * @param fresh makes an empty state machine configured for this ledger.
     * @return the restored state and the next sequence.
     */
    Recovered recover(Supplier<StateMachine> fresh);

    /**
     * Writes one command. The bytes are only valid during the call.
     *
     * @param sequence  the command's sequence: 0 for the first command ever journaled, then +1 each.
     * @param timestamp its engine timestamp.
     * @param buffer    holds the command.
     * @param offset    where it starts.
     * @param length    its length.
     */
    void append(long sequence, long timestamp, DirectBuffer buffer, int offset, int length);

    /** Ends a batch: whatever was appended must be as durable as the journal promises when this returns. */
    void endOfBatch();

    /**
     * Takes a snapshot of the state after exactly {@code sequence} commands (sequences 0 to sequence - 1).
     * Called on the logic thread, between two commands, when the host asks for one with
     * {@link Ledger#snapshot()} or every {@link #snapshotInterval()} commands; the pipeline waits while it runs.
     * The machine must only be read. A failure fails the snapshot request, never the engine. Default: none.
     *
     * @param sequence the number of commands the state reflects.
     * @param machine  the live state machine.
     */
    default void snapshot(final long sequence, final StateMachine machine) {
        throw new UnsupportedOperationException("this journal takes no snapshots");
    }

    /** @return take a snapshot whenever this many commands have been applied since sequence 0; 0 for never. */
    default long snapshotInterval() {
        return 0;
    }

    /** Releases files; called after the pipeline has drained. */
    @Override
    void close();
}

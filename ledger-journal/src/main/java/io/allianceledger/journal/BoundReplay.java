package io.allianceledger.journal;

import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import org.agrona.DirectBuffer;

/**
 * Applies journal records to a state machine that already reflects {@code from} commands (restored from a
 * snapshot, or fresh with {@code from} = 0), up to a timestamp. Before applying anything it checks that the
 * journal's record {@code from − 1} has the timestamp the snapshot recorded, i.e. that the snapshot was taken
 * from the history this journal holds and not from a tail later discarded.
 */
final class BoundReplay implements RecordHandler {
    private final StateMachine machine;
    private final long from;
    private final long boundTimestamp;
    private final long toTimestamp;
    private final CommandResult result = new CommandResult();
    private String mismatch;
    private boolean bound;
    private long applied;

    /**
     * @param machine        the state after {@code from} commands.
     * @param from           the first sequence to apply.
     * @param boundTimestamp the timestamp of command {@code from − 1} as the snapshot recorded it.
     * @param toTimestamp    apply records with timestamps up to this, inclusive.
     */
    BoundReplay(final StateMachine machine, final long from, final long boundTimestamp, final long toTimestamp) {
        this.machine = machine;
        this.from = from;
        this.boundTimestamp = boundTimestamp;
        this.toTimestamp = toTimestamp;
        this.bound = from == 0;
    }

    @Override
    public boolean onRecord(final long sequence, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length) {
        if (sequence == from - 1) {
            if (timestamp != boundTimestamp) {
                mismatch = "journal record " + sequence + " has timestamp " + timestamp + " but the snapshot was taken"
                    + " after one at " + boundTimestamp + ": it belongs to a history this journal no longer holds";
                return false;
            }
            bound = true;
        }
        if (sequence < from) {
            return true;
        }
        if (timestamp > toTimestamp) {
            return false;
        }
        if (timestamp <= machine.lastTimestamp()) {
            mismatch = "journal record " + sequence + " (timestamp " + timestamp + ") is not after the snapshot's "
                + machine.lastTimestamp();
            return false;
        }
        // A journal starting exactly at the snapshot (older cycles archived) has no record to bind it to.
        bound = true;
        try {
            machine.apply(buffer, offset, length, timestamp, result);
        } catch (final RuntimeException e) {
            // A defect of the state machine (or its extension), not of the journal: the record verified.
            throw new IllegalStateException("the state machine failed applying journal record " + sequence
                + " (timestamp " + timestamp + "); the journal is intact but cannot be replayed by this code", e);
        }
        applied++;
        return true;
    }

    /** @return why the snapshot does not fit the journal, or null. */
    String mismatch() {
        return mismatch;
    }

    /** @return true once the journal's record {@code from − 1}, or a record after the snapshot, was seen. */
    boolean bound() {
        return bound;
    }

    /** @return records applied. */
    long applied() {
        return applied;
    }
}

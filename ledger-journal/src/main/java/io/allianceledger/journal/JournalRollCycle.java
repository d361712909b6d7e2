package io.allianceledger.journal;

import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;

/**
 * How often the journal starts a new cycle file. A cycle holds at most 2<sup>32</sup>−1 Chronicle documents
 * (one per command, or one per batch with {@link DocumentGrouping#PER_BATCH}); cycles are chosen by the engine
 * timestamp of the records, in UTC. Old cycle files can be archived once a snapshot covers them; see
 * {@code docs/operations.md}.
 */
public enum JournalRollCycle {
    /** A file per hour: for more than about a billion commands a day, or for hourly archiving. */
    HOURLY(RollCycles.FAST_HOURLY),
    /** A file per six hours. */
    SIX_HOURLY(RollCycles.SIX_HOURLY),
    /** A file per day (the default): up to about four billion documents a day. */
    DAILY(RollCycles.FAST_DAILY);

    private final RollCycles chronicle;

    JournalRollCycle(final RollCycles chronicle) {
        this.chronicle = chronicle;
    }

    RollCycle chronicle() {
        return chronicle;
    }

    /** @return the length of one cycle in milliseconds. */
    public long lengthMillis() {
        return chronicle.lengthInMillis();
    }
}

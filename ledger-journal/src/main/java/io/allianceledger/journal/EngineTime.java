package io.allianceledger.journal;

import net.openhft.chronicle.core.time.TimeProvider;

/**
 * The clock Chronicle rolls cycles by: the engine timestamp of the record being written, never earlier than
 * the newest cycle already on disk (the writer raises it to that cycle's start when it opens). Rolling by engine
 * time rather than wall time makes the cycle a record lands in a function of the record, and lets the writer put
 * a HEADER first in every cycle without racing the clock. It never goes backwards.
 */
final class EngineTime implements TimeProvider {
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private volatile long millis;

    /** @param startMillis the initial time, e.g. the start of a cycle; negative values count as 0. */
    EngineTime(final long startMillis) {
        this.millis = Math.max(0, startMillis);
    }

    /** Moves the clock to an engine timestamp in nanoseconds; never backwards. */
    void advanceTo(final long engineNanos) {
        advanceToMillis(Math.floorDiv(engineNanos, NANOS_PER_MILLI));
    }

    /** Moves the clock to a time in milliseconds; never backwards. */
    void advanceToMillis(final long m) {
        if (m > millis) {
            millis = m;
        }
    }

    @Override
    public long currentTimeMillis() {
        return millis;
    }
}

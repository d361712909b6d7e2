package io.allianceledger.cli;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The engine clock of a batch run: it reads the time of the event being submitted, so that engine timestamps
 * follow the business times of the file (made strictly increasing by the pipeline) and a replay of the journal
 * "as of" a time means as of that business time. Set by the one thread that submits.
 */
final class BusinessClock implements EpochNanoClock {
    private volatile long nanos;

    void set(final long epochNanos) {
        nanos = epochNanos;
    }

    @Override
    public long nanoTime() {
        return nanos;
    }
}

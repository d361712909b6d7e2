package io.allianceledger.journal;

import org.agrona.concurrent.EpochNanoClock;

import java.util.concurrent.atomic.AtomicLong;

/** Test fixture: an engine clock that advances a fixed step per reading, so runs are reproducible. */
final class TestClock implements EpochNanoClock {
    /** 2023-11-14T22:13:20Z in nanoseconds. */
    static final long START = 1_700_000_000_000_000_000L;
    private final AtomicLong now;
    private final long step;

    TestClock(final long start, final long step) {
        this.now = new AtomicLong(start);
        this.step = step;
    }

    TestClock() {
        this(START, 1_000);
    }

    @Override
    public long nanoTime() {
        return now.addAndGet(step);
    }

    /** Jumps ahead, e.g. into the next roll cycle. */
    void advance(final long nanos) {
        now.addAndGet(nanos);
    }

    long peek() {
        return now.get();
    }
}

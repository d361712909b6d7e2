package io.allianceledger.ledger;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How the pipeline's threads wait for work: the trade between idle CPU and wake-up latency.
 */
public enum WaitMode {
    /** Condition variable: no CPU while idle, wake-up in tens of microseconds; takes a lock per publish. */
    BLOCKING,
    /** Spin, then yield, then park briefly: little CPU while idle, no locks (the default). */
    SLEEPING,
    /** Spin, then yield: lowest latency short of spinning, uses a core per stage while idle. */
    YIELDING,
    /** Spin: lowest latency, burns a core per stage; only with a core to spare for each. */
    BUSY_SPIN;

    WaitStrategy newStrategy() {
        return switch (this) {
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }
}

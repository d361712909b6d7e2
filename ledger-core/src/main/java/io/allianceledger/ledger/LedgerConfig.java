package io.allianceledger.ledger;

import io.allianceledger.engine.StateExtension;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.SystemEpochNanoClock;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Validated settings of an embedded ledger. Build one with {@link #builder()}; every setting has a default.
 *
 * @param ringSize        slots in the ring: a power of two from 16 to 65536 (default 1024). Each slot holds one
 *                        command of up to {@value io.allianceledger.command.CommandLayout#MAX_COMMAND_LENGTH} bytes.
 * @param waitMode        how pipeline threads wait (default {@link WaitMode#SLEEPING}).
 * @param backpressure    what a submission does when the ring is full (default {@link Backpressure#BLOCK}).
 * @param clock           the wall clock read at ingress, in nanoseconds since the epoch; engine timestamps are its
 *                        readings made strictly increasing in ring order (the next is at least the previous + 1).
 * @param journal         where commands are journaled (default {@link Journal#NONE}).
 * @param initialAccounts accounts to size tables for up front (default 1024).
 * @param maxAccounts     most accounts the ledger accepts (default {@value StateMachine#DEFAULT_MAX_ACCOUNTS}).
 * @param extension       makes the domain extension of each state machine (e.g. the alliance domain), or
 *                        returns null for a plain double-entry ledger (the default).
 */
public record LedgerConfig(
    int ringSize,
    WaitMode waitMode,
    Backpressure backpressure,
    EpochNanoClock clock,
    Journal journal,
    int initialAccounts,
    int maxAccounts,
    Supplier<StateExtension> extension) {

    /** Most slots in a ring. */
    public static final int MAX_RING_SIZE = 1 << 16;

    /** Validates every setting. */
    public LedgerConfig {
        if (ringSize < 16 || ringSize > MAX_RING_SIZE || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two from 16 to " + MAX_RING_SIZE + ": " + ringSize);
        }
        Objects.requireNonNull(waitMode, "waitMode");
        Objects.requireNonNull(backpressure, "backpressure");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(extension, "extension");
        if (maxAccounts < 1 || initialAccounts < 0) {
            throw new IllegalArgumentException("account limits must be positive: initial " + initialAccounts
                + ", max " + maxAccounts);
        }
    }

    /** @return an empty state machine configured as this ledger's: its limits and its extension. */
    public StateMachine newStateMachine() {
        return new StateMachine(initialAccounts, maxAccounts, extension.get());
    }

    /** @return a builder holding the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private int ringSize = 1024;
        private WaitMode waitMode = WaitMode.SLEEPING;
        private Backpressure backpressure = Backpressure.BLOCK;
        private EpochNanoClock clock = new SystemEpochNanoClock();
        private Journal journal = Journal.NONE;
        private int initialAccounts = 1024;
        private int maxAccounts = StateMachine.DEFAULT_MAX_ACCOUNTS;
        private Supplier<StateExtension> extension = () -> null;

        private Builder() {
        }

        /** @param value ring slots, a power of two. @return this builder. */
        public Builder ringSize(final int value) {
            ringSize = value;
            return this;
        }

        /** @param value how pipeline threads wait. @return this builder. */
        public Builder waitMode(final WaitMode value) {
            waitMode = value;
            return this;
        }

        /** @param value what a full ring does to a submission. @return this builder. */
        public Builder backpressure(final Backpressure value) {
            backpressure = value;
            return this;
        }

        /** @param value the ingress clock. @return this builder. */
        public Builder clock(final EpochNanoClock value) {
            clock = value;
            return this;
        }

        /** @param value the journal. @return this builder. */
        public Builder journal(final Journal value) {
            journal = value;
            return this;
        }

        /** @param value accounts to size tables for. @return this builder. */
        public Builder initialAccounts(final int value) {
            initialAccounts = value;
            return this;
        }

        /** @param value the account limit. @return this builder. */
        public Builder maxAccounts(final int value) {
            maxAccounts = value;
            return this;
        }

        /** @param value makes each state machine's extension. @return this builder. */
        public Builder extension(final Supplier<StateExtension> value) {
            extension = value;
            return this;
        }

        /** @return the validated configuration. */
        public LedgerConfig build() {
            return new LedgerConfig(ringSize, waitMode, backpressure, clock, journal, initialAccounts, maxAccounts,
                extension);
        }
    }
}

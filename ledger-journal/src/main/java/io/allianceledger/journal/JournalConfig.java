package io.allianceledger.journal;

import io.allianceledger.engine.StateMachine;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Validated settings of a {@link ChronicleJournal}. Build one with {@link #builder(Path, String)}; everything
 * else has a default.
 * <p>
 * The directory holds {@code journal/} (the Chronicle queue: one {@code .cq4} file per cycle and
 * {@code metadata.cq4t}), {@code snapshots/} and a {@code journal.lock} file.
 */
public final class JournalConfig {
    /** Shortest HMAC key accepted: 128 bits. */
    public static final int MIN_KEY_LENGTH = 16;

    private final Path directory;
    private final String ledgerName;
    private final byte[] identity;
    private final Durability durability;
    private final DocumentGrouping grouping;
    private final byte[] hmacKey;
    private final long snapshotInterval;
    private final int snapshotsToKeep;
    private final JournalRollCycle rollCycle;
    private final boolean repair;
    private final int maxAccounts;

    private JournalConfig(final Builder b) {
        directory = Objects.requireNonNull(b.directory, "directory").toAbsolutePath().normalize();
        ledgerName = Objects.requireNonNull(b.ledgerName, "ledgerName");
        identity = ledgerName.getBytes(StandardCharsets.UTF_8);
        if (identity.length < 1 || identity.length > Frames.MAX_IDENTITY_LENGTH) {
            throw new IllegalArgumentException("ledgerName must be 1.." + Frames.MAX_IDENTITY_LENGTH
                + " bytes of UTF-8: '" + ledgerName + "'");
        }
        durability = Objects.requireNonNull(b.durability, "durability");
        grouping = Objects.requireNonNull(b.grouping, "grouping");
        if (b.hmacKey != null && b.hmacKey.length < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("an HMAC key needs at least " + MIN_KEY_LENGTH + " bytes, not "
                + b.hmacKey.length);
        }
        hmacKey = b.hmacKey == null ? null : b.hmacKey.clone();
        if (b.snapshotInterval < 0) {
            throw new IllegalArgumentException("snapshotInterval must be 0 (never) or positive: " + b.snapshotInterval);
        }
        snapshotInterval = b.snapshotInterval;
        if (b.snapshotsToKeep < 1) {
            throw new IllegalArgumentException("snapshotsToKeep must be at least 1: " + b.snapshotsToKeep);
        }
        snapshotsToKeep = b.snapshotsToKeep;
        rollCycle = Objects.requireNonNull(b.rollCycle, "rollCycle");
        repair = b.repair;
        if (b.maxAccounts < 1) {
            throw new IllegalArgumentException("maxAccounts must be positive: " + b.maxAccounts);
        }
        maxAccounts = b.maxAccounts;
    }

    /**
     * @param directory  the ledger's directory; created if missing.
     * @param ledgerName the ledger's identity, 1 to 64 bytes of UTF-8, written into every cycle file and snapshot;
     *                   a journal of another ledger is refused.
     * @return a builder with the defaults.
     */
    public static Builder builder(final Path directory, final String ledgerName) {
        return new Builder(directory, ledgerName);
    }

    /** @return the ledger's directory. */
    public Path directory() {
        return directory;
    }

    /** @return the directory of the Chronicle queue. */
    public Path journalDirectory() {
        return directory.resolve("journal");
    }

    /** @return the directory of snapshot files. */
    public Path snapshotDirectory() {
        return directory.resolve("snapshots");
    }

    /** @return the ledger's identity. */
    public String ledgerName() {
        return ledgerName;
    }

    byte[] identity() {
        return identity.clone();
    }

    /** @return what a batch waits for before its results are released. */
    public Durability durability() {
        return durability;
    }

    /** @return how frames are packed into Chronicle documents. */
    public DocumentGrouping grouping() {
        return grouping;
    }

    /** @return a copy of the HMAC key, or null for a plain SHA-256 chain. */
    public byte[] hmacKey() {
        return hmacKey == null ? null : hmacKey.clone();
    }

    /** @return commands between automatic snapshots; 0 for none. */
    public long snapshotInterval() {
        return snapshotInterval;
    }

    /** @return how many snapshots are kept; older ones are deleted after each new one. */
    public int snapshotsToKeep() {
        return snapshotsToKeep;
    }

    /** @return the roll cycle of new journals (an existing journal keeps the one it was created with). */
    public JournalRollCycle rollCycle() {
        return rollCycle;
    }

    /** @return true if opening may drop everything after a corrupt document instead of failing. */
    public boolean repair() {
        return repair;
    }

    /** @return the account limit; must equal the ledger's {@code LedgerConfig.maxAccounts()}. */
    public int maxAccounts() {
        return maxAccounts;
    }

    @Override
    public String toString() {
        return "JournalConfig[" + directory + ", ledger '" + ledgerName + "', " + durability + ", " + grouping
            + ", " + rollCycle + (hmacKey == null ? "" : ", HMAC") + ", snapshot every " + snapshotInterval
            + ", keep " + snapshotsToKeep + (repair ? ", REPAIR" : "") + "]";
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final Path directory;
        private final String ledgerName;
        private Durability durability = Durability.PAGE_CACHE;
        private DocumentGrouping grouping = DocumentGrouping.PER_BATCH;
        private byte[] hmacKey;
        private long snapshotInterval = 1_000_000;
        private int snapshotsToKeep = 3;
        private JournalRollCycle rollCycle = JournalRollCycle.DAILY;
        private boolean repair;
        private int maxAccounts = StateMachine.DEFAULT_MAX_ACCOUNTS;

        private Builder(final Path directory, final String ledgerName) {
            this.directory = directory;
            this.ledgerName = ledgerName;
        }

        /** @param value what a batch waits for (default {@link Durability#PAGE_CACHE}). @return this builder. */
        public Builder durability(final Durability value) {
            durability = value;
            return this;
        }

        /** @param value document packing (default {@link DocumentGrouping#PER_BATCH}). @return this builder. */
        public Builder grouping(final DocumentGrouping value) {
            grouping = value;
            return this;
        }

        /**
         * @param value a secret of at least {@value #MIN_KEY_LENGTH} bytes turning the chain and snapshot
         *              checksums into HMAC-SHA256, or null (the default) for none. Copied.
         * @return this builder.
         */
        public Builder hmacKey(final byte[] value) {
            hmacKey = value == null ? null : value.clone();
            return this;
        }

        /** @param value commands between automatic snapshots, 0 for none (default 1,000,000). @return this builder. */
        public Builder snapshotInterval(final long value) {
            snapshotInterval = value;
            return this;
        }

        /** @param value snapshots to keep, at least 1 (default 3). @return this builder. */
        public Builder snapshotsToKeep(final int value) {
            snapshotsToKeep = value;
            return this;
        }

        /** @param value the roll cycle of a new journal (default {@link JournalRollCycle#DAILY}). @return this builder. */
        public Builder rollCycle(final JournalRollCycle value) {
            rollCycle = value;
            return this;
        }

        /**
         * @param value true to let opening void everything from the first corrupt document on, with a warning and
         *              a {@link RecoveryReport} listing what was dropped, instead of failing (default false).
         *              Dropped records may include acknowledged ones: an operator's decision.
         * @return this builder.
         */
        public Builder repair(final boolean value) {
            repair = value;
            return this;
        }

        /**
         * @param value the account limit (default {@link StateMachine#DEFAULT_MAX_ACCOUNTS}); must equal the
         *              ledger's {@code LedgerConfig.maxAccounts()}. It is recorded in every cycle HEADER and fixed
         *              for the journal's life, because replaying under another limit could change results.
         * @return this builder.
         */
        public Builder maxAccounts(final int value) {
            maxAccounts = value;
            return this;
        }

        /** @return the validated configuration. */
        public JournalConfig build() {
            return new JournalConfig(this);
        }
    }
}

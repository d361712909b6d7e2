package io.allianceledger.cli;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.AllianceQueries;
import io.allianceledger.command.Command;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.journal.ChronicleJournal;
import io.allianceledger.journal.JournalConfig;
import io.allianceledger.journal.JournalException;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.LedgerConfig;
import io.allianceledger.ledger.Result;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * A ledger directory as the CLI sees it: the journal (Chronicle Queue files and snapshots, see
 * docs/journal-format.md) plus {@code ledger.properties}, which names the ledger and its operator.
 * Opening one restores the state from the journal and starts the embedded engine, exactly as a host would.
 */
final class LedgerHome implements AutoCloseable {
    static final String PROPERTIES = "ledger.properties";

    private final Path directory;
    private final String name;
    private final String operator;
    private final BusinessClock clock = new BusinessClock();
    private final Ledger ledger;
    private final AllianceQueries queries;

    private LedgerHome(final Path directory, final String name, final String operator) {
        this.directory = directory;
        this.name = name;
        this.operator = operator;
        final ChronicleJournal journal;
        try {
            journal = ChronicleJournal.open(JournalConfig.builder(directory, name).build());
        } catch (final JournalException e) {
            throw new LedgerFilesException("cannot open the journal in " + directory + ": " + e.getMessage(), e);
        }
        ledger = Ledger.open(LedgerConfig.builder().journal(journal).clock(clock).extension(AllianceDomain::new).build());
        queries = new AllianceQueries(ledger);
    }

    /** Creates a new ledger directory; refuses one that already holds a ledger. */
    static LedgerHome create(final Path directory, final String name, final String operator) {
        if (Files.exists(directory.resolve(PROPERTIES))) {
            throw new UserError(directory + " already holds a ledger");
        }
        try {
            Files.createDirectories(directory);
            if (Files.list(directory).findAny().isPresent()) {
                throw new UserError(directory + " is not empty; init needs a new or empty directory");
            }
            final Properties p = new Properties();
            p.setProperty("name", name);
            p.setProperty("operator", operator);
            try (OutputStream out = Files.newOutputStream(directory.resolve(PROPERTIES))) {
                p.store(out, "Alliance Ledger directory");
            }
        } catch (final IOException e) {
            throw new UserError("cannot create " + directory + ": " + e.getMessage(), e);
        }
        return new LedgerHome(directory, name, operator);
    }

    /** Opens an existing ledger directory. */
    static LedgerHome open(final Path directory) {
        final Properties p = properties(directory);
        return new LedgerHome(directory, p.getProperty("name"), p.getProperty("operator"));
    }

    static Properties properties(final Path directory) {
        final Path file = directory.resolve(PROPERTIES);
        if (!Files.isRegularFile(file)) {
            throw new UserError(directory + " is not a ledger directory (no " + PROPERTIES + "); create one with ledger init");
        }
        final Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (final IOException e) {
            throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (p.getProperty("name") == null || p.getProperty("operator") == null) {
            throw new UserError(file + " lacks name or operator");
        }
        return p;
    }

    /** @return a factory of state machines configured like this CLI's ledgers, for read-only replays. */
    static Supplier<StateMachine> machines() {
        return () -> LedgerConfig.builder().extension(AllianceDomain::new).build().newStateMachine();
    }

    Path directory() {
        return directory;
    }

    String name() {
        return name;
    }

    String operator() {
        return operator;
    }

    Ledger ledger() {
        return ledger;
    }

    AllianceQueries queries() {
        return queries;
    }

    BusinessClock clock() {
        return clock;
    }

    /**
     * Submits a command stamped at a business time and waits for its result.
     *
     * @param epochNanos the engine clock reading to use (0 to keep the ledger's current time).
     */
    Result execute(final long epochNanos, final Command command) {
        clock.set(epochNanos);
        return ledger.execute(command);
    }

    @Override
    public void close() {
        ledger.close();
    }

    /** The journal or engine failed, not the user's input. */
    static final class LedgerFilesException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LedgerFilesException(final String message, final Throwable cause) {
            super(message, cause);
        }
    }
}

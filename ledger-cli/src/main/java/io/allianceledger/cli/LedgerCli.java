package io.allianceledger.cli;

import io.allianceledger.journal.JournalException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * The {@code ledger} command: the nightly clearing batch over the same public API a host embeds. Each
 * sub-command is a thin wrapper: it parses files, submits typed commands, asks typed queries and writes files;
 * every business rule is the ledger's. Exit codes are in {@link ExitCodes} and docs/cli.md.
 */
@Command(name = "ledger", mixinStandardHelpOptions = true, versionProvider = LedgerCli.Version.class,
    description = "Alliance Ledger: post the day's events, expire points, close clearing cycles, reconcile channel "
        + "bills and audit the journal of a ledger directory.",
    subcommands = {DemoCommand.class, SimulateCommand.class, InitCommand.class, RulesCommand.class, PostCommand.class, ExpireCommand.class, ClearCommand.class, ReconcileCommand.class,
        AuditCommand.class, BalanceCommand.class, PointsCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success, nothing needs a person", "1:a verification needs a person (audit violations, "
        + "reconciliation differences, rejected event lines)", "2:unusable arguments or input; nothing changed",
        "3:the ledger's files or engine failed"})
public final class LedgerCli {
    private LedgerCli() {
    }

    /**
     * Runs the CLI and exits with its code.
     *
     * @param args the command line.
     */
    public static void main(final String[] args) {
        quietLogs();
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs the CLI without exiting, for tests.
     *
     * @param args the command line.
     * @param out  standard output.
     * @param err  standard error.
     * @return the exit code.
     */
    static int run(final String[] args, final PrintWriter out, final PrintWriter err) {
        final CommandLine cli = new CommandLine(new LedgerCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("ledger: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
            err.println("Run 'ledger " + (e.getCommandLine().getCommandName().equals("ledger") ? ""
                : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return ExitCodes.BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof UserError) {
                err.println("ledger " + c.getCommandName() + ": " + e.getMessage());
                return ExitCodes.BAD_INPUT;
            }
            if (e instanceof LedgerHome.LedgerFilesException || e instanceof JournalException) {
                err.println("ledger " + c.getCommandName() + ": " + e.getMessage());
                return ExitCodes.FAILURE;
            }
            err.println("ledger " + c.getCommandName() + ": failed: " + e);
            e.printStackTrace(err);
            return ExitCodes.FAILURE;
        });
        try {
            return cli.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** The CLI speaks for itself: libraries log warnings and errors only (to stderr). */
    static void quietLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        java.util.logging.Logger.getLogger("io.allianceledger").setLevel(java.util.logging.Level.WARNING);
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    /** Reports the version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = LedgerCli.class.getPackage().getImplementationVersion();
            return new String[] {"ledger " + (v == null ? "0.1.0-SNAPSHOT" : v) + " (Java " + Runtime.version() + ")"};
        }
    }
}

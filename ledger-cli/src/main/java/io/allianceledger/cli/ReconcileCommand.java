package io.allianceledger.cli;

import io.allianceledger.cli.events.Amounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;

/**
 * {@code ledger reconcile DIR --channel NAME --file bill.csv --out report.csv}: matches a payment channel's bill
 * against the ledger's sales and refunds through that channel, by channel transaction id.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true,
    description = "Match a channel's bill (CSV with header channel_txn_id,amount,time; refunds as their own "
        + "transactions with negative amounts) against the ledger's sales and refunds through that channel over the "
        + "local days the bill covers (or --from/--to). Writes one row per transaction: MATCHED, MISSING_IN_LEDGER, "
        + "MISSING_IN_BILL or AMOUNT_DIFFERS. Exit 1 if anything differs.")
final class ReconcileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory.")
    Path directory;

    @Option(names = "--channel", required = true, paramLabel = "NAME", description = "The channel's code.")
    String channel;

    @Option(names = "--file", required = true, paramLabel = "BILL", description = "The channel's bill (CSV, UTF-8).")
    Path bill;

    @Option(names = "--out", required = true, paramLabel = "REPORT", description = "The report to write (CSV).")
    Path report;

    @Option(names = "--from", paramLabel = "TIME", description = "Start of the period (inclusive); default: "
        + "local midnight of the bill's first day.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the period (exclusive); default: local "
        + "midnight after the bill's last day.")
    String to;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        final Reconciliation.Bill lines = Reconciliation.readBill(bill);
        final Path parent = report.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new UserError("cannot write the report " + report + ": its directory is missing or not writable");
        }
        final Reconciliation result;
        try (LedgerHome home = LedgerHome.open(directory)) {
            Reconciliation.requireChannel(home, channel);
            final ZoneId zone = ClearCommand.zone(home);
            final long start = bound(from, "--from: ", () -> lines.firstDayStart(zone));
            final long end = bound(to, "--to: ", () -> lines.lastDayEnd(zone));
            result = Reconciliation.match(home, channel, lines, start, end, zone);
        }
        result.write(report);
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println("{\"channel\":" + Json.quote(channel) + "," + result.countsJson() + ",\"report\":"
                + Json.quote(report.toString()) + "}");
        } else {
            out.println(result.summary() + "; report " + report);
        }
        return result.differences() == 0 ? ExitCodes.OK : ExitCodes.NEEDS_ATTENTION;
    }

    private static long bound(final String given, final String option, final LongSupplier fromBill) {
        if (given == null) {
            return fromBill.getAsLong();
        }
        try {
            return EventCommands.millis(Amounts.parseTime(given));
        } catch (final IllegalArgumentException e) {
            throw new UserError(option + e.getMessage());
        }
    }
}

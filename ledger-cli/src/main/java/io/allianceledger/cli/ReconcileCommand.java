package io.allianceledger.cli;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.ChannelTransaction;
import io.allianceledger.alliance.Page;
import io.allianceledger.cli.events.Amounts;
import io.allianceledger.cli.events.LineReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

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
    private static final String HEADER = "channel_txn_id,amount,time";

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

    private record BillLine(long line, String txn, long amount, long time) {
    }

    @Override
    public Integer call() throws IOException {
        final Map<String, BillLine> lines = readBill();
        final Path parent = report.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new UserError("cannot write the report " + report + ": its directory is missing or not writable");
        }
        final long[] counts = new long[4];
        final long[] amounts = new long[4];
        try (LedgerHome home = LedgerHome.open(directory);
             BufferedWriter w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            if (home.queries().participant(channel).join().isEmpty()) {
                throw new UserError("no channel with code " + channel + " in the ledger");
            }
            final ZoneId zone = home.ledger().queryExtension(e -> ((AllianceDomain)e).zone()).join().orElse(ZoneId.of("UTC"));
            final long start = bound(from, lines, zone, true);
            final long end = bound(to, lines, zone, false);
            w.write("status,channel_txn_id,bill_amount,ledger_amount,difference,bill_time,ledger_time,store,operation\n");
            final java.util.List<ChannelTransaction> ledgerSide = new java.util.ArrayList<>();
            long cursor = Page.FIRST;
            while (cursor != Page.END) {
                final Page<ChannelTransaction> page = home.queries().channelTransactions(channel, start, end, cursor, 4096)
                    .join().orElseThrow(() -> new UserError("no channel with code " + channel));
                ledgerSide.addAll(page.items());
                cursor = page.next();
            }
            final java.util.Set<io.allianceledger.command.CommandId> ids = new java.util.HashSet<>();
            ledgerSide.forEach(t -> ids.add(t.operation()));
            final Map<io.allianceledger.command.CommandId, String> names = OperationNames.lookup(directory, ids);
            for (final ChannelTransaction t : ledgerSide) {
                final BillLine b = lines.remove(t.transactionId());
                final int status = b == null ? 2 : b.amount() == t.amount() ? 0 : 3;
                counts[status]++;
                amounts[status] += b == null ? t.amount() : t.amount() - b.amount();
                w.write(STATUS[status] + "," + Csv.field(t.transactionId()) + ","
                    + (b == null ? "" : Amounts.formatFen(b.amount())) + "," + Amounts.formatFen(t.amount()) + ","
                    + (b == null ? "" : Amounts.formatFen(t.amount() - b.amount())) + ","
                    + (b == null ? "" : ClearCommand.time(b.time(), zone)) + "," + ClearCommand.time(t.time(), zone)
                    + "," + Csv.field(t.store()) + "," + Csv.field(names.get(t.operation())) + "\n");
            }
            for (final BillLine b : lines.values()) {
                counts[1]++;
                amounts[1] += b.amount();
                w.write(STATUS[1] + "," + Csv.field(b.txn()) + "," + Amounts.formatFen(b.amount()) + ",,,"
                    + ClearCommand.time(b.time(), zone) + ",,,\n");
            }
        }
        final PrintWriter out = spec.commandLine().getOut();
        final long differences = counts[1] + counts[2] + counts[3];
        if (json) {
            out.printf(Locale.ROOT, "{\"channel\":%s,\"matched\":%d,\"missingInLedger\":%d,\"missingInBill\":%d,"
                    + "\"amountDiffers\":%d,\"report\":%s}%n", Json.quote(channel), counts[0], counts[1], counts[2], counts[3],
                Json.quote(report.toString()));
        } else {
            out.println("reconciled " + channel + ": " + counts[0] + " matched, " + counts[1] + " missing in the ledger ("
                + Amounts.formatFen(amounts[1]) + " CNY), " + counts[2] + " missing in the bill (" + Amounts.formatFen(amounts[2])
                + " CNY), " + counts[3] + " amount differs (" + Amounts.formatFen(amounts[3]) + " CNY net); report "
                + report);
        }
        return differences == 0 ? ExitCodes.OK : ExitCodes.NEEDS_ATTENTION;
    }

    private static final String[] STATUS = {"MATCHED", "MISSING_IN_LEDGER", "MISSING_IN_BILL", "AMOUNT_DIFFERS"};

    private Map<String, BillLine> readBill() throws IOException {
        final Map<String, BillLine> lines = new LinkedHashMap<>();
        final InputStream in;
        try {
            in = Files.newInputStream(bill);
        } catch (final NoSuchFileException e) {
            throw new UserError("bill " + bill + " does not exist");
        }
        try (LineReader reader = new LineReader(in)) {
            if (!reader.next() || !text(reader).replace("\uFEFF", "").trim().equals(HEADER)) {
                throw new UserError("bill " + bill + ": the first line must be the header " + HEADER);
            }
            while (reader.next()) {
                if (reader.isBlank()) {
                    continue;
                }
                final long n = reader.number();
                final String[] f = text(reader).split(",", -1);
                if (f.length != 3 || f[0].isBlank()) {
                    throw new UserError("bill " + bill + " line " + n + ": expected channel_txn_id,amount,time");
                }
                final long amount;
                final long time;
                try {
                    amount = Amounts.parseFen(f[1].trim(), true);
                    time = EventCommands.millis(Amounts.parseTime(f[2].trim()));
                } catch (final IllegalArgumentException e) {
                    throw new UserError("bill " + bill + " line " + n + ": " + e.getMessage());
                }
                final String txn = f[0].trim();
                if (lines.put(txn, new BillLine(n, txn, amount, time)) != null) {
                    throw new UserError("bill " + bill + " line " + n + ": transaction " + txn + " appears twice");
                }
            }
        }
        return lines;
    }

    private String text(final LineReader reader) {
        if (reader.tooLong()) {
            throw new UserError("bill " + bill + " line " + reader.number() + " is too long");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(java.nio.ByteBuffer.wrap(reader.bytes(), 0, reader.length())).toString();
        } catch (final CharacterCodingException e) {
            throw new UserError("bill " + bill + " line " + reader.number() + " is not UTF-8");
        }
    }

    private long bound(final String given, final Map<String, BillLine> lines, final ZoneId zone, final boolean start) {
        if (given != null) {
            try {
                return EventCommands.millis(Amounts.parseTime(given));
            } catch (final IllegalArgumentException e) {
                throw new UserError((start ? "--from: " : "--to: ") + e.getMessage());
            }
        }
        if (lines.isEmpty()) {
            throw new UserError("bill " + bill + " has no transactions; give --from and --to");
        }
        long t = start ? Long.MAX_VALUE : Long.MIN_VALUE;
        for (final BillLine b : lines.values()) {
            t = start ? Math.min(t, b.time()) : Math.max(t, b.time());
        }
        final LocalDate day = java.time.Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
        return (start ? day : day.plusDays(1)).atStartOfDay(zone).toInstant().toEpochMilli();
    }
}

package io.allianceledger.cli;

import io.allianceledger.alliance.ChannelTransaction;
import io.allianceledger.alliance.Page;
import io.allianceledger.alliance.ParticipantView;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.cli.events.Amounts;
import io.allianceledger.cli.events.LineReader;
import io.allianceledger.command.CommandId;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A payment channel's bill matched against the ledger's sales and refunds through that channel over a period, by
 * channel transaction id. {@code ledger reconcile} and {@code ledger clear --bill} both use it, so their reports are
 * the same file format with the same rows.
 * <p>
 * Rows come in the ledger's operation order (each ledger transaction with its bill line, if any), then the bill
 * lines the ledger lacks in bill order. Everything is held in memory: a day's bill of one channel, not a journal.
 */
final class Reconciliation {
    /** The bill's header line, exactly. */
    static final String BILL_HEADER = "channel_txn_id,amount,time";
    /** The report's header line. */
    static final String REPORT_HEADER =
        "status,channel_txn_id,bill_amount,ledger_amount,difference,bill_time,ledger_time,store,operation";
    private static final int PAGE = 4096;

    /** What became of a transaction; the order is the report's and the summary's. */
    enum Status {
        MATCHED, MISSING_IN_LEDGER, MISSING_IN_BILL, AMOUNT_DIFFERS
    }

    /** A line of a bill: amount in fen, signed (refunds negative); time in epoch milliseconds. */
    record BillLine(long line, String txn, long amount, long time) {
    }

    /**
     * A channel's bill as read from its file.
     *
     * @param file  where it was read from, for messages.
     * @param lines by transaction id, in file order.
     */
    record Bill(Path file, Map<String, BillLine> lines) {
        /** Wraps the lines read-only. */
        Bill {
            lines = Collections.unmodifiableMap(lines);
        }

        /**
         * @param zone the alliance's time zone.
         * @return local midnight of the bill's first day, epoch milliseconds.
         */
        long firstDayStart(final ZoneId zone) {
            return dayBound(zone, true);
        }

        /**
         * @param zone the alliance's time zone.
         * @return local midnight after the bill's last day, epoch milliseconds.
         */
        long lastDayEnd(final ZoneId zone) {
            return dayBound(zone, false);
        }

        private long dayBound(final ZoneId zone, final boolean start) {
            if (lines.isEmpty()) {
                throw new UserError("bill " + file + " has no transactions; give --from and --to");
            }
            long t = start ? Long.MAX_VALUE : Long.MIN_VALUE;
            for (final BillLine b : lines.values()) {
                t = start ? Math.min(t, b.time()) : Math.max(t, b.time());
            }
            final LocalDate day = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
            return (start ? day : day.plusDays(1)).atStartOfDay(zone).toInstant().toEpochMilli();
        }
    }

    /**
     * One row of the report. A side that is missing has a null amount, and for the bill a time of
     * {@link Long#MIN_VALUE}; a bill-only row has no ledger time, store or operation.
     *
     * @param status       what became of the transaction.
     * @param txn          the channel's transaction id (null for a refund the ledger booked without one).
     * @param billAmount   the bill's amount in fen, or null.
     * @param ledgerAmount the ledger's amount in fen, or null.
     * @param billTime     the bill's time, epoch milliseconds, or {@link Long#MIN_VALUE}.
     * @param ledgerTime   the ledger's business time, or {@link Long#MIN_VALUE}.
     * @param store        the store's code, or null.
     * @param operation    the ledger operation's event id, or null.
     */
    record Row(Status status, String txn, Long billAmount, Long ledgerAmount, long billTime, long ledgerTime,
        String store, String operation) {
        /** @return ledger minus bill in fen, or null unless both sides are there. */
        Long difference() {
            return billAmount == null || ledgerAmount == null ? null : ledgerAmount - billAmount;
        }
    }

    private final String channel;
    private final long from;
    private final long to;
    private final ZoneId zone;
    private final List<Row> rows;
    private final long[] counts = new long[Status.values().length];
    private final long[] amounts = new long[Status.values().length];

    private Reconciliation(final String channel, final long from, final long to, final ZoneId zone, final List<Row> rows) {
        this.channel = channel;
        this.from = from;
        this.to = to;
        this.zone = zone;
        this.rows = List.copyOf(rows);
        for (final Row r : rows) {
            counts[r.status().ordinal()]++;
            amounts[r.status().ordinal()] += switch (r.status()) {
                case MATCHED, MISSING_IN_BILL -> r.ledgerAmount();
                case MISSING_IN_LEDGER -> r.billAmount();
                case AMOUNT_DIFFERS -> r.difference();
            };
        }
    }

    /**
     * Reads and checks a bill: the header, then {@code channel_txn_id,amount,time} lines (blank lines skipped).
     *
     * @param file the bill, UTF-8.
     * @return its lines.
     * @throws UserError naming the file and line of anything unusable.
     * @throws IOException if reading fails.
     */
    static Bill readBill(final Path file) throws IOException {
        final Map<String, BillLine> lines = new LinkedHashMap<>();
        final InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (final NoSuchFileException e) {
            throw new UserError("bill " + file + " does not exist");
        }
        try (LineReader reader = new LineReader(in)) {
            if (!reader.next() || !text(file, reader).replace("\uFEFF", "").trim().equals(BILL_HEADER)) {
                throw new UserError("bill " + file + ": the first line must be the header " + BILL_HEADER);
            }
            while (reader.next()) {
                if (reader.isBlank()) {
                    continue;
                }
                final long n = reader.number();
                final String[] f = text(file, reader).split(",", -1);
                if (f.length != 3 || f[0].isBlank()) {
                    throw new UserError("bill " + file + " line " + n + ": expected " + BILL_HEADER);
                }
                final long amount;
                final long time;
                try {
                    amount = Amounts.parseFen(f[1].trim(), true);
                    time = EventCommands.millis(Amounts.parseTime(f[2].trim()));
                } catch (final IllegalArgumentException e) {
                    throw new UserError("bill " + file + " line " + n + ": " + e.getMessage());
                }
                final String txn = f[0].trim();
                if (lines.put(txn, new BillLine(n, txn, amount, time)) != null) {
                    throw new UserError("bill " + file + " line " + n + ": transaction " + txn + " appears twice");
                }
            }
        }
        return new Bill(file, lines);
    }

    private static String text(final Path file, final LineReader reader) {
        if (reader.tooLong()) {
            throw new UserError("bill " + file + " line " + reader.number() + " is too long");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(reader.bytes(), 0, reader.length())).toString();
        } catch (final CharacterCodingException e) {
            throw new UserError("bill " + file + " line " + reader.number() + " is not UTF-8");
        }
    }

    /**
     * Refuses a code that names no payment channel, before anything is changed or written.
     *
     * @param home    the open ledger.
     * @param channel the channel's code.
     * @throws UserError if the ledger has no channel with that code.
     */
    static void requireChannel(final LedgerHome home, final String channel) {
        final ParticipantView p = home.queries().participant(channel).join().orElse(null);
        if (p == null || p.role() != Role.CHANNEL) {
            throw new UserError("no channel with code " + channel + " in the ledger");
        }
    }

    /**
     * Matches a bill against the ledger.
     *
     * @param home    the open ledger.
     * @param channel the channel's code.
     * @param bill    its bill.
     * @param from    start of the period, inclusive, epoch milliseconds.
     * @param to      end of the period, exclusive.
     * @param zone    the alliance's time zone, for the report's times.
     * @return the matched rows and their counts.
     */
    static Reconciliation match(final LedgerHome home, final String channel, final Bill bill, final long from,
        final long to, final ZoneId zone) {
        final List<ChannelTransaction> ledgerSide = new ArrayList<>();
        long cursor = Page.FIRST;
        while (cursor != Page.END) {
            final Page<ChannelTransaction> page = home.queries().channelTransactions(channel, from, to, cursor, PAGE)
                .join().orElseThrow(() -> new UserError("no channel with code " + channel));
            ledgerSide.addAll(page.items());
            cursor = page.next();
        }
        final Set<CommandId> ids = new HashSet<>();
        ledgerSide.forEach(t -> ids.add(t.operation()));
        final Map<CommandId, String> names = OperationNames.lookup(home.directory(), ids);
        final Map<String, BillLine> unmatched = new LinkedHashMap<>(bill.lines());
        final List<Row> rows = new ArrayList<>(ledgerSide.size() + unmatched.size());
        for (final ChannelTransaction t : ledgerSide) {
            final BillLine b = unmatched.remove(t.transactionId());
            final Status status = b == null ? Status.MISSING_IN_BILL
                : b.amount() == t.amount() ? Status.MATCHED : Status.AMOUNT_DIFFERS;
            rows.add(new Row(status, t.transactionId(), b == null ? null : b.amount(), t.amount(),
                b == null ? Long.MIN_VALUE : b.time(), t.time(), t.store(), names.get(t.operation())));
        }
        for (final BillLine b : unmatched.values()) {
            rows.add(new Row(Status.MISSING_IN_LEDGER, b.txn(), b.amount(), null, b.time(), Long.MIN_VALUE, null, null));
        }
        return new Reconciliation(channel, from, to, zone, rows);
    }

    /**
     * Writes the report: {@link #REPORT_HEADER}, then a row per transaction.
     *
     * @param report the file to (over)write.
     * @throws IOException if writing fails.
     */
    void write(final Path report) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
            w.write(REPORT_HEADER + "\n");
            for (final Row r : rows) {
                w.write(r.status() + "," + Csv.field(r.txn()) + "," + fen(r.billAmount()) + "," + fen(r.ledgerAmount())
                    + "," + fen(r.difference()) + "," + time(r.billTime()) + "," + time(r.ledgerTime()) + ","
                    + Csv.field(r.store()) + "," + Csv.field(r.operation()) + "\n");
            }
        }
    }

    private static String fen(final Long amount) {
        return amount == null ? "" : Amounts.formatFen(amount);
    }

    /** @return a time as the report prints it, or empty for a missing side. */
    String time(final long epochMillis) {
        return epochMillis == Long.MIN_VALUE ? "" : ClearCommand.time(epochMillis, zone);
    }

    /** @return the one-line summary both commands print, without the report's path. */
    String summary() {
        return "reconciled " + channel + ": " + count(Status.MATCHED) + " matched, " + count(Status.MISSING_IN_LEDGER)
            + " missing in the ledger (" + Amounts.formatFen(amount(Status.MISSING_IN_LEDGER)) + " CNY), "
            + count(Status.MISSING_IN_BILL) + " missing in the bill (" + Amounts.formatFen(amount(Status.MISSING_IN_BILL))
            + " CNY), " + count(Status.AMOUNT_DIFFERS) + " amount differs (" + Amounts.formatFen(amount(Status.AMOUNT_DIFFERS))
            + " CNY net)";
    }

    /** @return the counts as the JSON members {@code "matched":..,"missingInLedger":..,..}, without braces. */
    String countsJson() {
        return String.format(Locale.ROOT, "\"matched\":%d,\"missingInLedger\":%d,\"missingInBill\":%d,\"amountDiffers\":%d",
            count(Status.MATCHED), count(Status.MISSING_IN_LEDGER), count(Status.MISSING_IN_BILL),
            count(Status.AMOUNT_DIFFERS));
    }

    String channel() {
        return channel;
    }

    /** @return start of the period, inclusive, epoch milliseconds. */
    long from() {
        return from;
    }

    /** @return end of the period, exclusive, epoch milliseconds. */
    long to() {
        return to;
    }

    List<Row> rows() {
        return rows;
    }

    long count(final Status status) {
        return counts[status.ordinal()];
    }

    /**
     * @param status a status.
     * @return in fen: the ledger's total for MATCHED and MISSING_IN_BILL, the bill's for MISSING_IN_LEDGER, the net
     *         difference (ledger − bill) for AMOUNT_DIFFERS.
     */
    long amount(final Status status) {
        return amounts[status.ordinal()];
    }

    /** @return rows that are not MATCHED: what needs a person. */
    long differences() {
        return rows.size() - count(Status.MATCHED);
    }
}

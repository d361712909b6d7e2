package io.allianceledger.cli;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.CycleView;
import io.allianceledger.alliance.MovementKind;
import io.allianceledger.alliance.Page;
import io.allianceledger.alliance.StatementLine;
import io.allianceledger.alliance.command.CloseCycle;
import io.allianceledger.cli.events.Amounts;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import io.allianceledger.journal.audit.AuditReport;
import io.allianceledger.journal.audit.JournalAudit;
import io.allianceledger.ledger.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code ledger clear DIR --through TIME --out OUTDIR}: closes the clearing cycle [end of the previous cycle,
 * TIME) and writes its settlement file, statements and the operator's result. Closing is a journaled command;
 * closing the same TIME again reports the existing cycle, so the files can be written again from any replayed
 * copy, byte for byte. {@code --bill} reconciles channel bills over the cycle and {@code --html} audits the journal
 * and writes {@code report.html}; both only read once the close is done, and exit 1 when they find something.
 */
@Command(name = "clear", mixinStandardHelpOptions = true,
    description = "Close the cycle ending at --through (exclusive; operators use local midnight) and write "
        + "settlement.csv, statements.jsonl and operator-result.csv into --out. The close first runs the expiry "
        + "sweep as of --through inside the cycle. Closing the same time again reports the existing cycle. "
        + "--bill reconciles a channel's bill over the cycle (reconcile-CHANNEL.csv); --html audits the journal and "
        + "writes report.html. Exit 1 if a bill differs or the audit finds a violation (every file is written).")
final class ClearCommand implements Callable<Integer> {
    private static final int PAGE = 4096;
    /** Invariant check interval of the --html audit: full checks cost O(state) each. */
    static final long DEFAULT_AUDIT_CHECK_EVERY = 10_000;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory.")
    Path directory;

    @Option(names = "--through", required = true, paramLabel = "TIME",
        description = "End of the cycle, ISO-8601 with offset, e.g. 2026-11-22T00:00:00+08:00.")
    String through;

    @Option(names = "--out", required = true, paramLabel = "OUTDIR",
        description = "Directory for the files; created if missing, must not already hold a settlement.csv.")
    Path out;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--bill", paramLabel = "CHANNEL=FILE",
        description = "Reconcile CHANNEL's bill (CSV: channel_txn_id,amount,time) over the cycle [start, end) and "
            + "write reconcile-CHANNEL.csv, as ledger reconcile does. Repeatable, one per channel.")
    List<String> bills = new ArrayList<>();

    @Option(names = "--html", description = "Also audit the journal and write report.html: one self-contained page "
        + "(no script, no network) with the settlement by role and top parties, points, the operator's result, the "
        + "reconciliations and the audit.")
    boolean html;

    @Option(names = "--audit-check-every", paramLabel = "N",
        description = "With --html: check every invariant after every N-th command and after the last (default "
            + DEFAULT_AUDIT_CHECK_EVERY + "); checksums and the chain are verified for every record.")
    Long auditCheckEvery;

    @Override
    public Integer call() throws IOException {
        final long nanos;
        try {
            nanos = Amounts.parseTime(through);
        } catch (final IllegalArgumentException e) {
            throw new UserError("--through: " + e.getMessage());
        }
        final long end = EventCommands.millis(nanos);
        final long checkEvery = auditCheckEvery();
        final Map<String, Reconciliation.Bill> billsByChannel = readBills();
        prepareOut();
        final CycleView cycle;
        final ZoneId zone;
        final String ledgerName;
        final Map<CommandId, String> names;
        final Statements statements = new Statements();
        final List<Reconciliation> reconciliations = new ArrayList<>();
        try (LedgerHome home = LedgerHome.open(directory)) {
            for (final String channel : billsByChannel.keySet()) {
                Reconciliation.requireChannel(home, channel); // before the close: a refused run changes nothing
            }
            close(home, nanos, end);
            cycle = home.queries().cycleEndingAt(end).join()
                .orElseThrow(() -> new IllegalStateException("the ledger closed no cycle ending at " + through));
            zone = zone(home);
            ledgerName = home.name();
            for (final CycleView.PartyLine party : cycle.parties()) {
                statements.load(home, cycle.number(), party.code());
            }
            names = OperationNames.lookup(directory, statements.operations());
            for (final Map.Entry<String, Reconciliation.Bill> b : billsByChannel.entrySet()) {
                reconciliations.add(Reconciliation.match(home, b.getKey(), b.getValue(), cycle.start(), cycle.end(), zone));
            }
        }
        long sum = cycle.operator().settled();
        for (final CycleView.PartyLine p : cycle.parties()) {
            sum += p.settled();
        }
        if (sum != 0) {
            throw new IllegalStateException("cycle " + cycle.number() + " settlement does not sum to zero (" + sum
                + " fen): files not written");
        }
        writeSettlement(cycle);
        writeStatements(cycle, statements, names, zone);
        writeOperatorResult(cycle);
        final Map<Reconciliation, String> billNames = new IdentityHashMap<>();
        for (final Reconciliation r : reconciliations) {
            r.write(out.resolve(reconcileFile(r.channel())));
            final Path file = billsByChannel.get(r.channel()).file().getFileName();
            billNames.put(r, file == null ? "" : file.toString());
        }
        AuditReport audit = null;
        if (html) {
            // After the close, read-only: the page shows the journal the settlement came from, verified.
            audit = JournalAudit.of(directory).stateMachines(LedgerHome.machines()).invariantCheckInterval(checkEvery).run();
            new CycleReport(ledgerName, zone, cycle, reconciliations, billNames, audit, checkEvery)
                .write(out.resolve("report.html"));
        }
        report(cycle, zone, reconciliations, audit, checkEvery);
        boolean attention = audit != null && !audit.ok();
        for (final Reconciliation r : reconciliations) {
            attention |= r.differences() > 0;
        }
        return attention ? ExitCodes.NEEDS_ATTENTION : ExitCodes.OK;
    }

    private long auditCheckEvery() {
        if (auditCheckEvery == null) {
            return DEFAULT_AUDIT_CHECK_EVERY;
        }
        if (!html) {
            throw new UserError("--audit-check-every applies to the audit of --html; add --html or leave it out");
        }
        if (auditCheckEvery < 1) {
            throw new UserError("--audit-check-every must be at least 1");
        }
        return auditCheckEvery;
    }

    /** Reads every --bill before anything is changed, so a bad bill refuses the whole run (exit 2). */
    private Map<String, Reconciliation.Bill> readBills() throws IOException {
        final Map<String, Reconciliation.Bill> byChannel = new LinkedHashMap<>();
        for (final String spec : bills) {
            final int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UserError("--bill " + spec + ": expected CHANNEL=FILE, e.g. alipay=alipay-bill.csv");
            }
            final String channel = spec.substring(0, eq);
            if (!fileNameSafe(channel)) {
                throw new UserError("--bill " + spec + ": channel code " + channel + " cannot name the file "
                    + "reconcile-CHANNEL.csv (letters, digits, '.', '_' and '-' only); use ledger reconcile");
            }
            if (byChannel.containsKey(channel)) {
                throw new UserError("--bill: channel " + channel + " is given twice");
            }
            byChannel.put(channel, Reconciliation.readBill(Path.of(spec.substring(eq + 1))));
        }
        return byChannel;
    }

    /** Channel codes are user input: only plain names become file names, never paths. */
    private static boolean fileNameSafe(final String code) {
        if (code.isEmpty() || code.charAt(0) == '.') {
            return false;
        }
        return code.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
    }

    static String reconcileFile(final String channel) {
        return "reconcile-" + channel + ".csv";
    }

    private void prepareOut() {
        try {
            Files.createDirectories(out);
        } catch (final IOException e) {
            throw new UserError("cannot create --out " + out + ": " + e.getMessage(), e);
        }
        if (Files.exists(out.resolve("settlement.csv"))) {
            throw new UserError(out + " already holds a settlement.csv; give a new --out directory");
        }
        if (!Files.isWritable(out)) {
            throw new UserError("--out " + out + " is not writable");
        }
    }

    private static void close(final LedgerHome home, final long nanos, final long end) {
        final CloseCycle close = new CloseCycle(CommandId.fromName("close:" + end), end);
        Result r = home.execute(nanos, close);
        if (r.code() == ResultCode.SWEEP_REQUIRED) { // too many lots for the close's own sweep
            ExpireCommand.sweep(home, nanos, end, "close-sweep:" + end);
            r = home.execute(nanos, close);
        }
        if (r.code() != ResultCode.CREATED && r.code() != ResultCode.EXISTS && r.code() != ResultCode.CYCLE_ALREADY_CLOSED) {
            throw new UserError("the ledger refused to close the cycle: " + r.code() + " ("
                + ResultMessages.of(r.code()) + ")");
        }
        if (r.code() == ResultCode.CREATED) {
            try (OperationNames names = OperationNames.appendTo(home.directory())) {
                names.add("close:" + end); // statements name the settlement by this id
            }
        }
    }

    private void writeSettlement(final CycleView cycle) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("settlement.csv"), StandardCharsets.UTF_8)) {
            w.write("code,role,carried_in");
            for (final MovementKind k : CycleView.MOVEMENT_COLUMNS) {
                w.write("," + k.name().toLowerCase(Locale.ROOT));
            }
            w.write(",position,minimum_settlement,settled,carried_out,late_movements\n");
            for (final CycleView.PartyLine p : cycle.parties()) {
                w.write(Csv.field(p.code()) + "," + p.role() + "," + Amounts.formatFen(p.carriedIn()));
                for (final MovementKind k : CycleView.MOVEMENT_COLUMNS) {
                    w.write("," + Amounts.formatFen(p.movements().getOrDefault(k, 0L)));
                }
                w.write("," + Amounts.formatFen(p.position()) + "," + Amounts.formatFen(p.minimumSettlement()) + ","
                    + Amounts.formatFen(p.settled()) + "," + Amounts.formatFen(p.carriedOut()) + "," + p.lateMovements()
                    + "\n");
            }
            final CycleView.OperatorLine o = cycle.operator();
            w.write(Csv.field(o.code()) + ",OPERATOR," + ",".repeat(CycleView.MOVEMENT_COLUMNS.size()) + ",,,"
                + Amounts.formatFen(o.settled()) + ",,\n");
        }
    }

    private void writeOperatorResult(final CycleView cycle) throws IOException {
        final CycleView.OperatorLine o = cycle.operator();
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("operator-result.csv"), StandardCharsets.UTF_8)) {
            w.write("item,amount\n");
            w.write("fee_revenue," + Amounts.formatFen(o.feeIncome()) + "\n");
            w.write("redemption_spread," + Amounts.formatFen(o.redemptionSpread()) + "\n");
            w.write("breakage," + Amounts.formatFen(o.breakage()) + "\n");
            w.write("shortfall_recovery," + Amounts.formatFen(o.shortfallRecovery()) + "\n");
            w.write("forgiven_shortfall," + Amounts.formatFen(-o.shortfallLoss()) + "\n");
            w.write("result," + Amounts.formatFen(o.result()) + "\n");
            w.write("points_liability_change," + Amounts.formatFen(o.liabilityChange()) + "\n");
            w.write("settled," + Amounts.formatFen(o.settled()) + "\n");
        }
    }

    private void writeStatements(final CycleView cycle, final Statements statements, final Map<CommandId, String> names,
        final ZoneId zone) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(out.resolve("statements.jsonl"), StandardCharsets.UTF_8)) {
            for (final StatementLine s : statements.lines()) {
                w.write("{\"cycle\":" + s.cycle() + ",\"party\":" + Json.quote(s.party()) + ",\"operation\":"
                    + Json.quote(names.get(s.operation())) + ",\"kind\":\"" + s.kind() + "\",\"amount\":\""
                    + Amounts.formatFen(s.amount()) + "\",\"time\":\"" + time(s.time(), zone) + "\",\"late\":" + s.late()
                    + ",\"original\":" + (s.original() == null ? "null" : Json.quote(names.get(s.original()))) + "}\n");
            }
        }
    }

    private void report(final CycleView cycle, final ZoneId zone, final List<Reconciliation> reconciliations,
        final AuditReport audit, final long checkEvery) {
        final PrintWriter w = spec.commandLine().getOut();
        long payOut = 0;
        long collect = 0;
        int settledParties = 0;
        int carriedParties = 0;
        for (final CycleView.PartyLine p : cycle.parties()) {
            if (p.settled() > 0) {
                payOut += p.settled();
            } else {
                collect -= p.settled();
            }
            if (p.settled() != 0) {
                settledParties++;
            } else if (p.carriedOut() != 0) {
                carriedParties++;
            }
        }
        final CycleView.PointsLine points = cycle.points();
        if (json) {
            final StringBuilder more = new StringBuilder();
            more.append(String.format(Locale.ROOT, ",\"points\":{\"issued\":%d,\"redeemed\":%d,\"expired\":%d,"
                    + "\"clawedBack\":%d,\"corrected\":%d,\"outstanding\":%d}", points.issued(), points.redeemed(),
                points.expired(), points.clawedBack(), points.corrected(), points.outstanding()));
            more.append(",\"reconciliation\":{");
            for (int i = 0; i < reconciliations.size(); i++) {
                final Reconciliation r = reconciliations.get(i);
                more.append(i == 0 ? "" : ",").append(Json.quote(r.channel())).append(":{").append(r.countsJson())
                    .append(",\"report\":").append(Json.quote(out.resolve(reconcileFile(r.channel())).toString()))
                    .append('}');
            }
            more.append("},\"audit\":").append(audit == null ? "null" : AuditCommand.toJson(audit));
            more.append(",\"report\":").append(html ? Json.quote(out.resolve("report.html").toString()) : "null");
            w.printf(Locale.ROOT, "{\"cycle\":%d,\"start\":\"%s\",\"end\":\"%s\",\"parties\":%d,\"settled\":%d,"
                    + "\"carried\":%d,\"operatorPays\":\"%s\",\"operatorCollects\":\"%s\",\"operatorResult\":\"%s\","
                    + "\"lateEvents\":%d,\"out\":%s%s}%n", cycle.number(), time(cycle.start(), zone), time(cycle.end(), zone),
                cycle.parties().size(), settledParties, carriedParties, Amounts.formatFen(payOut),
                Amounts.formatFen(collect), Amounts.formatFen(cycle.operator().result()), cycle.lateEvents(),
                Json.quote(out.toString()), more);
        } else {
            w.println("cycle " + cycle.number() + " [" + time(cycle.start(), zone) + ", " + time(cycle.end(), zone)
                + "): " + cycle.parties().size() + " parties, " + settledParties + " settled, " + carriedParties
                + " carried forward");
            w.println("  operator pays " + Amounts.formatFen(payOut) + " CNY, collects " + Amounts.formatFen(collect)
                + " CNY; settlement sums to zero");
            w.println("  operator result " + Amounts.formatFen(cycle.operator().result()) + " CNY (fees "
                + Amounts.formatFen(cycle.operator().feeIncome()) + ", spread "
                + Amounts.formatFen(cycle.operator().redemptionSpread()) + ", breakage "
                + Amounts.formatFen(cycle.operator().breakage()) + ")");
            w.println("  points: " + points.issued() + " issued, " + points.redeemed() + " redeemed, " + points.expired()
                + " expired, " + points.clawedBack() + " clawed back, " + points.corrected() + " corrected; "
                + points.outstanding() + " outstanding");
            w.println("  late events booked into this cycle: " + cycle.lateEvents());
            for (final Reconciliation r : reconciliations) {
                w.println("  " + r.summary() + "; report " + reconcileFile(r.channel()));
            }
            if (audit != null) {
                w.println("  audit: " + (audit.ok() ? "OK" : "FAILED") + ", " + audit.commands() + " commands verified, "
                    + audit.invariantChecks() + " invariant check" + (audit.invariantChecks() == 1 ? "" : "s")
                    + " (every " + checkEvery + " and the last), "
                    + audit.violations().size() + " violations" + (audit.error() == null ? "" : ", stopped: "
                    + audit.error()) + "; stateHash " + audit.finalStateHash());
            }
            final StringBuilder files = new StringBuilder("  files: " + out.resolve("settlement.csv")
                + ", statements.jsonl, operator-result.csv");
            for (final Reconciliation r : reconciliations) {
                files.append(", ").append(reconcileFile(r.channel()));
            }
            w.println(html ? files + ", report.html" : files);
        }
    }

    /** @return the alliance's time zone (UTC before it is configured). */
    static ZoneId zone(final LedgerHome home) {
        return home.ledger().queryExtension(e -> ((AllianceDomain)e).zone()).join().orElse(ZoneId.of("UTC"));
    }

    static String time(final long epochMillis, final ZoneId zone) {
        return Instant.ofEpochMilli(epochMillis).atZone(zone).toOffsetDateTime().toString();
    }

    /** One cycle's statement lines, per party in party order, each party's in operation order. */
    private static final class Statements {
        private final java.util.List<StatementLine> lines = new java.util.ArrayList<>();

        void load(final LedgerHome home, final int cycle, final String party) {
            long cursor = Page.FIRST;
            while (cursor != Page.END) {
                final Page<StatementLine> page = home.queries().statement(cycle, party, cursor, PAGE).join()
                    .orElseThrow(() -> new IllegalStateException("no statement of " + party + " in cycle " + cycle));
                lines.addAll(page.items());
                cursor = page.next();
            }
        }

        java.util.List<StatementLine> lines() {
            return lines;
        }

        Set<CommandId> operations() {
            final Set<CommandId> ids = new HashSet<>();
            for (final StatementLine s : lines) {
                ids.add(s.operation());
                if (s.original() != null) {
                    ids.add(s.original());
                }
            }
            return ids;
        }
    }

}

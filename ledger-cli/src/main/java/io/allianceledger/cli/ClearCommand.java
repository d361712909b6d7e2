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
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code ledger clear DIR --through TIME --out OUTDIR}: closes the clearing cycle [end of the previous cycle,
 * TIME) and writes its settlement file, statements and the operator's result. Closing is a journaled command;
 * closing the same TIME again reports the existing cycle, so the files can be written again from any replayed
 * copy, byte for byte.
 */
@Command(name = "clear", mixinStandardHelpOptions = true,
    description = "Close the cycle ending at --through (exclusive; operators use local midnight) and write "
        + "settlement.csv, statements.jsonl and operator-result.csv into --out. The close first runs the expiry "
        + "sweep as of --through inside the cycle. Closing the same time again reports the existing cycle.")
final class ClearCommand implements Callable<Integer> {
    private static final int PAGE = 4096;

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

    @Override
    public Integer call() throws IOException {
        final long nanos;
        try {
            nanos = Amounts.parseTime(through);
        } catch (final IllegalArgumentException e) {
            throw new UserError("--through: " + e.getMessage());
        }
        final long end = EventCommands.millis(nanos);
        prepareOut();
        final CycleView cycle;
        final ZoneId zone;
        final Map<CommandId, String> names;
        final Statements statements = new Statements();
        try (LedgerHome home = LedgerHome.open(directory)) {
            close(home, nanos, end);
            cycle = home.queries().cycleEndingAt(end).join()
                .orElseThrow(() -> new IllegalStateException("the ledger closed no cycle ending at " + through));
            zone = home.ledger().queryExtension(e -> ((AllianceDomain)e).zone()).join().orElse(ZoneId.of("UTC"));
            for (final CycleView.PartyLine party : cycle.parties()) {
                statements.load(home, cycle.number(), party.code());
            }
            names = OperationNames.lookup(directory, statements.operations());
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
        report(cycle, zone);
        return ExitCodes.OK;
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

    private void report(final CycleView cycle, final ZoneId zone) {
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
        if (json) {
            w.printf(Locale.ROOT, "{\"cycle\":%d,\"start\":\"%s\",\"end\":\"%s\",\"parties\":%d,\"settled\":%d,"
                    + "\"carried\":%d,\"operatorPays\":\"%s\",\"operatorCollects\":\"%s\",\"operatorResult\":\"%s\","
                    + "\"lateEvents\":%d,\"out\":%s}%n", cycle.number(), time(cycle.start(), zone), time(cycle.end(), zone),
                cycle.parties().size(), settledParties, carriedParties, Amounts.formatFen(payOut),
                Amounts.formatFen(collect), Amounts.formatFen(cycle.operator().result()), cycle.lateEvents(),
                Json.quote(out.toString()));
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
            w.println("  late events booked into this cycle: " + cycle.lateEvents());
            w.println("  files: " + out.resolve("settlement.csv") + ", statements.jsonl, operator-result.csv");
        }
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

package io.allianceledger.cli;

import io.allianceledger.cli.simulation.AllianceShape;
import io.allianceledger.cli.simulation.AllianceSimulation;
import io.allianceledger.cli.simulation.SimulationPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ledger simulate OUTDIR ...}: writes a simulated alliance's rules, days of events and channel bills, and
 * {@code plan.sh} with the ledger commands that take them. Deterministic for a seed; streams, so any number of
 * events fits in a fixed amount of memory.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Generate a realistic alliance: rules.yaml and a rule change, events/<day>.jsonl for each day "
        + "(registrations, accruals with purchases, redemptions, sales on alipay and wechat, holds, captures, "
        + "releases, transfers, partial refunds, some of sales whose cycle has closed), bills/<channel>-<day>.csv "
        + "matching the ledger exactly, and plan.sh. Stores are chosen by Zipfian popularity. The same seed and "
        + "options give the same bytes.")
final class SimulateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "OUTDIR", description = "Directory for the files; created if missing, "
        + "must not already hold a plan.sh.")
    Path out;

    @Option(names = "--agents-levels", paramLabel = "N", defaultValue = "2",
        description = "Levels of agents under the operator, 0..8 (default: ${DEFAULT-VALUE}).")
    int agentLevels;

    @Option(names = "--hqs", paramLabel = "N", defaultValue = "20", description = "Merchant headquarters (default: "
        + "${DEFAULT-VALUE}).")
    int hqs;

    @Option(names = "--stores", paramLabel = "N", defaultValue = "200", description = "Stores (default: ${DEFAULT-VALUE}).")
    int stores;

    @Option(names = "--members", paramLabel = "N", defaultValue = "5000",
        description = "Members, at most 10,000,000 (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1", description = "Business days (default: "
        + "${DEFAULT-VALUE}); the rules change at noon of the middle day.")
    int days;

    @Option(names = "--events-per-day", paramLabel = "N", defaultValue = "20000",
        description = "Business events per day, registrations not counted (default: ${DEFAULT-VALUE}).")
    long eventsPerDay;

    @Option(names = "--malformed", paramLabel = "N", defaultValue = "0",
        description = "Malformed lines to spread through the events, for testing error handling (default: "
            + "${DEFAULT-VALUE}).")
    long malformed;

    @Option(names = "--start", paramLabel = "DATE", defaultValue = "2026-11-21",
        description = "The first business day, local date in Asia/Shanghai (default: ${DEFAULT-VALUE}).")
    String startDate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261122", description = "Random seed (default: "
        + "${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        final AllianceSimulation simulation;
        try {
            simulation = new AllianceSimulation(new AllianceShape(agentLevels, hqs, stores, members), days,
                eventsPerDay, malformed, LocalDate.parse(startDate), seed);
        } catch (final IllegalArgumentException | DateTimeParseException e) {
            throw new UserError(e.getMessage());
        }
        if (Files.exists(out.resolve("plan.sh"))) {
            throw new UserError(out + " already holds a simulation (plan.sh); give a new OUTDIR");
        }
        final long started = System.nanoTime();
        final long total = (long)days * eventsPerDay + members;
        final Progress progress = new Progress(spec.commandLine().getErr(), total, System.console() != null);
        final SimulationPlan plan;
        try {
            plan = simulation.write(out, n -> progress.update(n, n));
        } finally {
            progress.finish();
        }
        report(plan, (System.nanoTime() - started) / 1e9);
        return ExitCodes.OK;
    }

    /** The kinds of lines, in the order the summary lists them. */
    static final List<String> KINDS = List.of("register", "accrue", "redeem", "sale", "refund", "hold", "capture",
        "release", "transfer", "malformed", "bill lines");

    private void report(final SimulationPlan plan, final double seconds) {
        final PrintWriter w = spec.commandLine().getOut();
        if (json) {
            final StringBuilder sb = new StringBuilder("{\"out\":").append(Json.quote(out.toString()))
                .append(",\"eventLines\":").append(plan.eventLines()).append(",\"counts\":{");
            for (int i = 0; i < KINDS.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(Json.quote(KINDS.get(i))).append(':')
                    .append(plan.counts().getOrDefault(KINDS.get(i), 0L));
            }
            w.println(sb.append("},\"steps\":").append(plan.steps().size()).append(",\"seconds\":")
                .append(String.format(Locale.ROOT, "%.3f", seconds)).append('}'));
            return;
        }
        w.printf(Locale.ROOT, "simulated %,d event lines in %.2f s into %s%n", plan.eventLines(), seconds, out);
        final StringBuilder sb = new StringBuilder("  ");
        for (final String kind : KINDS) {
            final long n = plan.counts().getOrDefault(kind, 0L);
            if (n > 0) {
                sb.append(String.format(Locale.ROOT, "%s %,d  ", kind, n));
            }
        }
        w.println(sb.toString().stripTrailing());
        w.println("  files: rules.yaml, rules-change.yaml, events/*.jsonl, bills/*.csv, plan.sh");
        w.println("  next: " + out.resolve("plan.sh") + " LEDGER_DIR   (with LEDGER=bin/ledger), or post the "
            + "events yourself in the order plan.sh lists");
    }
}

package io.allianceledger.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.allianceledger.alliance.CycleView;
import io.allianceledger.cli.events.Amounts;
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
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ledger demo [DIR]}: the whole nightly job on a simulated alliance, in one go. It simulates a day, creates
 * a ledger, posts the day through the real engine and journal, applies the noon rule change, sweeps expiry, closes
 * the cycle, reconciles both channels' bills (one with a planted difference), audits the journal and prints what
 * it found. Every step is the same sub-command a nightly batch runs, called in this JVM.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the nightly job on a simulated alliance end to end and print a summary: participants, events, "
        + "entries, rates, settlement totals summing to zero, the reconciliation's planted difference found, and the "
        + "audit with its state hash. Exit 0 when everything came out as it must, 1 otherwise.")
final class DemoCommand implements Callable<Integer> {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 21);

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR",
        description = "Directory for the demo's files (new or empty); default: a new temporary directory.")
    Path directory;

    @Option(names = "--stores", paramLabel = "N", defaultValue = "200", description = "Stores (default: ${DEFAULT-VALUE}).")
    int stores;

    @Option(names = "--members", paramLabel = "N", defaultValue = "5000",
        description = "Members (default: ${DEFAULT-VALUE}).")
    int members;

    @Option(names = "--events", paramLabel = "N", defaultValue = "20000",
        description = "Business events in the day (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "20261122", description = "Random seed (default: "
        + "${DEFAULT-VALUE}).")
    long seed;

    private PrintWriter out;
    private String member;
    private final List<String> problems = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        out = spec.commandLine().getOut();
        final long started = System.nanoTime();
        final AllianceShape shape;
        final AllianceSimulation simulation;
        try { // checked before anything is written
            shape = new AllianceShape(2, 20, stores, members);
            simulation = new AllianceSimulation(shape, 1, events, 0, DAY, seed);
        } catch (final IllegalArgumentException e) {
            throw new UserError(e.getMessage().replace("--events-per-day", "--events"));
        }
        final Path dir = prepare();
        final Path inbox = dir.resolve("inbox");
        final Path ledger = dir.resolve("ledger");

        step(1, "simulating a day of an alliance: 2 agent levels, 20 HQs, " + stores + " stores, " + members
            + " members, " + events + " business events");
        final SimulationPlan plan = simulation.write(inbox, n -> { });

        step(2, "posting it through the engine and the Chronicle Queue journal in " + ledger);
        long posted = 0;
        long created = 0;
        long rejected = 0;
        long malformed = 0;
        double postSeconds = 0;
        SimulationPlan.CloseDay close = null;
        int file = 0;
        for (final SimulationPlan.Step s : plan.steps()) {
            if (s instanceof SimulationPlan.Init init) {
                run(0, "init", ledger.toString(), "--rules", init.rules().toString());
            } else if (s instanceof SimulationPlan.Post post) {
                final Map<String, String> r = run(1, "post", ledger.toString(), post.events().toString(), "--json",
                    "--no-progress", "--results", inbox.resolve("results-" + (++file) + ".jsonl").toString());
                posted += number(r, "lines");
                created += number(r, "created");
                rejected += number(r, "rejected");
                malformed += number(r, "malformed");
                postSeconds += Double.parseDouble(r.get("seconds"));
                detail(String.format(Locale.ROOT, "%s: %,d lines, %,.0f lines/s", post.events().getFileName(),
                    number(r, "lines"), Double.parseDouble(r.get("linesPerSecond"))));
            } else if (s instanceof SimulationPlan.Rules rules) {
                run(0, "rules", ledger.toString(), rules.rules().toString(), "--effective", rules.effective());
                detail("rule change in force from " + rules.effective() + " (fee 0.60 % -> 0.80 %, S1's same-day "
                    + "promotion points)");
            } else if (s instanceof SimulationPlan.CloseDay c) {
                close = c;
            }
        }
        if (close == null) {
            throw new IllegalStateException("the simulation planned no close");
        }

        step(3, "sweeping expiry as of " + close.through());
        run(0, "expire", ledger.toString(), "--at", close.through());

        step(4, "closing the cycle at " + close.through() + ", reconciling both channels' bills (alipay's has a "
            + "planted difference), auditing the journal, writing the report");
        final Path received = inbox.resolve("alipay-bill-as-received.csv");
        final String[] planted = plant(close.bills().get("alipay"), received);
        final Path cycleDir = dir.resolve("cycle-" + close.day());
        final Map<String, String> cleared = run(1, "clear", ledger.toString(), "--through", close.through(), "--out",
            cycleDir.toString(), "--html", "--bill", "alipay=" + received, "--bill", "wechat="
                + close.bills().get("wechat"), "--audit-check-every", "5000", "--json");
        final String report = Files.readString(cycleDir.resolve("reconcile-alipay.csv"), StandardCharsets.UTF_8);
        final boolean found = report.contains("AMOUNT_DIFFERS," + planted[0] + ",");

        final CycleView cycle;
        try (LedgerHome home = LedgerHome.open(ledger)) {
            cycle = home.queries().cycleEndingAt(EventCommands.millis(Amounts.parseTime(close.through()))).join()
                .orElseThrow(() -> new IllegalStateException("the demo's cycle is not in the ledger"));
            // A member worth looking at for the "next" hints: the first with points at noon.
            final long noon = EventCommands.millis(Amounts.parseTime(DAY + "T12:00:00+08:00"));
            for (int m = 1; m <= Math.min(members, 1000) && member == null; m++) {
                if (home.queries().memberPoints("M" + m, noon).join().map(p -> p.available() > 0).orElse(false)) {
                    member = "M" + m;
                }
            }
        }
        final double seconds = (System.nanoTime() - started) / 1e9;

        summary(shape, plan, posted, created, rejected, malformed, postSeconds, cycle, cleared, planted, found, seconds);
        files(dir, ledger, inbox, cycleDir);
        expect(found, "the planted difference was not reported as AMOUNT_DIFFERS " + planted[0]);
        expect(malformed == 0, malformed + " malformed lines in the simulated files");
        expect(rejected == 0, rejected + " simulated lines rejected by the ledger (see " + inbox + "/results-*.jsonl)");
        for (final String channel : AllianceShape.CHANNELS) {
            final String r = "reconciliation." + channel + ".";
            final long others = number(cleared, r + "missingInLedger") + number(cleared, r + "missingInBill")
                + number(cleared, r + "amountDiffers") - (channel.equals("alipay") ? 1 : 0);
            expect(others == 0, channel + " has " + others + " differences besides the planted one");
        }
        expect("true".equals(cleared.get("audit.ok")), "the audit found violations");
        if (!problems.isEmpty()) {
            out.println();
            problems.forEach(p -> out.println("NOT AS EXPECTED: " + p));
            return ExitCodes.NEEDS_ATTENTION;
        }
        return ExitCodes.OK;
    }

    private Path prepare() throws IOException {
        if (directory == null) {
            return Files.createTempDirectory("ledger-demo-");
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new UserError(directory + " is not a directory; give a new or empty directory");
        }
        if (Files.exists(directory)) {
            try (var entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new UserError(directory + " is not empty; give a new or empty directory");
                }
            }
        }
        return Files.createDirectories(directory);
    }

    /** Runs a sub-command in this JVM; its summary (--json) is returned, its exit code checked. */
    private Map<String, String> run(final int worstExpected, final String... args) {
        final StringWriter o = new StringWriter();
        final StringWriter e = new StringWriter();
        final int code = LedgerCli.run(args, new PrintWriter(o), new PrintWriter(e));
        if (code > worstExpected) {
            throw new IllegalStateException("ledger " + String.join(" ", args) + " exited " + code + ":\n" + o + e);
        }
        return List.of(args).contains("--json") ? flatten(o.toString()) : Map.of();
    }

    /** A sub-command's --json summary as dotted paths to scalar values, e.g. {@code audit.stateHash}. */
    static Map<String, String> flatten(final String json) {
        final Map<String, String> fields = new LinkedHashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            final java.util.ArrayDeque<String> path = new java.util.ArrayDeque<>();
            String name = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> name = p.currentName();
                    case START_OBJECT -> {
                        if (name != null) {
                            path.addLast(name);
                        }
                        name = null;
                    }
                    case END_OBJECT -> {
                        if (!path.isEmpty()) {
                            path.removeLast();
                        }
                    }
                    case START_ARRAY -> p.skipChildren();
                    default -> {
                        if (name != null) {
                            fields.put(path.isEmpty() ? name : String.join(".", path) + "." + name, p.getText());
                        }
                    }
                }
            }
        } catch (final IOException e) {
            throw new IllegalStateException("a sub-command printed JSON the demo cannot read: " + json, e);
        }
        return fields;
    }

    /** Copies a bill, adding 1.00 CNY to its tenth transaction, as a channel's mistake would. */
    private static String[] plant(final Path bill, final Path received) throws IOException {
        final List<String> lines = new ArrayList<>(Files.readAllLines(bill, StandardCharsets.UTF_8));
        final int at = Math.min(10, lines.size() - 1);
        if (at < 1) {
            throw new IllegalStateException("the simulated alipay bill is empty; simulate more events");
        }
        final String[] f = lines.get(at).split(",", -1);
        final long fen = Amounts.parseFen(f[1], true);
        final String changed = Amounts.formatFen(fen + 100);
        lines.set(at, f[0] + "," + changed + "," + f[2]);
        Files.write(received, lines, StandardCharsets.UTF_8);
        return new String[] {f[0], changed, Amounts.formatFen(fen)};
    }

    private void summary(final AllianceShape shape, final SimulationPlan plan, final long posted, final long created,
        final long rejected, final long malformed, final double postSeconds, final CycleView cycle,
        final Map<String, String> cleared, final String[] planted, final boolean found, final double seconds) {
        out.println();
        out.printf(Locale.ROOT, "Alliance Ledger demo: one simulated business day, %s, in %.1f s%n", DAY, seconds);
        int agents = 0;
        for (int level = 1; level <= shape.agentLevels(); level++) {
            agents += shape.agentsAt(level);
        }
        row("participants", String.format(Locale.ROOT, "1 operator, %d agents on %d levels, %d HQs, %,d stores, "
            + "%,d members, %d payment channels", agents, shape.agentLevels(), shape.hqs(), shape.stores(),
            shape.members(), AllianceShape.CHANNELS.size()));
        row("events", String.format(Locale.ROOT, "%,d lines posted (%,d registrations, %,d business events): "
                + "%,d created, %,d rejected, %,d malformed", posted, plan.counts().getOrDefault("register", 0L),
            posted - plan.counts().getOrDefault("register", 0L), created, rejected, malformed));
        row("entries", String.format(Locale.ROOT, "%,d balanced entries in %,d journaled commands",
            number(cleared, "audit.entries"), number(cleared, "audit.commands")));
        row("rate", String.format(Locale.ROOT, "%,.0f lines/s posting (parse, engine, journal; one JVM, page-cache "
            + "durability)", posted / Math.max(postSeconds, 1e-9)));
        final CycleView.PointsLine p = cycle.points();
        row("points", String.format(Locale.ROOT, "issued %,d, redeemed %,d, expired %,d, clawed back %,d; "
            + "outstanding %,d", p.issued(), p.redeemed(), p.expired(), p.clawedBack(), p.outstanding()));
        final Map<String, Long> byRole = new LinkedHashMap<>();
        long paid = 0;
        long collected = 0;
        int settledParties = 0;
        for (final CycleView.PartyLine line : cycle.parties()) {
            byRole.merge(line.role().name(), line.settled(), Long::sum);
            paid += Math.max(0, line.settled());
            collected += Math.max(0, -line.settled());
            settledParties += line.settled() != 0 ? 1 : 0;
        }
        byRole.put("OPERATOR", cycle.operator().settled());
        final long sum = byRole.values().stream().mapToLong(Long::longValue).sum();
        expect(sum == 0, "the settlement sums to " + Amounts.formatFen(sum) + ", not zero");
        row("settlement", String.format(Locale.ROOT, "cycle %d: the operator pays %s CNY and collects %s CNY; "
            + "%d parties settled", cycle.number(), Amounts.formatFen(paid), Amounts.formatFen(collected), settledParties));
        final StringBuilder roles = new StringBuilder();
        byRole.forEach((role, v) -> roles.append(role).append(' ').append(Amounts.formatFen(v)).append(", "));
        row("", roles + "sum " + Amounts.formatFen(sum) + (sum == 0 ? " (zero, as it must be)" : " (NOT ZERO)"));
        final CycleView.OperatorLine o = cycle.operator();
        row("operator", String.format(Locale.ROOT, "result %s CNY: fees %s, redemption spread %s, breakage %s",
            Amounts.formatFen(o.result()), Amounts.formatFen(o.feeIncome()), Amounts.formatFen(o.redemptionSpread()),
            Amounts.formatFen(o.breakage())));
        for (final String channel : AllianceShape.CHANNELS) {
            final String r = "reconciliation." + channel + ".";
            row(channel.equals("alipay") ? "reconcile" : "", String.format(Locale.ROOT, "%s: %,d matched, %d missing "
                    + "in ledger, %d missing in bill, %d amount differs", channel, number(cleared, r + "matched"),
                number(cleared, r + "missingInLedger"), number(cleared, r + "missingInBill"),
                number(cleared, r + "amountDiffers")));
        }
        row("", "planted: " + planted[0] + " billed " + planted[1] + " instead of " + planted[2] + " -> "
            + (found ? "found" : "NOT FOUND"));
        row("audit", ("true".equals(cleared.get("audit.ok")) ? "OK" : "FAILED") + ": every record's checksum and the "
            + "hash chain verified, " + cleared.get("audit.commands") + " commands re-applied, invariants checked "
            + cleared.get("audit.invariantChecks") + " times");
        row("", "state hash " + cleared.get("audit.stateHash"));
    }

    private void files(final Path dir, final Path ledger, final Path inbox, final Path cycle) {
        out.println();
        out.println("Files in " + dir + ":");
        line(ledger.toString(), "the ledger: journal, snapshots, ledger.properties");
        line(inbox.toString(), "the simulated events, rules, bills (and the alipay bill as received)");
        line(cycle.toString(), "report.html, settlement.csv, statements.jsonl, operator-result.csv, reconcile-*.csv");
        out.println();
        out.println("Next:");
        line("open " + cycle.resolve("report.html"), "the cycle report, in any browser");
        line("bin/ledger audit " + ledger, "a full audit: invariants after every command");
        line("bin/ledger balance " + ledger + " S1", "the busiest store's position, live");
        if (member != null) {
            line("bin/ledger points " + ledger + " " + member + " --as-of " + DAY + "T12:00:00+08:00",
                "a member's points at noon, replayed");
        }
        line("bin/ledger simulate sim --days 7 --stores 2000 --members 100000 && LEDGER=bin/ledger sim/plan.sh "
            + "sim-ledger", "a bigger alliance, a week of it");
        line("docs/cli.md, docs/accounting-model.md", "every command; every rule with worked numbers");
    }

    private void line(final String what, final String why) {
        out.println("  " + what + "   # " + why);
    }

    private void step(final int n, final String what) {
        out.println("[" + n + "/4] " + what);
        out.flush();
    }

    private void detail(final String what) {
        out.println("      " + what);
        out.flush();
    }

    private void row(final String label, final String text) {
        out.printf(Locale.ROOT, "  %-13s %s%n", label, text);
    }

    private void expect(final boolean ok, final String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static long number(final Map<String, String> fields, final String name) {
        final String v = fields.get(name);
        if (v == null) {
            throw new IllegalStateException("no " + name + " in a sub-command's summary");
        }
        return Long.parseLong(v);
    }
}

package io.allianceledger.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/nightly: runs nightly.sh as a real process (bash, the real bin/ledger) over a copy of its sample day:
 * a clean run, a second run of the same day, a run with planted differences, and runs that stop at a failed step.
 */
class NightlyExampleIT {
    private static final Path SCRIPT = LedgerProcess.ROOT.resolve("examples/nightly/nightly.sh");
    private static final Path SAMPLE = LedgerProcess.ROOT.resolve("examples/nightly/sample/2026-11-21");
    private static final Path RULES = LedgerProcess.ROOT.resolve("examples/rules/two-level-agents.yaml");
    private static final String DAY = "2026-11-21";
    private static final String ARCHIVE = "nightly-" + DAY + ".tar.gz";
    private static final String[] CYCLE_FILES = {"settlement.csv", "statements.jsonl", "operator-result.csv"};

    @TempDir
    Path work;

    @BeforeAll
    static void launcherIsBuilt() {
        assertTrue(Files.isRegularFile(LedgerProcess.ROOT.resolve("ledger-cli/target/ledger.jar")), "ledger.jar");
        assertTrue(Files.isRegularFile(SCRIPT), SCRIPT.toString());
    }

    /** Runs a command in {@link #work} with JAVA_HOME set to the JDK running the tests, as LedgerProcess does. */
    private LedgerProcess.Run run(final Map<String, String> env, final String... command) throws Exception {
        final Path out = Files.createTempFile(work, "out", ".txt");
        final Path err = Files.createTempFile(work, "err", ".txt");
        final ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
            .redirectOutput(out.toFile()).redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("LEDGER"); // the script must find bin/ledger itself unless a test says otherwise
        pb.environment().putAll(env);
        final Process p = pb.start();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 600 s");
        }
        final LedgerProcess.Run r = new LedgerProcess.Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return r;
    }

    private LedgerProcess.Run nightly(final String... args) throws Exception {
        return nightly(Map.of(), args);
    }

    private LedgerProcess.Run nightly(final Map<String, String> env, final String... args) throws Exception {
        final List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        return run(env, command.toArray(String[]::new));
    }

    /** A fresh copy of the sample day, so tests may change it. */
    private Path inbox(final String name) throws IOException {
        final Path inbox = work.resolve(name);
        Files.createDirectories(inbox);
        try (Stream<Path> files = Files.list(SAMPLE)) {
            for (final Path f : (Iterable<Path>)files::iterator) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        return inbox;
    }

    private static long fen(final String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    private static List<String> lines(final Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void cleanRunNeedsNobodyAndASecondRunOfTheSameDayChangesNothing() throws Exception {
        final Path inbox = inbox("inbox");
        LedgerProcess.Run r = nightly("--init", RULES.toString(), "ledger", DAY, "inbox", "out");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("nightly 2026-11-21: finished; nothing needs a person."), r.toString());
        assertEquals("", r.err(), r.toString());
        final Path out = work.resolve("out");
        assertEquals(0, Files.size(out.resolve("needs-a-person.txt")));

        // Every event line was created.
        for (final String name : new String[] {"01-registrations", "02-pos-morning", "03-pos-afternoon"}) {
            final List<String> results = lines(out.resolve("post/" + name + ".results.jsonl"));
            assertEquals(lines(inbox.resolve(name + ".jsonl")).size(), results.size(), name);
            results.forEach(l -> assertTrue(l.contains("\"result\":\"CREATED\""), name + ": " + l));
        }

        // The settlement sums to zero; the quiet store's small position is carried forward.
        final List<String> settlement = lines(out.resolve("cycle/settlement.csv"));
        assertEquals(1 + 25 + 1, settlement.size(), "header, 25 parties, the operator");
        long sum = 0;
        for (final String row : settlement.subList(1, settlement.size())) {
            sum += fen(row.split(",", -1)[12]);
        }
        assertEquals(0, sum, "settlement sums to zero");
        assertTrue(settlement.contains("TEA-NB02,STORE,0.00,-0.80,0.48,0.00,0.00,0.00,0.00,0.00,-0.32,10.00,0.00,-0.32,0"),
            String.join("\n", settlement));

        // Every bill line matched.
        for (final String channel : new String[] {"alipay", "wechat"}) {
            final List<String> report = lines(out.resolve("reconcile/" + channel + "-report.csv"));
            assertEquals(lines(inbox.resolve(channel + "-bill.csv")).size(), report.size(), channel);
            report.subList(1, report.size()).forEach(l -> assertTrue(l.startsWith("MATCHED,"), channel + ": " + l));
        }
        final String audit = Files.readString(out.resolve("audit.txt"));
        assertTrue(audit.contains("result:            OK") && audit.contains("rejected 0)"), audit);

        // The archive holds the inputs, the outputs and a copy of the ledger without its lock, and that copy
        // audits to the same state as the ledger.
        final List<String> entries = List.of(run(Map.of(), "tar", "-tzf", out.resolve(ARCHIVE).toString()).out().split("\n"));
        final String top = "nightly-" + DAY + "/";
        for (final String e : new String[] {"inbox/01-registrations.jsonl", "inbox/02-pos-morning.jsonl",
            "inbox/03-pos-afternoon.jsonl", "inbox/alipay-bill.csv", "inbox/wechat-bill.csv",
            "post/01-registrations.results.jsonl", "post/02-pos-morning.results.jsonl", "post/03-pos-afternoon.results.jsonl",
            "cycle/settlement.csv", "cycle/statements.jsonl", "cycle/operator-result.csv",
            "reconcile/alipay-report.csv", "reconcile/wechat-report.csv", "audit.txt", "needs-a-person.txt",
            "ledger/ledger.properties", "ledger/names.tsv", "ledger/journal/metadata.cq4t"}) {
            assertTrue(entries.contains(top + e), e + " in " + entries);
        }
        assertTrue(entries.stream().anyMatch(e -> e.startsWith(top + "ledger/journal/") && e.endsWith(".cq4")), entries.toString());
        assertFalse(entries.stream().anyMatch(e -> e.endsWith("journal.lock")), entries.toString());
        final Path restored = work.resolve("restored");
        Files.createDirectories(restored);
        assertEquals(0, run(Map.of(), "tar", "-xzf", out.resolve(ARCHIVE).toString(), "-C", restored.toString()).exit());
        for (final String f : CYCLE_FILES) {
            assertArrayEquals(Files.readAllBytes(out.resolve("cycle/" + f)),
                Files.readAllBytes(restored.resolve(top + "cycle/" + f)), f);
        }
        r = LedgerProcess.run(work, "audit", restored.resolve(top + "ledger").toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(stateHash(audit), stateHash(r.out()), "the archived ledger is the ledger");

        // A second run of the same day: every line exists, the cycle's files are re-derived identical and kept.
        final List<byte[]> first = new ArrayList<>();
        for (final String f : CYCLE_FILES) {
            first.add(Files.readAllBytes(out.resolve("cycle/" + f)));
        }
        r = nightly("--init", RULES.toString(), "ledger", DAY, "inbox", "out");
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.out().contains("== init"), "the ledger exists: no init\n" + r);
        assertTrue(r.out().contains("01-registrations.jsonl: 84 lines, 0 created, 84 exists, 0 rejected, 0 malformed"), r.toString());
        assertTrue(r.out().contains("02-pos-morning.jsonl: 128 lines, 0 created, 128 exists"), r.toString());
        assertTrue(r.out().contains("03-pos-afternoon.jsonl: 223 lines, 0 created, 223 exists"), r.toString());
        assertTrue(r.out().contains("the cycle was closed by an earlier run; its files in out/cycle are identical"), r.toString());
        assertTrue(r.out().contains("nothing needs a person."), r.toString());
        for (int i = 0; i < CYCLE_FILES.length; i++) {
            assertArrayEquals(first.get(i), Files.readAllBytes(out.resolve("cycle/" + CYCLE_FILES[i])), CYCLE_FILES[i]);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(List.of("audit.txt", "cycle", "needs-a-person.txt", ARCHIVE, "post", "reconcile"),
                files.map(p -> p.getFileName().toString()).sorted().toList(), "no leftovers of the rerun");
        }

        // A rerun notices cycle files changed since they were written, and keeps the ledger's beside them.
        Files.writeString(out.resolve("cycle/settlement.csv"), "edited by hand\n", java.nio.file.StandardOpenOption.APPEND);
        r = nightly("ledger", DAY, "inbox", "out");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("clear: out/cycle/{settlement.csv} differ from the ledger's files for the same cycle"),
            r.toString());
        try (Stream<Path> files = Files.list(out)) {
            final Path kept = files.filter(p -> p.getFileName().toString().startsWith("cycle.rerun-")).findFirst()
                .orElseThrow(() -> new AssertionError("no cycle.rerun-* directory"));
            assertArrayEquals(first.get(0), Files.readAllBytes(kept.resolve("settlement.csv")));
        }
    }

    private static String stateHash(final String auditOutput) {
        return auditOutput.lines().filter(l -> l.contains("final stateHash():")).findFirst()
            .orElseThrow(() -> new AssertionError("no state hash in " + auditOutput)).replaceAll(".*: ", "");
    }

    @Test
    void plantedBillDifferenceAndRejectedLineNeedAPerson() throws Exception {
        final Path inbox = inbox("inbox");
        // The wechat bill says one payment was 1.00 CNY more than the ledger booked.
        final Path bill = inbox.resolve("wechat-bill.csv");
        final List<String> lines = lines(bill);
        final String[] f = lines.get(7).split(",");
        final String txn = f[0];
        final String billed = AllianceDay.yuan(fen(f[1]) + 100);
        lines.set(7, txn + "," + billed + "," + f[2]);
        Files.write(bill, lines, StandardCharsets.UTF_8);
        // A late POS file with a redemption of more points than the member has.
        Files.writeString(inbox.resolve("04-pos-late.jsonl"), AllianceDay.event("redeem", "pos-red-late-1",
            "2026-11-21T23:59:00+08:00", "\"member\":\"M0061\",\"store\":\"TEA-NB02\",\"points\":5000") + "\n");

        final LedgerProcess.Run r = nightly("--init", RULES.toString(), "ledger", DAY, "inbox", "out");
        assertEquals(1, r.exit(), r.toString());
        final String expected = "wechat AMOUNT_DIFFERS " + txn + ": bill " + billed + ", ledger " + f[1] + ", difference -1.00";
        assertTrue(r.out().contains(expected), expected + "\n" + r);
        assertTrue(r.out().contains("post 04-pos-late.jsonl: 1 line(s) rejected or malformed"), r.toString());
        assertTrue(r.out().contains("\"id\":\"pos-red-late-1\",\"result\":\"INSUFFICIENT_POINTS\""), r.toString());
        assertFalse(r.out().contains("reconcile alipay: differences"), r.toString());
        final Path out = work.resolve("out");
        final String needs = Files.readString(out.resolve("needs-a-person.txt"));
        assertTrue(needs.contains(expected) && needs.contains("pos-red-late-1"), needs);
        assertTrue(Files.readString(out.resolve("reconcile/wechat-report.csv")).contains("AMOUNT_DIFFERS," + txn + ","));
        assertTrue(Files.isRegularFile(out.resolve(ARCHIVE)), "the batch finished: archived");
    }

    @Test
    void aFailedStepStopsTheBatchWithItsExitCode() throws Exception {
        final Path inbox = inbox("inbox");
        // Unusable arguments: nothing is created.
        LedgerProcess.Run r = nightly("missing-ledger", DAY, "inbox", "out");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("pass --init"), r.toString());
        assertFalse(Files.exists(work.resolve("out")));
        assertEquals(2, nightly("ledger", "2026-11-31", "inbox", "out").exit());

        // A bill the ledger cannot read: the batch stops at its reconciliation with the ledger's exit 2.
        Files.writeString(inbox.resolve("wechat-bill.csv"), "not-a-bill-line\n", java.nio.file.StandardOpenOption.APPEND);
        r = nightly("--init", RULES.toString(), "ledger", DAY, "inbox", "out");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("STOPPED at step 'reconcile wechat' (ledger exit 2)"), r.toString());
        assertTrue(r.err().contains("expected channel_txn_id,amount,time"), r.toString());
        assertFalse(r.out().contains("== audit"), r.toString());
        assertFalse(Files.exists(work.resolve("out/" + ARCHIVE)), "stopped: no archive");

        // A step that dies (here a launcher killed during post): exit 3.
        final Path dying = work.resolve("dying-ledger");
        Files.writeString(dying, "#!/usr/bin/env bash\n[ \"$1\" = post ] && exit 137\nexec "
            + LedgerProcess.LAUNCHER + " \"$@\"\n");
        assertTrue(dying.toFile().setExecutable(true));
        r = nightly(Map.of("LEDGER", dying.toString()), "--init", RULES.toString(), "ledger2", DAY, "inbox", "out2");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("STOPPED at step 'post 01-registrations.jsonl' (ledger exit 137)"), r.toString());
        assertFalse(Files.exists(work.resolve("out2/cycle")), "stopped before the close");
    }
}

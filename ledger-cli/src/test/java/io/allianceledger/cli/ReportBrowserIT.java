package io.allianceledger.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cycle report in a real headless browser (Debian's chromium): {@code ledger clear --html} over a generated
 * alliance day with a planted bill difference, then the page rendered, its DOM read back and every figure on it
 * compared with settlement.csv and operator-result.csv. The screenshot is kept in target/report-screenshots.
 * Skipped when chromium is missing, unless LEDGER_REQUIRE_BROWSER=1 (CI sets it, after installing chromium).
 */
class ReportBrowserIT {
    private static final Path RULES = LedgerProcess.ROOT.resolve("examples/rules/two-level-agents.yaml");
    private static final Path SCREENSHOTS = Path.of("target/report-screenshots").toAbsolutePath();
    private static final Pattern PARTY = Pattern.compile("data-code=\"([^\"]+)\" data-field=\"([a-z_]+)\">([^<]*)<");
    private static final Pattern TOTAL = Pattern.compile("data-total=\"([A-Za-z-]+)\">([^<]*)<");
    private static final Pattern POINTS = Pattern.compile("data-points=\"([A-Za-z]+)\">([^<]*)<");
    private static final Pattern RESULT = Pattern.compile("data-result=\"([a-z_]+)\">([^<]*)<");
    private static Path chromium;

    @TempDir
    Path work;

    @BeforeAll
    static void findChromium() {
        final String configured = System.getenv("CHROMIUM");
        final Path path = Path.of(configured == null ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(path)) {
            if ("1".equals(System.getenv("LEDGER_REQUIRE_BROWSER"))) {
                throw new AssertionError(path + " is missing and LEDGER_REQUIRE_BROWSER=1: install Debian's chromium "
                    + "(apt-get install chromium; .ci/run does) or point CHROMIUM at it");
            }
            Assumptions.abort(path + " is missing: install Debian's chromium to run the cycle report's browser test");
        }
        chromium = path;
    }

    /** What chromium printed and the DOM it rendered. */
    private record Rendered(String dom, String log) {
        /** Console messages of the page, and failed loads; the browser's own start-up noise (dbus...) is not the page's. */
        List<String> pageErrors() {
            final List<String> errors = new ArrayList<>();
            for (final String line : log.split("\n")) {
                if (line.contains(":CONSOLE") || line.contains("net::ERR") || line.contains("Failed to load")) {
                    errors.add(line);
                }
            }
            return errors;
        }
    }

    private Rendered render(final Path page, final String... extra) throws Exception {
        final List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
            "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars",
            "--user-data-dir=" + Files.createTempDirectory(work, "chromium-profile"), "--enable-logging=stderr", "--v=0"));
        command.addAll(List.of(extra));
        command.add(page.toUri().toString());
        final Path out = work.resolve("chromium.out");
        final Path err = work.resolve("chromium.err");
        final Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + Files.readString(err));
        }
        final String log = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "chromium exit code\n" + log);
        return new Rendered(Files.readString(out, StandardCharsets.UTF_8), log);
    }

    @Test
    void theErrorCheckSeesAPageThatFails() throws Exception {
        final Path bad = work.resolve("bad.html");
        Files.writeString(bad, "<html><body><script>console.error('broken')</script>x</body></html>");
        assertFalse(render(bad, "--dump-dom").pageErrors().isEmpty(), "a console error is seen");
    }

    @Test
    void theReportRendersAndShowsWhatTheFilesSay() throws Exception {
        final String dir = work.resolve("ledger").toString();
        assertEquals(0, LedgerProcess.run(work, "init", dir, "--rules", RULES.toString()).exit());
        final AllianceDay day = new AllianceDay(20_261_121L, "2026-11-21");
        day.registerTree(8 * 3600);
        day.business(8 * 3600 + 1, 23 * 3600, 600);
        final Path events = work.resolve("day.jsonl");
        Files.write(events, day.lines, StandardCharsets.UTF_8);
        LedgerProcess.Run r = LedgerProcess.run(work, "post", dir, events.toString(), "--json");
        assertTrue(r.exit() <= 1, r.toString());
        final List<String> alipay = day.bill("alipay", List.of());
        final String[] planted = alipay.get(4).split(",");
        alipay.set(4, planted[0] + ",1" + planted[1] + "," + planted[2]); // 1 followed by the amount: a typo
        final Path alipayBill = work.resolve("alipay.csv");
        Files.write(alipayBill, alipay, StandardCharsets.UTF_8);
        final Path wechatBill = work.resolve("wechat.csv");
        Files.write(wechatBill, day.bill("wechat", List.of()), StandardCharsets.UTF_8);

        final Path cycle = work.resolve("cycle");
        r = LedgerProcess.run(work, "clear", dir, "--through", "2026-11-22T00:00:00+08:00", "--out", cycle.toString(),
            "--html", "--bill", "alipay=" + alipayBill, "--bill", "wechat=" + wechatBill, "--json");
        assertEquals(1, r.exit(), "the planted difference needs a person\n" + r);
        final Path report = cycle.resolve("report.html");
        final String html = Files.readString(report, StandardCharsets.UTF_8);
        assertFalse(html.toLowerCase().contains("<script"), "no script");
        assertFalse(html.contains("http://") || html.contains("https://"), "no network");
        assertFalse(html.toLowerCase().contains("<img") || html.toLowerCase().contains("<link"), "nothing to load");

        final Rendered page = render(report, "--dump-dom");
        assertEquals(List.of(), page.pageErrors(), "the page renders without errors");
        final String dom = page.dom();
        for (final String section : List.of("Settlement", "Points", "Operator result", "Reconciliation", "Audit")) {
            assertTrue(dom.contains(section), section);
        }
        assertTrue(dom.contains("<svg"), "inline SVG charts");

        // Every party figure on the page is settlement.csv's.
        final Map<String, Map<String, String>> csv = settlement(cycle);
        final Matcher party = PARTY.matcher(dom);
        int figures = 0;
        while (party.find()) {
            final Map<String, String> row = csv.get(unescape(party.group(1)));
            assertTrue(row != null, "party on the page is in settlement.csv: " + party.group(1));
            assertEquals(row.get(party.group(2)), party.group(3), party.group(1) + " " + party.group(2));
            figures++;
        }
        assertTrue(figures >= 10, "the top parties are listed: " + figures);

        // Role totals are sums over settlement.csv.
        final Map<String, String> totals = find(TOTAL, dom);
        final Map<String, BigDecimal> paid = new HashMap<>();
        final Map<String, BigDecimal> collected = new HashMap<>();
        BigDecimal all = BigDecimal.ZERO;
        for (final Map<String, String> row : csv.values()) {
            final BigDecimal settled = new BigDecimal(row.get("settled"));
            all = all.add(settled);
            if (row.get("role").equals("OPERATOR")) {
                continue;
            }
            paid.merge(row.get("role"), settled.max(BigDecimal.ZERO), BigDecimal::add);
            collected.merge(row.get("role"), settled.min(BigDecimal.ZERO).negate(), BigDecimal::add);
        }
        assertEquals(0, all.signum(), "settlement.csv sums to zero");
        assertEquals("0.00", totals.get("zero-sum"));
        for (final String role : paid.keySet()) {
            assertEquals(yuan(paid.get(role)), totals.get(role + "-paid"), role);
            assertEquals(yuan(collected.get(role)), totals.get(role + "-collected"), role);
            assertEquals(yuan(paid.get(role).subtract(collected.get(role))), totals.get(role + "-net"), role);
        }
        assertEquals(yuan(paid.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)), totals.get("paid"));

        // The operator's result is operator-result.csv's, item by item; the points are the clear's summary's.
        final Map<String, String> result = find(RESULT, dom);
        final List<String> items = Files.readAllLines(cycle.resolve("operator-result.csv"));
        for (final String line : items.subList(1, items.size())) {
            final String[] f = line.split(",");
            assertEquals(f[1], result.get(f[0]), f[0]);
        }
        final Map<String, String> points = find(POINTS, dom);
        final Map<String, String> summary = json(r.out());
        for (final String p : List.of("issued", "redeemed", "expired", "outstanding")) {
            assertTrue(points.containsKey(p), p);
            assertEquals(summary.get(p), points.get(p), p + " points");
        }
        assertEquals(Long.parseLong(points.get("opening")) + Long.parseLong(points.get("issued"))
            - Long.parseLong(points.get("redeemed")) - Long.parseLong(points.get("expired"))
            - Long.parseLong(points.get("clawedBack")) + Long.parseLong(points.get("corrected")),
            Long.parseLong(points.get("outstanding")));

        // The planted difference is listed; wechat matched; the audit is OK with the ledger's state hash.
        assertTrue(dom.contains("data-txn=\"" + planted[0] + "\""), "the planted transaction is listed");
        assertTrue(dom.contains("data-channel=\"wechat\" data-status=\"AMOUNT_DIFFERS\" data-field=\"count\">0<"), dom);
        final LedgerProcess.Run audit = LedgerProcess.run(work, "audit", dir, "--json", "--check-every", "100000");
        final String hash = json(audit.out()).get("stateHash");
        assertTrue(dom.contains("data-audit=\"state-hash\">" + hash + "<"), "state hash " + hash);

        // A screenshot of the whole page, kept with the test output.
        Files.createDirectories(SCREENSHOTS);
        final Path shot = SCREENSHOTS.resolve("report-" + Runtime.version().feature() + ".png");
        Files.deleteIfExists(shot);
        render(report, "--screenshot=" + shot, "--window-size=1280,4000");
        final byte[] png = Files.readAllBytes(shot);
        assertTrue(png.length > 20_000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a real PNG: " + png.length);
        System.out.println("cycle report screenshot: " + shot);
    }

    private static String yuan(final BigDecimal amount) {
        return amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }

    private static Map<String, String> find(final Pattern pattern, final String dom) {
        final Map<String, String> found = new HashMap<>();
        final Matcher m = pattern.matcher(dom);
        while (m.find()) {
            found.putIfAbsent(m.group(1), m.group(2));
        }
        return found;
    }

    private static Map<String, String> json(final String text) {
        final Map<String, String> fields = new HashMap<>();
        final Matcher m = Pattern.compile("\"([A-Za-z]+)\":\"?([^\",}]*)").matcher(text);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return fields;
    }

    private static String unescape(final String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
            .replace("&amp;", "&");
    }

    private static Map<String, Map<String, String>> settlement(final Path cycle) throws IOException {
        final List<String> lines = Files.readAllLines(cycle.resolve("settlement.csv"));
        final String[] header = lines.get(0).split(",", -1);
        final Map<String, Map<String, String>> rows = new HashMap<>();
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",", -1);
            final Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i]);
            }
            rows.put(f[0], row);
        }
        return rows;
    }
}

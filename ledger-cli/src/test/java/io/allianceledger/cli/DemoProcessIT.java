package io.allianceledger.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ledger demo} as a new user runs it: a real process, then its summary checked against the files it wrote
 * and against a separate audit of its ledger.
 */
class DemoProcessIT {
    @TempDir
    Path work;

    @Test
    void theDemoRunsTheNightlyJobAndItsSummaryIsWhatTheFilesSay() throws Exception {
        final Path dir = work.resolve("demo");
        final LedgerProcess.Run run = LedgerProcess.run(work, "demo", dir.toString(), "--events", "6000");
        assertEquals(0, run.exit(), run.toString());
        final String out = run.out();
        for (final String step : List.of("[1/4]", "[2/4]", "[3/4]", "[4/4]")) {
            assertTrue(out.contains(step), "progress " + step + "\n" + out);
        }
        assertTrue(out.contains("0 rejected, 0 malformed"), out);
        assertTrue(out.contains("(zero, as it must be)"), out);
        assertTrue(out.contains("-> found"), out);
        assertTrue(out.contains("alipay: ") && out.contains("0 missing in ledger, 0 missing in bill, 1 amount differs"), out);
        assertTrue(out.contains("audit         OK"), out);
        assertTrue(out.contains("Next:") && out.contains(dir.resolve("ledger").toString()), out);

        // The per-role settlement totals printed are the sums of settlement.csv's settled column, role by role.
        final Path cycle = dir.resolve("cycle-2026-11-21");
        assertTrue(Files.readString(cycle.resolve("report.html")).contains("data-txn=\""), "the report lists the difference");
        final List<String> rows = Files.readAllLines(cycle.resolve("settlement.csv"));
        final List<String> header = List.of(rows.get(0).split(","));
        final Map<String, BigDecimal> byRole = new LinkedHashMap<>();
        for (final String row : rows.subList(1, rows.size())) {
            final String[] f = row.split(",", -1);
            byRole.merge(f[header.indexOf("role")], new BigDecimal(f[header.indexOf("settled")]), BigDecimal::add);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (final Map.Entry<String, BigDecimal> e : byRole.entrySet()) {
            assertTrue(out.contains(e.getKey() + " " + e.getValue().toPlainString()), e + "\n" + out);
            sum = sum.add(e.getValue());
        }
        assertEquals(0, sum.signum(), "settlement.csv sums to zero");

        // The state hash printed is the one an independent audit of the ledger computes.
        final Matcher hash = Pattern.compile("state hash ([0-9a-f]{64})").matcher(out);
        assertTrue(hash.find(), out);
        final LedgerProcess.Run audit = LedgerProcess.run(work, "audit", dir.resolve("ledger").toString(), "--json",
            "--check-every", "100000");
        assertEquals(0, audit.exit(), audit.toString());
        assertTrue(audit.out().contains("\"stateHash\":\"" + hash.group(1) + "\""), audit + "\n" + out);

        // The planted difference is the only one in alipay's reconciliation report.
        final List<String> report = Files.readAllLines(cycle.resolve("reconcile-alipay.csv"));
        assertEquals(1, report.stream().filter(l -> !l.startsWith("MATCHED") && !l.startsWith("status")).count(),
            String.join("\n", report));

        // A directory that is not empty is refused, and nothing in it changes.
        final LedgerProcess.Run again = LedgerProcess.run(work, "demo", dir.toString());
        assertEquals(2, again.exit(), again.toString());
    }
}

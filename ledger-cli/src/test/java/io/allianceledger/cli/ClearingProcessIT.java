package io.allianceledger.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly batch end to end, driving bin/ledger as a process over a generated alliance: agents at two
 * levels, HQs, stores and members; a day of mixed events with a rule change at noon; a close; refunds of the
 * closed day's sales the next day; a second close. Checks the files (zero sums, carried-forward amounts,
 * byte-identical re-runs, also from a copied ledger), idempotent re-posting, audit, and a reconciliation that
 * must find exactly the planted differences.
 */
class ClearingProcessIT {
    private static final Path RULES = LedgerProcess.ROOT.resolve("examples/rules/two-level-agents.yaml");
    private static final Path CHANGE = LedgerProcess.ROOT.resolve("examples/rules/rule-change.yaml");

    @TempDir
    Path work;

    private LedgerProcess.Run ledger(final String... args) throws Exception {
        return LedgerProcess.run(work, args);
    }

    private Path write(final String name, final List<String> lines) throws IOException {
        final Path p = work.resolve(name);
        Files.write(p, lines, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void nightlyBatch() throws Exception {
        final String dir = work.resolve("ledger").toString();
        assertEquals(0, ledger("init", dir, "--rules", RULES.toString()).exit());

        final AllianceDay day1 = new AllianceDay(20_261_121L, "2026-11-21");
        day1.registerTree(8 * 3600);
        day1.business(8 * 3600 + 1, 12 * 3600 - 1, 400);
        final Path morning = write("morning.jsonl", day1.lines);
        final int morningLines = day1.lines.size();
        LedgerProcess.Run r = ledger("post", dir, morning.toString(), "--json");
        assertTrue(r.exit() <= 1, r.toString());
        assertTrue(r.out().contains("\"malformed\":0"), r.toString());

        r = ledger("rules", dir, CHANGE.toString(), "--effective", "2026-11-21T12:00:00+08:00");
        assertEquals(0, r.exit(), r.toString());
        day1.business(12 * 3600, 23 * 3600, 400);
        final Path afternoon = write("afternoon.jsonl", day1.lines.subList(morningLines, day1.lines.size()));
        r = ledger("post", dir, afternoon.toString(), "--results", work.resolve("pm-results.jsonl").toString());
        assertTrue(r.exit() <= 1, r.toString());

        // Re-posting a file changes nothing.
        r = ledger("post", dir, morning.toString(), "--json");
        assertTrue(r.out().contains("\"created\":0"), r.toString());

        final Path c1 = work.resolve("cycle-1");
        r = ledger("clear", dir, "--through", "2026-11-22T00:00:00+08:00", "--out", c1.toString());
        assertEquals(0, r.exit(), r.toString());
        final List<Map<String, String>> s1 = settlement(c1);
        checkSettlement(s1);

        // Closing the same time again reports the same cycle, byte for byte; so does a copy of the ledger.
        final Path c1again = work.resolve("cycle-1-again");
        assertEquals(0, ledger("clear", dir, "--through", "2026-11-22T00:00:00+08:00", "--out", c1again.toString()).exit());
        sameFiles(c1, c1again);
        final Path copy = work.resolve("ledger-copy");
        copyTree(Path.of(dir), copy);
        final Path c1copy = work.resolve("cycle-1-copy");
        r = ledger("clear", copy.toString(), "--through", "2026-11-22T00:00:00+08:00", "--out", c1copy.toString());
        assertEquals(0, r.exit(), r.toString());
        sameFiles(c1, c1copy);

        // Day 2: partial refunds of day 1's sales after its cycle closed, and more business.
        final AllianceDay day2 = new AllianceDay(20_261_122L, "2026-11-22");
        final List<AllianceDay.Sale> lateRefunds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            final AllianceDay.Sale sale = day1.sales.get(i * 7);
            day2.refund(sale, Math.max(1, sale.fen() / 10), day2.time(9 * 3600 + i));
        }
        lateRefunds.addAll(day2.refunds);
        day2.business(10 * 3600, 20 * 3600, 300);
        r = ledger("post", dir, write("day2.jsonl", day2.lines).toString(), "--json");
        assertTrue(r.exit() <= 1, r.toString());
        final Path c2 = work.resolve("cycle-2");
        r = ledger("clear", dir, "--through", "2026-11-23T00:00:00+08:00", "--out", c2.toString());
        assertEquals(0, r.exit(), r.toString());
        final List<Map<String, String>> s2 = settlement(c2);
        checkSettlement(s2);
        final Map<String, String> carried = new HashMap<>();
        s1.forEach(row -> carried.put(row.get("code"), row.get("carried_out")));
        for (final Map<String, String> row : s2) {
            if (!row.get("role").equals("OPERATOR")) {
                assertEquals(carried.getOrDefault(row.get("code"), "0.00"), row.get("carried_in"), row.toString());
            }
        }
        final String statements2 = Files.readString(c2.resolve("statements.jsonl"));
        for (final AllianceDay.Sale refund : lateRefunds) {
            assertTrue(statements2.contains("\"operation\":\"" + refund.id() + "\",\"kind\":\"SALE_REFUND\""),
                "cycle 2 statements list the refund of a cycle-1 sale: " + refund.id());
        }

        // A closed cycle cannot be reopened by an earlier close.
        r = ledger("clear", dir, "--through", "2026-11-21T12:00:00+08:00", "--out", work.resolve("bad").toString());
        assertEquals(2, r.exit(), r.toString());

        // Reconcile day 1 of alipay with one ledger transaction missing from the bill, one bill line the ledger
        // does not have, and one amount that differs.
        final List<String> bill = day1.bill("alipay", List.of());
        final String dropped = bill.remove(3).split(",")[0];
        final String[] changed = bill.get(5).split(",");
        bill.set(5, changed[0] + "," + AllianceDay.yuan(Amounts(changed[1]) + 1) + "," + changed[2]);
        bill.add("ali-not-in-ledger,12.34,2026-11-21T15:00:00+08:00");
        final Path report = work.resolve("alipay-report.csv");
        r = ledger("reconcile", dir, "--channel", "alipay", "--file", write("alipay.csv", bill).toString(),
            "--out", report.toString(), "--json");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().contains("\"missingInLedger\":1,\"missingInBill\":1,\"amountDiffers\":1"), r.toString());
        final String rep = Files.readString(report);
        assertTrue(rep.contains("MISSING_IN_BILL," + dropped + ","), rep);
        assertTrue(rep.contains("AMOUNT_DIFFERS," + changed[0] + ","), rep);
        assertTrue(rep.contains("MISSING_IN_LEDGER,ali-not-in-ledger,12.34"), rep);

        r = ledger("audit", dir, "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"ok\":true"), r.toString());
    }

    private static long Amounts(final String yuan) {
        return new java.math.BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    /** Every settlement sums to zero; a position below its minimum is carried, otherwise settled whole. */
    private static void checkSettlement(final List<Map<String, String>> rows) {
        long sum = 0;
        for (final Map<String, String> row : rows) {
            final long settled = Amounts(row.get("settled"));
            sum += settled;
            if (row.get("role").equals("OPERATOR")) {
                continue;
            }
            final long position = Amounts(row.get("position"));
            final long minimum = Amounts(row.get("minimum_settlement"));
            final long out = Amounts(row.get("carried_out"));
            if (Math.abs(position) < minimum) {
                assertEquals(0, settled, row.toString());
                assertEquals(position, out, row.toString());
            } else {
                assertEquals(position, settled, row.toString());
                assertEquals(0, out, row.toString());
            }
        }
        assertEquals(0, sum, "settlement sums to zero");
    }

    private static List<Map<String, String>> settlement(final Path dir) throws IOException {
        final List<String> lines = Files.readAllLines(dir.resolve("settlement.csv"));
        final String[] header = lines.get(0).split(",", -1);
        final List<Map<String, String>> rows = new ArrayList<>();
        for (final String line : lines.subList(1, lines.size())) {
            final String[] f = line.split(",", -1);
            final Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], f[i].isEmpty() ? "0" : f[i]);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void sameFiles(final Path a, final Path b) throws IOException {
        for (final String f : new String[] {"settlement.csv", "statements.jsonl", "operator-result.csv"}) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
    }

    private static void copyTree(final Path from, final Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (final Path p : (Iterable<Path>)walk::iterator) {
                final Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().endsWith(".lock")) {
                    Files.copy(p, target);
                }
            }
        }
    }
}

package io.allianceledger.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CLI as a real process: init, post with results, idempotent re-runs, malformed and unusable input with the
 * documented exit codes, queries, a rule change, and audit.
 */
class CliProcessIT {
    private static final Path RULES = LedgerProcess.ROOT.resolve("examples/rules/two-level-agents.yaml");
    private static final String T = "2026-11-21T09:00:00+08:00";

    @TempDir
    static Path work;

    @BeforeAll
    static void launcherIsBuilt() {
        assertTrue(Files.isExecutable(LedgerProcess.LAUNCHER), "bin/ledger");
        assertTrue(Files.isRegularFile(LedgerProcess.ROOT.resolve("ledger-cli/target/ledger.jar")), "ledger.jar");
    }

    private static String line(final String type, final String id, final String fields) {
        return "{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"time\":\"" + T + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}";
    }

    @Test
    void postIsIdempotentAndEveryLineGetsAResult() throws Exception {
        final Path dir = work.resolve("ledger-post");
        LedgerProcess.Run r = LedgerProcess.run(work, "init", dir.toString(), "--rules", RULES.toString());
        assertEquals(0, r.exit(), r.toString());
        final Path events = work.resolve("day.jsonl");
        Files.write(events, List.of(
            line("register", "r1", "\"role\":\"agent\",\"code\":\"ZJ\""),
            line("register", "r2", "\"role\":\"hq\",\"code\":\"HQ1\",\"parent\":\"ZJ\""),
            line("register", "r3", "\"role\":\"store\",\"code\":\"S1\",\"parent\":\"HQ1\""),
            line("register", "r4", "\"role\":\"member\",\"code\":\"M1\""),
            line("accrue", "a1", "\"member\":\"M1\",\"store\":\"S1\",\"points\":500,\"purchase\":\"50.00\""),
            line("redeem", "d1", "\"member\":\"M1\",\"store\":\"S1\",\"points\":9999"),
            line("hold", "h1", "\"member\":\"M1\",\"store\":\"S1\",\"points\":50"),
            line("capture", "c1", "\"hold\":\"h1\""),
            "{\"type\":\"accrue\",\"id\":\"a2\",\"time\":\"" + T + "\",\"member\":\"M1\",\"store\":\"S1\",\"points\":5,\"colour\":\"red\"}",
            line("sale", "s1", "\"store\":\"S1\",\"amount\":\"12.345\",\"channel\":\"alipay\",\"channelTxn\":\"x\""),
            line("sale", "s2", "\"store\":\"S1\",\"amount\":\"100.00\",\"channel\":\"alipay\",\"channelTxn\":\"ali-1\"")),
            StandardCharsets.UTF_8);
        final Path results = work.resolve("results.jsonl");
        r = LedgerProcess.run(work, "post", dir.toString(), events.toString(), "--results", results.toString());
        assertEquals(1, r.exit(), "rejected lines need a person: " + r);
        assertTrue(r.out().contains("11 lines, 8 created, 0 exists, 1 rejected, 2 malformed"), r.toString());
        final List<String> lines = Files.readAllLines(results);
        assertEquals(11, lines.size());
        assertTrue(lines.get(5).contains("\"line\":6") && lines.get(5).contains("INSUFFICIENT_POINTS"), lines.get(5));
        assertTrue(lines.get(8).contains("MALFORMED_EVENT") && lines.get(8).contains("unknown field \\\"colour\\\""), lines.get(8));
        assertTrue(lines.get(9).contains("more than 2 decimals"), lines.get(9));

        r = LedgerProcess.run(work, "post", dir.toString(), events.toString(), "--results", results.toString(), "--json");
        // A capture without points is re-sent with the same bytes, so it too is EXISTS.
        assertTrue(r.out().contains("\"created\":0,\"exists\":8,\"rejected\":1,\"malformed\":2"), r.toString());
        r = LedgerProcess.run(work, "points", dir.toString(), "M1", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"available\":450"), r.toString());
        r = LedgerProcess.run(work, "balance", dir.toString(), "S1");
        assertEquals(0, r.exit(), r.toString());
        // 100.00 sale less the 0.60 % fee (0.60), less 5.00 owed for issuing 500 points at 0.01, plus 0.40 for
        // the 50 points captured there at the redemption price 0.008.
        assertTrue(r.out().contains("position (credit = the operator owes it): 94.80 CNY"), r.toString());
        r = LedgerProcess.run(work, "audit", dir.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("result:            OK"), r.toString());
    }

    @Test
    void unusableInputExitsTwoAndChangesNothing() throws Exception {
        final Path dir = work.resolve("ledger-bad");
        assertEquals(0, LedgerProcess.run(work, "init", dir.toString(), "--rules", RULES.toString()).exit());
        final String before = LedgerProcess.run(work, "audit", dir.toString(), "--json").out();
        LedgerProcess.Run r = LedgerProcess.run(work, "post", dir.toString(), work.resolve("missing.jsonl").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("does not exist"), r.toString());
        r = LedgerProcess.run(work, "post", work.resolve("not-a-ledger").toString(), RULES.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("not a ledger directory"), r.toString());
        r = LedgerProcess.run(work, "post", dir.toString());
        assertEquals(2, r.exit(), r.toString());
        r = LedgerProcess.run(work, "init", dir.toString(), "--rules", RULES.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("already holds a ledger"), r.toString());
        final Path badRules = work.resolve("bad-rules.yaml");
        Files.writeString(badRules, Files.readString(RULES).replace("lockDays: 0", "lockDays: 0\n  colour: red"));
        r = LedgerProcess.run(work, "rules", dir.toString(), badRules.toString(), "--effective", T);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("unknown key \"colour\""), r.toString());
        r = LedgerProcess.run(work, "rules", dir.toString(), RULES.toString(), "--effective", "tomorrow");
        assertEquals(2, r.exit(), r.toString());
        final Path latin1 = work.resolve("latin1.jsonl");
        Files.write(latin1, line("register", "r\u00e9", "\"role\":\"member\",\"code\":\"M\u00e9\"").getBytes(StandardCharsets.ISO_8859_1));
        r = LedgerProcess.run(work, "post", dir.toString(), latin1.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("UTF-8"), r.toString());
        assertEquals(before.replaceAll("\"lastTimestamp\":\\d+", ""), LedgerProcess.run(work, "audit", dir.toString(), "--json")
            .out().replaceAll("\"lastTimestamp\":\\d+", ""), "nothing changed");
        final Path fresh = work.resolve("never-made");
        r = LedgerProcess.run(work, "init", fresh.toString(), "--rules", badRules.toString());
        assertEquals(2, r.exit(), r.toString());
        assertFalse(Files.exists(fresh), "a refused init leaves nothing behind");
    }

    @Test
    void everyCommandDescribesItsOptions() throws Exception {
        final LedgerProcess.Run top = LedgerProcess.run(work, "--help");
        assertEquals(0, top.exit(), top.toString());
        LedgerProcess.Run r;
        for (final String c : new String[] {"init", "rules", "post", "expire", "audit", "balance", "points"}) {
            assertTrue(top.out().contains(c), c);
            r = LedgerProcess.run(work, c, "--help");
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("Usage: ledger " + c), r.toString());
        }
        r = LedgerProcess.run(work, "frobnicate");
        assertEquals(2, r.exit(), r.toString());
    }
}

package io.allianceledger.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ledger simulate} as a process: its plan.sh takes three simulated days through the real ledger, and a
 * large simulation streams in a small, fixed heap.
 */
class SimulateProcessIT {
    @TempDir
    Path work;

    @Test
    void threeSimulatedDaysGoThroughTheLedgerWithOnlyThePlantedMalformedLinesFlagged() throws Exception {
        final Path sim = work.resolve("sim");
        LedgerProcess.Run r = LedgerProcess.run(work, "simulate", sim.toString(), "--days", "3", "--agents-levels", "3",
            "--hqs", "6", "--stores", "60", "--members", "400", "--events-per-day", "2000", "--malformed", "4",
            "--seed", "7", "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"malformed\":4"), r.toString());

        final ProcessBuilder pb = new ProcessBuilder("bash", sim.resolve("plan.sh").toString(), "ledger")
            .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("plan.log").toFile());
        pb.environment().put("LEDGER", LedgerProcess.LAUNCHER.toString());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        final Process p = pb.start();
        assertTrue(p.waitFor(600, TimeUnit.SECONDS), "plan.sh finished");
        final String log = Files.readString(work.resolve("plan.log"));
        assertEquals(1, p.exitValue(), "the malformed lines need a person\n" + log); // and nothing else does:
        assertEquals(4, count(log, "MALFORMED_EVENT"), log);
        assertEquals(4, count(log, " 0 rejected"), "no business rejections in the four files\n" + log);
        assertEquals(6, count(log, "0 missing in the ledger (0.00 CNY), 0 missing in the bill (0.00 CNY), 0 amount differs"),
            log);
        assertEquals(3, count(log, "settlement sums to zero"), log);
        assertTrue(log.contains("result:            OK"), log);
        for (final String day : List.of("2026-11-21", "2026-11-22", "2026-11-23")) {
            assertTrue(Files.exists(work.resolve("cycle-" + day).resolve("settlement.csv")), day);
        }
        // Day 2 and 3 refund sales of cycles already closed: their statements mark them.
        assertTrue(Files.readString(work.resolve("cycle-2026-11-22/statements.jsonl")).contains("\"kind\":\"SALE_REFUND\""));

        // Running the plan again changes nothing: every line exists, every cycle is already closed.
        final Process again = pb.redirectOutput(work.resolve("plan2.log").toFile()).start();
        assertTrue(again.waitFor(600, TimeUnit.SECONDS));
        final String log2 = Files.readString(work.resolve("plan2.log"));
        assertEquals(4, count(log2, " 0 created"), log2);
    }

    @Test
    void aMillionEventsStreamInA48MegabyteHeap() throws Exception {
        final Path sim = work.resolve("big");
        final LedgerProcess.Run r = LedgerProcess.run(work, Map.of("LEDGER_JAVA_OPTS", "-Xmx48m"), "simulate",
            sim.toString(), "--days", "2", "--events-per-day", "500000", "--stores", "20000", "--members", "200000",
            "--json");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("\"eventLines\":1220"), r.toString()); // 1,000,000 + 20,000+ registrations
        long lines = 0;
        try (var files = Files.list(sim.resolve("events"))) {
            for (final Path f : files.toList()) {
                try (var l = Files.lines(f)) {
                    lines += l.count();
                }
            }
        }
        assertTrue(lines > 1_200_000, "lines written: " + lines);
    }

    private static int count(final String text, final String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}

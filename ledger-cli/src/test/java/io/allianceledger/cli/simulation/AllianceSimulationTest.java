package io.allianceledger.cli.simulation;

import io.allianceledger.cli.events.Event;
import io.allianceledger.cli.events.EventFormatException;
import io.allianceledger.cli.events.EventParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator's files: deterministic, well-formed but for the malformed lines asked for, bills that match. */
class AllianceSimulationTest {
    private static final long SEED = 20_261_122L;

    @TempDir
    Path dir;

    private SimulationPlan simulate(final Path out, final long seed, final long malformed) throws IOException {
        System.out.println("simulation seed " + seed);
        return new AllianceSimulation(new AllianceShape(3, 6, 40, 300), 3, 3_000, malformed,
            LocalDate.of(2026, 11, 21), seed).write(out, n -> { });
    }

    @Test
    void theSameSeedGivesTheSameBytesAndAnotherSeedOthers() throws IOException {
        simulate(dir.resolve("a"), SEED, 5);
        simulate(dir.resolve("b"), SEED, 5);
        simulate(dir.resolve("c"), SEED + 1, 5);
        final List<Path> files = files(dir.resolve("a"));
        assertEquals(3 + 4 + 6, files.size(), files.toString()); // rules x2, plan; 4 events files; 6 bills
        boolean anyDiffers = false;
        for (final Path f : files) {
            final Path rel = dir.resolve("a").relativize(f);
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("b").resolve(rel)), rel.toString());
            anyDiffers |= !java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("c").resolve(rel)));
        }
        assertTrue(anyDiffers, "another seed gives other events");
    }

    @Test
    void everyLineParsesButTheMalformedOnesAndTheBillsMatchTheEvents() throws IOException {
        final SimulationPlan plan = simulate(dir, SEED, 7);
        final EventParser parser = new EventParser();
        final Set<String> ids = new HashSet<>();
        final Map<String, Long> billed = new HashMap<>(); // channel txn -> fen, from the events
        final Map<String, String> saleChannel = new HashMap<>();
        final Map<String, Long> byType = new HashMap<>();
        final Map<String, Long> storeTraffic = new HashMap<>();
        long malformed = 0;
        long previous = Long.MIN_VALUE;
        final List<Path> eventFiles = new ArrayList<>();
        plan.steps().forEach(s -> {
            if (s instanceof SimulationPlan.Post p) {
                eventFiles.add(p.events());
            }
        });
        assertEquals(4, eventFiles.size(), "three days, the middle one in two files around the rule change");
        for (final Path file : eventFiles) {
            long n = 0;
            for (final String text : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                final byte[] b = text.getBytes(StandardCharsets.UTF_8);
                final Event e;
                try {
                    e = parser.parse(b, b.length, ++n);
                } catch (final EventFormatException x) {
                    malformed++;
                    continue;
                }
                assertTrue(ids.add(e.id()), "ids are unique: " + e.id());
                assertTrue(e.time() >= previous, "events are in time order: " + text);
                previous = e.time();
                byType.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                if (e instanceof Event.Sale s) {
                    billed.put(s.channelTxn(), s.amountFen());
                    saleChannel.put(s.id(), s.channel());
                    storeTraffic.merge(s.store(), 1L, Long::sum);
                } else if (e instanceof Event.Refund r && r.channelTxn() != null) {
                    assertTrue(saleChannel.containsKey(r.original()), "a refund with a transaction refunds a sale");
                    billed.put(r.channelTxn(), -r.amountFen());
                } else if (e instanceof Event.Refund r) {
                    assertTrue(r.points() > 0 && r.original().startsWith("acc-"), "a points refund refunds an accrual");
                }
            }
        }
        assertEquals(7, malformed);
        assertEquals(7L, plan.counts().get("malformed"));
        for (final String type : List.of("Register", "Accrue", "Redeem", "Sale", "Refund", "Hold", "Capture", "Release",
            "Transfer")) {
            assertTrue(byType.getOrDefault(type, 0L) > 0, "the mix has " + type + ": " + byType);
        }
        assertEquals(plan.eventLines() - 7, byType.values().stream().mapToLong(Long::longValue).sum());
        // Every bill line is a sale or refund of its channel with the same amount, and every one is billed once.
        final Map<String, Long> inBills = new HashMap<>();
        for (final Path bill : files(dir.resolve("bills"))) {
            final List<String> lines = Files.readAllLines(bill, StandardCharsets.UTF_8);
            assertEquals("channel_txn_id,amount,time", lines.get(0));
            final String channel = bill.getFileName().toString().split("-")[0];
            for (final String line : lines.subList(1, lines.size())) {
                final String[] f = line.split(",");
                assertTrue(f[0].startsWith(channel.equals("alipay") ? "ali-" : "wx-"), line);
                assertEquals(null, inBills.put(f[0], new java.math.BigDecimal(f[1]).movePointRight(2).longValueExact()));
            }
        }
        assertEquals(billed, inBills);
        // Zipf: the most popular store sells more than the tenth, which sells more than the fortieth.
        assertTrue(storeTraffic.get("S1") > storeTraffic.get("S10"), storeTraffic.toString());
        assertTrue(storeTraffic.get("S10") > storeTraffic.getOrDefault("S40", 0L), storeTraffic.toString());
    }

    @Test
    void someRefundsAreOfSalesOfAnEarlierDay() throws IOException {
        final SimulationPlan plan = simulate(dir, SEED, 0);
        final Map<String, String> saleDay = new HashMap<>();
        int late = 0;
        for (final SimulationPlan.Step s : plan.steps()) {
            if (s instanceof SimulationPlan.Post p) {
                final String day = p.events().getFileName().toString().substring(0, 10);
                for (final String line : Files.readAllLines(p.events())) {
                    if (line.contains("\"type\":\"sale\"")) {
                        saleDay.put(field(line, "id"), day);
                    } else if (line.contains("\"type\":\"refund\"") && line.contains("\"original\":\"sale-")
                        && !saleDay.get(field(line, "original")).equals(day)) {
                        late++;
                    }
                }
            }
        }
        assertTrue(late > 0, "refunds after the sale's cycle closed");
    }

    @Test
    void theRulesFilesAndThePlanNameEachOther() throws IOException {
        final SimulationPlan plan = simulate(dir, SEED, 0);
        final String rules = Files.readString(dir.resolve("rules.yaml"));
        assertTrue(rules.contains("to: agent3") && rules.contains("channels: [alipay, wechat]"), rules);
        assertTrue(Files.readString(dir.resolve("rules-change.yaml")).contains("S1:"));
        final String script = Files.readString(dir.resolve("plan.sh"));
        assertTrue(Files.isExecutable(dir.resolve("plan.sh")));
        assertTrue(script.contains("step rules \"$DIR\" \"$HERE/rules-change.yaml\" --effective 2026-11-22T12:00:00+08:00"),
            script);
        assertEquals(3, plan.steps().stream().filter(s -> s instanceof SimulationPlan.CloseDay).count());
        assertFalse(script.contains(dir.toString()), "plan.sh is relative to its own directory");
    }

    @Test
    void rejectsShapesOutOfBounds() {
        for (final Runnable bad : List.<Runnable>of(() -> new AllianceShape(9, 1, 1, 2), () -> new AllianceShape(1, -1, 1, 2),
            () -> new AllianceShape(1, 1, 0, 2), () -> new AllianceShape(1, 1, 1, 1),
            () -> new AllianceSimulation(new AllianceShape(1, 1, 1, 2), 0, 1, 0, LocalDate.of(2026, 1, 1), 1),
            () -> new AllianceSimulation(new AllianceShape(1, 1, 1, 2), 1, 10, 11, LocalDate.of(2026, 1, 1), 1))) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, bad::run);
        }
    }

    private static String field(final String line, final String name) {
        final int at = line.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return line.substring(at, line.indexOf('"', at));
    }

    private static List<Path> files(final Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}

package io.allianceledger.bench;

import io.allianceledger.engine.StateMachine;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Memory per account and per lot, measured: the used heap after a full GC before and after loading N of them,
 * divided by N. Run it with {@code -XX:+UseParallelGC}, whose full GC compacts everything, so "used" is the live
 * data; G1 adds the unused tails of humongous regions that large arrays occupy.
 * <ul>
 * <li>account, {@code grown}: a plain ledger whose tables start small and grow as N accounts are opened (a ledger
 * not told its size); {@code presized}: {@code initialAccounts = N}, as the benchmarks build it.</li>
 * <li>lot: N accruals of 100 points each over 1,000 members, each creating one lot, with everything an accrual
 * keeps (its lot, accrual record, operation-index entry, the command's record and the generated entry's record in
 * the record log, its id-index entry); tables grow from their default size.</li>
 * </ul>
 * The total is then split by structure with {@link DeepSize} (array sizes of the stores, read by reflection; the
 * remainder is everything else).
 * <pre>
 * java $(flags) -XX:+UseParallelGC -Xmx8g -cp benchmarks.jar io.allianceledger.bench.MemoryFootprint \
 *     [--accounts 1000000,10000000] [--lots 1000000] [--out file.json]
 * </pre>
 */
public final class MemoryFootprint {
    private MemoryFootprint() {
    }

    /** One measurement. */
    record Footprint(String what, String sizing, int count, long bytes, Map<String, Long> breakdown) {
        double perItem() {
            return (double)bytes / count;
        }
    }

    /**
     * @param args see the class comment.
     * @throws Exception if the output cannot be written.
     */
    public static void main(final String[] args) throws Exception {
        int[] counts = {1_000_000};
        int[] lotCounts = {1_000_000};
        int[] memberCounts = {1_000_000};
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--accounts" -> counts = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--lots" -> lotCounts = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--members" -> memberCounts = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        final List<Footprint> results = new ArrayList<>();
        for (final int n : counts) {
            results.add(accounts(n, false));
            results.add(accounts(n, true));
        }
        for (final int n : lotCounts) {
            results.add(lots(n));
        }
        for (final int n : memberCounts) {
            results.add(members(n));
        }
        for (final Footprint f : results) {
            System.out.println(describe(f));
        }
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, json(results));
            System.out.println("wrote " + out);
        }
    }

    static Footprint accounts(final int n, final boolean presized) {
        final long before = usedAfterGc();
        final Machines m = presized ? Machines.withAccounts(n) : Machines.grownWithAccounts(n);
        final long after = usedAfterGc();
        final long accountIdsArray = 16L + 8L * n; // the benchmark's own copy of the ids, not the engine's
        final long bytes = after - before - accountIdsArray;
        final Footprint f = new Footprint("account", presized ? "presized" : "grown", n, bytes, breakdown(m.machine, bytes));
        if (m.machine.accountCount() != n) {
            throw new IllegalStateException("expected " + n + " accounts");
        }
        return f;
    }

    static Footprint members(final int n) {
        final long before = usedAfterGc();
        final Alliances a = Alliances.open(n, 100, 1024);
        final long after = usedAfterGc();
        final long bytes = after - before - (16L + 8L * n); // less the benchmark's own array of member ids
        final DeepSize size = new DeepSize("Table", "MinQueue", "LongIntIndex", "ByteStore");
        final Object state = DeepSize.field(a.m.machine.extension(), "state");
        final Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("participants (13 long columns + id index)", size.of(DeepSize.field(state, "participants")));
        parts.put("participant codes (text store)", size.of(DeepSize.field(state, "text")));
        parts.put("clearing positions (32 long columns per participant, members included)", size.of(DeepSize.field(state, "positions")));
        parts.put("engine account (id map + columns)", size.of(DeepSize.field(DeepSize.field(a.m.machine, "books"), "accounts")));
        parts.put("record log (RegisterParticipant record)", size.of(DeepSize.field(a.m.machine, "records")));
        parts.put("id index", size.of(DeepSize.field(a.m.machine, "ids")));
        long known = 0;
        for (final long v : parts.values()) {
            known += v;
        }
        parts.put("everything else (measured total - the above)", bytes - known);
        return new Footprint("member", "grown", n, bytes, parts);
    }

    static Footprint lots(final int n) {
        final Alliances a = Alliances.open(1_000, 100, 1024);
        final long before = usedAfterGc();
        a.loadLots(n);
        final long after = usedAfterGc();
        final long bytes = after - before;
        final DeepSize size = new DeepSize("Table", "MinQueue", "LongIntIndex");
        final Object state = DeepSize.field(a.m.machine.extension(), "state");
        final Map<String, Long> parts = new LinkedHashMap<>();
        // Sizes of the stores after loading, less their size before (the alliance's own rows), approximated by
        // measuring the stores of a second, empty alliance of the same shape.
        final Alliances empty = Alliances.open(1_000, 100, 1024);
        final Object emptyState = DeepSize.field(empty.m.machine.extension(), "state");
        final DeepSize emptySize = new DeepSize("Table", "MinQueue", "LongIntIndex");
        parts.put("lot table (16 long columns) + expiry heap", size.of(DeepSize.field(state, "lots"))
            - emptySize.of(DeepSize.field(emptyState, "lots")));
        parts.put("accrual records (14 long columns)", size.of(DeepSize.field(state, "accruals"))
            - emptySize.of(DeepSize.field(emptyState, "accruals")));
        parts.put("operation index (5 long columns + hash heads)", size.of(DeepSize.field(state, "operations"))
            - emptySize.of(DeepSize.field(emptyState, "operations")));
        parts.put("clearing positions", size.of(DeepSize.field(state, "positions"))
            - emptySize.of(DeepSize.field(emptyState, "positions")));
        parts.put("statements", size.of(DeepSize.field(state, "statements"))
            - emptySize.of(DeepSize.field(emptyState, "statements")));
        parts.put("record log (Accrue record + generated entry record)", size.of(DeepSize.field(a.m.machine, "records"))
            - emptySize.of(DeepSize.field(empty.m.machine, "records")));
        parts.put("id index", size.of(DeepSize.field(a.m.machine, "ids")) - emptySize.of(DeepSize.field(empty.m.machine, "ids")));
        long known = 0;
        for (final long v : parts.values()) {
            known += v;
        }
        parts.put("everything else (measured total - the above)", bytes - known);
        return new Footprint("lot", "grown", n, bytes, parts);
    }

    /** Splits a machine's heap by store. */
    static Map<String, Long> breakdown(final StateMachine machine, final long measured) {
        final DeepSize size = new DeepSize();
        final Object books = DeepSize.field(machine, "books");
        final Object accounts = DeepSize.field(books, "accounts");
        final Map<String, Long> parts = new LinkedHashMap<>();
        parts.put("account id map (LongIntHashMap)", size.of(DeepSize.field(accounts, "indexById")));
        parts.put("account columns (ids, asset, flags, opened-at, 4 totals)", size.of(accounts));
        parts.put("record log (each command's bytes + 16-byte header, 1 MiB chunks)", size.of(DeepSize.field(machine, "records")));
        parts.put("id index (128-bit id -> record address)", size.of(DeepSize.field(machine, "ids")));
        long known = 0;
        for (final long v : parts.values()) {
            known += v;
        }
        parts.put("everything else (measured total - the above)", measured - known);
        return parts;
    }

    /** @return heap used after full collections, once it stops shrinking. */
    static long usedAfterGc() {
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            try {
                Thread.sleep(50);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            final long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            if (used >= last) {
                return used;
            }
            last = used;
        }
        return last;
    }

    static String describe(final Footprint f) {
        final StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
            "%s (%s): %,d items, %,d bytes, %.1f bytes per %s%n", f.what(), f.sizing(), f.count(), f.bytes(),
            f.perItem(), f.what()));
        for (final Map.Entry<String, Long> e : f.breakdown().entrySet()) {
            b.append(String.format(Locale.ROOT, "    %-70s %,15d  %6.1f per %s%n", e.getKey(), e.getValue(),
                (double)e.getValue() / f.count(), f.what()));
        }
        return b.toString();
    }

    static String json(final List<Footprint> results) {
        final StringBuilder b = new StringBuilder("{\n  \"harness\": \"io.allianceledger.bench.MemoryFootprint\",\n"
            + "  \"machine\": " + Machine.json() + ",\n  \"results\": [\n");
        for (int i = 0; i < results.size(); i++) {
            final Footprint f = results.get(i);
            b.append(String.format(Locale.ROOT, "    {\"what\": %s, \"sizing\": %s, \"count\": %d, \"bytes\": %d,"
                + " \"bytesPerItem\": %.2f, \"breakdown\": {", Json.quote(f.what()), Json.quote(f.sizing()), f.count(),
                f.bytes(), f.perItem()));
            int j = 0;
            for (final Map.Entry<String, Long> e : f.breakdown().entrySet()) {
                b.append(j++ == 0 ? "" : ", ").append(Json.quote(e.getKey())).append(": ").append(e.getValue());
            }
            b.append("}}").append(i == results.size() - 1 ? "" : ",").append('\n');
        }
        return b.append("  ]\n}\n").toString();
    }
}

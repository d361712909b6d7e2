package io.allianceledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns one run's results ({@code <prefix>.json} from JMH, {@code <prefix>-latency.json}, {@code
 * <prefix>-memory.json}) into the Markdown tables of {@code docs/performance.md}: every JMH figure with its median,
 * spread and JMH's error; each goal beside its ceiling as a ratio; the latency percentiles; the memory footprint.
 * Figures are copied, never rounded up (they are truncated).
 * <pre>
 * java -cp benchmarks.jar io.allianceledger.bench.Report ledger-bench/results/2026-11-22T0200Z-full
 * </pre>
 */
public final class Report {
    private static final String PREFIX = "io.allianceledger.bench.";

    private Report() {
    }

    /** One JMH result. */
    record Row(String name, String mode, Map<String, String> params, int threads, double score, double error,
        String unit, double median, double min, double max, int samples, double[] cpuOpsPerSecond) {

        /** @return the median of operations per CPU-second over the iterations, or NaN if not measured. */
        double cpuMedian() {
            return Report.median(cpuOpsPerSecond);
        }

        boolean isTime() {
            return unit.endsWith("/op");
        }

        /** @return a value of this row's unit as operations per second. */
        double opsPerSecond(final double v) {
            if (!isTime()) {
                return v;
            }
            final double nanos = switch (unit) {
                case "ns/op" -> v;
                case "us/op" -> v * 1e3;
                case "ms/op" -> v * 1e6;
                case "s/op" -> v * 1e9;
                default -> throw new IllegalArgumentException("unit " + unit);
            };
            return 1e9 / nanos;
        }

        double medianOps() {
            return opsPerSecond(median);
        }

        double minOps() {
            return isTime() ? opsPerSecond(max) : min;
        }

        double maxOps() {
            return isTime() ? opsPerSecond(min) : max;
        }

        String label() {
            final StringBuilder b = new StringBuilder(name);
            if (!params.isEmpty()) {
                b.append(' ').append(params.toString().replace("{", "(").replace("}", ")"));
            }
            return b.toString();
        }
    }

    /**
     * @param args the results' prefix, e.g. {@code ledger-bench/results/2026-11-22T0200Z-full}.
     * @throws IOException if a file cannot be read or written.
     */
    public static void main(final String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: Report <results prefix>");
        }
        final String prefix = args[0];
        final String report = render(prefix);
        Files.writeString(Path.of(prefix + "-report.md"), report);
        System.out.print(report);
    }

    static String render(final String prefix) throws IOException {
        final List<Row> rows = jmh(Path.of(prefix + ".json"));
        final Path latency = Path.of(prefix + "-latency.json");
        final Path memory = Path.of(prefix + "-memory.json");
        final StringBuilder b = new StringBuilder();
        b.append("### Goals, each beside its ceiling\n\n");
        goals(b, rows, Files.exists(latency) ? JsonReader.parse(Files.readString(latency)) : null,
            Files.exists(memory) ? JsonReader.parse(Files.readString(memory)) : null);
        b.append("\n### Every JMH result\n\n");
        b.append("Medians over the measured iterations, in operations per second (single-shot and average-time rows"
            + " converted from time per operation; codec rows stay in ns per operation). Spread: the slowest and"
            + " fastest iteration, and JMH's 99.9% error half-width in the benchmark's own unit. The single-threaded"
            + " benchmarks also count their thread's CPU time: operations per CPU-second leave out the time the thread"
            + " waited for a core on this shared machine.\n\n");
        b.append("| benchmark | mode | threads | n | median | min .. max | JMH score ± error | per CPU-second: median |"
            + " min .. max |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final Row r : rows) {
            final boolean codec = r.name().startsWith("CodecBenchmark") || r.name().startsWith("JournalCodecBenchmark");
            final String median = codec ? ns(r.median()) + " ns/op" : ops(r.medianOps()) + "/s";
            final String range = codec ? ns(r.min()) + " .. " + ns(r.max()) : ops(r.minOps()) + " .. " + ops(r.maxOps());
            b.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %s | %s | %s ± %s %s | %s | %s |%n", r.label(),
                r.mode(), r.threads(), r.samples(), median, range, num(r.score()),
                Double.isNaN(r.error()) ? "NaN" : num(r.error()), r.unit(),
                Double.isNaN(r.cpuMedian()) ? "" : ops(r.cpuMedian()) + "/s", cpuRange(r)));
        }
        if (Files.exists(latency)) {
            b.append("\n### Latency (planned-rate driver, from planned send time to result)\n\n");
            latency(b, JsonReader.parse(Files.readString(latency)));
        }
        if (Files.exists(memory)) {
            b.append("\n### Memory footprint (heap after full GC, ParallelGC)\n\n");
            memory(b, JsonReader.parse(Files.readString(memory)));
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    static List<Row> jmh(final Path file) throws IOException {
        final List<Row> rows = new ArrayList<>();
        for (final Object o : (List<Object>)JsonReader.parse(Files.readString(file))) {
            final Map<String, Object> m = (Map<String, Object>)o;
            final Map<String, Object> pm = (Map<String, Object>)m.get("primaryMetric");
            final Map<String, String> params = new TreeMap<>();
            if (m.get("params") != null) {
                ((Map<String, Object>)m.get("params")).forEach((k, v) -> params.put(k, String.valueOf(v)));
            }
            double min = Double.MAX_VALUE;
            double max = -Double.MAX_VALUE;
            int n = 0;
            final List<Double> all = new ArrayList<>();
            for (final Object fork : (List<Object>)pm.get("rawData")) {
                for (final Object v : (List<Object>)fork) {
                    final double d = (Double)v;
                    all.add(d);
                    min = Math.min(min, d);
                    max = Math.max(max, d);
                    n++;
                }
            }
            all.sort(Double::compare);
            final double median = n % 2 == 1 ? all.get(n / 2) : (all.get(n / 2 - 1) + all.get(n / 2)) / 2;
            final Object error = pm.get("scoreError");
            rows.add(new Row(((String)m.get("benchmark")).replace(PREFIX, ""), (String)m.get("mode"), params,
                ((Double)m.get("threads")).intValue(), (Double)pm.get("score"),
                error instanceof Double d ? d : Double.NaN, (String)pm.get("scoreUnit"), median, min, max, n,
                cpuRates((Map<String, Object>)m.get("secondaryMetrics"))));
        }
        return rows;
    }

    /** Per iteration, cpuOps / cpuNanos from {@link CpuTime}'s counters, in operations per CPU-second. */
    @SuppressWarnings("unchecked")
    private static double[] cpuRates(final Map<String, Object> secondary) {
        if (secondary == null || !secondary.containsKey("cpuNanos") || !secondary.containsKey("cpuOps")) {
            return new double[0];
        }
        final List<Double> nanos = flat((List<Object>)((Map<String, Object>)secondary.get("cpuNanos")).get("rawData"));
        final List<Double> ops = flat((List<Object>)((Map<String, Object>)secondary.get("cpuOps")).get("rawData"));
        final double[] rates = new double[Math.min(nanos.size(), ops.size())];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = ops.get(i) * 1e9 / nanos.get(i);
        }
        return rates;
    }

    @SuppressWarnings("unchecked")
    private static List<Double> flat(final List<Object> forks) {
        final List<Double> out = new ArrayList<>();
        for (final Object fork : forks) {
            for (final Object v : (List<Object>)fork) {
                out.add((Double)v);
            }
        }
        return out;
    }

    static double median(final double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] v = values.clone();
        java.util.Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String cpuRange(final Row r) {
        if (r.cpuOpsPerSecond().length == 0) {
            return "";
        }
        final double[] v = r.cpuOpsPerSecond().clone();
        java.util.Arrays.sort(v);
        return ops(v[0]) + " .. " + ops(v[v.length - 1]);
    }

    private static Row find(final List<Row> rows, final String name, final String... params) {
        for (final Row r : rows) {
            if (!r.name().equals(name)) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < params.length; i += 2) {
                all &= params[i + 1].equals(r.params().get(params[i]));
            }
            if (all) {
                return r;
            }
        }
        return null;
    }

    private static void goals(final StringBuilder b, final List<Row> rows, final Object latency, final Object memory) {
        b.append("| goal | measured (median) | spread (min .. max) | ceiling measured in the same run | ratio | met? |\n");
        b.append("|---|---:|---:|---|---:|---|\n");
        b.append("| | *wall clock; per CPU-second in brackets where measured* | | | | |\n");
        final Row miss = find(rows, "MemoryCeilingBenchmark.dependentReads");
        final Row missParallel = find(rows, "MemoryCeilingBenchmark.independentReads");
        final String missCeiling = miss == null ? null : "one uncached read at a time: " + ops(miss.medianOps())
            + "/s (" + ns(1e9 / miss.medianOps()) + " ns each" + (Double.isNaN(miss.cpuMedian()) ? ""
            : "; per CPU-second " + ops(miss.cpuMedian()) + "/s, " + ns(1e9 / miss.cpuMedian()) + " ns") + ")"
            + (missParallel == null ? "" : "; overlapped: " + ops(missParallel.medianOps()) + "/s");
        final Row missHuge = find(rows, "MemoryCeilingBenchmark.dependentReadsHugePages");
        final String hugeCeiling = missHuge == null ? null : "one uncached read at a time, huge pages: "
            + ops(missHuge.medianOps()) + "/s (" + ns(1e9 / missHuge.medianOps()) + " ns each"
            + (Double.isNaN(missHuge.cpuMedian()) ? "" : "; per CPU-second " + ops(missHuge.cpuMedian()) + "/s, "
            + ns(1e9 / missHuge.cpuMedian()) + " ns") + ")";
        final String[][] machine = {
            {"two-leg transfers", "transfer", "10000000"},
            {"accruals", "accrual", "4000000"},
            {"three-lot redemptions", "redeemThreeLots", "3000000"}};
        for (final String[] g : machine) {
            final int target = Integer.parseInt(g[2]);
            goal(b, "state machine: >= " + ops(target) + " " + g[0] + "/s", find(rows, "StateMachineBenchmark." + g[1]),
                target, missCeiling, miss);
            goal(b, "state machine, huge pages: >= " + ops(target) + " " + g[0] + "/s",
                find(rows, "StateMachineBenchmark." + g[1] + "HugePages"), target, hugeCeiling, missHuge);
        }
        for (final String hosts : new String[] {"oneHost", "twoHosts"}) {
            final Row ring = find(rows, "RingCeilingBenchmark." + hosts, "topology", "LEDGER_TOPOLOGY");
            final Row ring1 = find(rows, "RingCeilingBenchmark." + hosts, "topology", "ONE_HANDLER");
            final String ringCeiling = ring1 == null ? null : "no-op ring, one handler: " + ops(ring1.medianOps()) + "/s"
                + (ring == null ? "" : " (the ledger's 3 no-op handlers: " + ops(ring.medianOps()) + "/s)");
            goal(b, "pipeline, PAGE_CACHE journal, " + hosts + ": >= 3,000,000 commands/s",
                find(rows, "PipelineBenchmark." + hosts, "journal", "PAGE_CACHE"), 3_000_000, ringCeiling, ring1);
            final Row mapped = find(rows, "JournalAppendBenchmark.plainMappedFile");
            final Row pipeline = find(rows, "PipelineBenchmark." + hosts, "journal", "PAGE_CACHE");
            if (mapped != null && pipeline != null) {
                final double ratio = pipeline.medianOps() / mapped.medianOps();
                b.append(String.format(Locale.ROOT, "| pipeline, PAGE_CACHE, %s: >= 1/4 of the plain mapped-file append"
                        + " rate of the same bytes | %s/s | | plain mapped-file append: %s/s | %s | %s |%n", hosts,
                    ops(pipeline.medianOps()), ops(mapped.medianOps()), ratio(ratio), ratio >= 0.25 ? "met" : "missed"));
            } else {
                b.append("| pipeline, PAGE_CACHE, " + hosts + ": >= 1/4 of the plain mapped-file rate | not measured in"
                    + " this run | | | | |\n");
            }
            goal(b, "pipeline, SYNC_PER_BATCH journal, " + hosts + ": >= 500,000 commands/s",
                find(rows, "PipelineBenchmark." + hosts, "journal", "SYNC_PER_BATCH"), 500_000,
                find(rows, "JournalAppendBenchmark.plainMappedFileForcedPerBatch") == null ? null
                    : "plain mapped-file append forced per batch: "
                    + ops(find(rows, "JournalAppendBenchmark.plainMappedFileForcedPerBatch").medianOps()) + "/s",
                find(rows, "JournalAppendBenchmark.plainMappedFileForcedPerBatch"));
        }
        final Row apply = find(rows, "ReplayBenchmark.applyFromMemory");
        final Row verify = find(rows, "ReplayBenchmark.verifyOnly");
        final Row files = find(rows, "ReplayBenchmark.readFilesOnly");
        final String replayCeiling = apply == null ? null : "the same commands applied from memory: "
            + ops(apply.medianOps()) + "/s" + (verify == null ? "" : "; read and verified only: " + ops(verify.medianOps())
            + "/s") + (files == null ? "" : "; the journal's bytes read only: " + ops(files.medianOps()) + "/s");
        goal(b, "replay (restart: recover from the journal): >= 5,000,000 commands/s", find(rows, "ReplayBenchmark.recover"),
            5_000_000, replayCeiling, apply);
        goal(b, "replay (read-only JournalReader.replayInto): >= 5,000,000 commands/s",
            find(rows, "ReplayBenchmark.replayInto"), 5_000_000, replayCeiling, apply);
        final Row mappedPlain = find(rows, "JournalAppendBenchmark.plainMappedFile");
        final Row mappedForced = find(rows, "JournalAppendBenchmark.plainMappedFileForcedPerBatch");
        for (final String durability : new String[] {"PAGE_CACHE", "SYNC_PER_BATCH"}) {
            for (final String grouping : new String[] {"PER_BATCH", "PER_COMMAND"}) {
                final Row r = find(rows, "JournalAppendBenchmark.journal", "durability", durability, "grouping", grouping);
                final Row ceiling = "PAGE_CACHE".equals(durability) ? mappedPlain : mappedForced;
                if (r != null && ceiling != null) {
                    b.append(String.format(Locale.ROOT, "| (no goal) journal append alone, %s, %s, batches of 16 | %s/s"
                            + " | %s .. %s | plain mapped-file append%s of the same bytes: %s/s | %s | |%n", durability,
                        grouping, ops(r.medianOps()), ops(r.minOps()), ops(r.maxOps()),
                        "PAGE_CACHE".equals(durability) ? "" : " with msync per batch", ops(ceiling.medianOps()),
                        ratio(r.medianOps() / ceiling.medianOps())));
                }
            }
        }
        latencyGoal(b, latency);
        memoryGoal(b, memory);
    }

    private static void goal(final StringBuilder b, final String goal, final Row row, final double target,
        final String ceiling, final Row ceilingRow) {
        if (row == null) {
            b.append("| ").append(goal).append(" | not measured in this run | | | | |\n");
            return;
        }
        final double median = row.medianOps();
        final double cpu = row.cpuMedian();
        String ratio = ceilingRow == null ? "" : ratio(median / ceilingRow.medianOps());
        if (ceilingRow != null && !Double.isNaN(cpu) && !Double.isNaN(ceilingRow.cpuMedian())) {
            ratio += " (" + ratio(cpu / ceilingRow.cpuMedian()) + ")";
        }
        final double best = Double.isNaN(cpu) ? median : Math.max(median, cpu);
        b.append(String.format(Locale.ROOT, "| %s | %s/s%s | %s .. %s%s | %s | %s | %s (%s of the goal%s) |%n", goal,
            ops(median), Double.isNaN(cpu) ? "" : " (" + ops(cpu) + "/s)", ops(row.minOps()), ops(row.maxOps()),
            Double.isNaN(cpu) ? "" : " (" + cpuRange(row) + ")", ceiling == null ? "" : ceiling, ratio,
            best >= target ? "met" : "missed", ratio(median / target),
            Double.isNaN(cpu) ? "" : "; " + ratio(cpu / target) + " per CPU-second"));
    }

    @SuppressWarnings("unchecked")
    private static void latencyGoal(final StringBuilder b, final Object latency) {
        boolean any = false;
        if (latency != null) {
            for (final Object o : (List<Object>)((Map<String, Object>)latency).get("runs")) {
                final Map<String, Object> run = (Map<String, Object>)o;
                if (((Double)run.get("offeredPerSecond")).intValue() != 100_000) {
                    continue;
                }
                any = true;
                final double p99 = (Double)((Map<String, Object>)run.get("latencyMicros")).get("p99");
                final double lag = (Double)((Map<String, Object>)run.get("sendLagMicros")).get("p99");
                b.append(String.format(Locale.ROOT, "| p99 <= 20 us at 100,000 commands/s offered, %s journal, %s wait | %s us"
                        + " | p50 %s us, max %s us | driver's own send lag p99: %s us | | %s |%n", run.get("journal"),
                    run.get("waitMode"), us(p99), us((Double)((Map<String, Object>)run.get("latencyMicros")).get("p50")),
                    us((Double)((Map<String, Object>)run.get("latencyMicros")).get("max")), us(lag),
                    p99 <= 20 ? "met" : "missed"));
            }
        }
        if (!any) {
            b.append("| p99 <= 20 us at 100,000 commands/s offered | not measured in this run | | | | |\n");
        }
    }

    @SuppressWarnings("unchecked")
    private static void memoryGoal(final StringBuilder b, final Object memory) {
        if (memory == null) {
            b.append("| <= 96 bytes per account, <= 64 bytes per lot | not measured in this run | | | | |\n");
            return;
        }
        for (final Object o : (List<Object>)((Map<String, Object>)memory).get("results")) {
            final Map<String, Object> r = (Map<String, Object>)o;
            final String what = (String)r.get("what");
            final double per = (Double)r.get("bytesPerItem");
            final int limit = "account".equals(what) ? 96 : "lot".equals(what) ? 64 : -1;
            if (limit < 0) {
                continue;
            }
            b.append(String.format(Locale.ROOT, "| <= %d bytes per %s (%s tables, %,d %ss) | %s bytes | | | %s of the"
                    + " goal | %s |%n", limit, what, r.get("sizing"), ((Double)r.get("count")).longValue(), what,
                num(per), ratio(per / limit), per <= limit ? "met" : "missed"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void latency(final StringBuilder b, final Object latency) {
        b.append("| journal | wait | offered/s | achieved/s | p50 us | p99 us | p99.9 us | max us | driver lag p99 us |"
            + " load before -> after |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (final Object o : (List<Object>)((Map<String, Object>)latency).get("runs")) {
            final Map<String, Object> run = (Map<String, Object>)o;
            final Map<String, Object> l = (Map<String, Object>)run.get("latencyMicros");
            final Map<String, Object> lag = (Map<String, Object>)run.get("sendLagMicros");
            b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s -> %s |%n",
                run.get("journal"), run.get("waitMode"), ops((Double)run.get("offeredPerSecond")),
                ops((Double)run.get("achievedPerSecond")), us((Double)l.get("p50")), us((Double)l.get("p99")),
                us((Double)l.get("p99.9")), us((Double)l.get("max")), us((Double)lag.get("p99")), run.get("loadBefore"),
                run.get("loadAfter")));
        }
    }

    @SuppressWarnings("unchecked")
    private static void memory(final StringBuilder b, final Object memory) {
        b.append("| what | tables | count | bytes each | of which |\n|---|---|---:|---:|---|\n");
        for (final Object o : (List<Object>)((Map<String, Object>)memory).get("results")) {
            final Map<String, Object> r = (Map<String, Object>)o;
            final double count = (Double)r.get("count");
            final StringBuilder parts = new StringBuilder();
            for (final Map.Entry<String, Object> e : ((Map<String, Object>)r.get("breakdown")).entrySet()) {
                parts.append(parts.length() == 0 ? "" : "; ").append(e.getKey()).append(": ")
                    .append(num((Double)e.getValue() / count));
            }
            b.append(String.format(Locale.ROOT, "| %s | %s | %,d | %s | %s |%n", r.get("what"), r.get("sizing"),
                (long)count, num((Double)r.get("bytesPerItem")), parts));
        }
    }

    /** Operations per second, truncated to a whole number. */
    static String ops(final double v) {
        return String.format(Locale.ROOT, "%,d", (long)v);
    }

    /** Truncated to one decimal. */
    static String num(final double v) {
        return String.format(Locale.ROOT, "%,.1f", Math.floor(v * 10) / 10);
    }

    static String ns(final double v) {
        return num(v);
    }

    static String us(final double v) {
        return num(v);
    }

    static String ratio(final double r) {
        return String.format(Locale.ROOT, "%.3f", Math.floor(r * 1000) / 1000);
    }
}

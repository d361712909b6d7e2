package io.allianceledger.bench;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.ResultCode;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.WaitMode;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end latency at fixed offered loads, free of coordinated omission: a driver thread gives command i the
 * planned send time {@code start + i / rate} and submits it then (or at once, if behind); its latency is
 * measured from that planned time to the moment its future completes, so a stall of the ledger or of the driver
 * counts against every command it delays instead of being hidden. Latencies go into an HdrHistogram
 * (microseconds to a minute, 3 significant digits).
 * <p>
 * For each journal ({@link Journals}: the Chronicle journal in {@code PAGE_CACHE} and {@code SYNC_PER_BATCH}
 * mode by default, or {@code NONE}), a fresh ledger with 1,000 accounts is warmed up, then driven at each rate for a bounded time;
 * every command is a two-leg transfer and must be {@code CREATED}. The driver waits by parking when the next
 * send is far and yielding when it is near, which leaves the cores to the pipeline; how late the driver itself
 * sent is recorded too ({@code sendLag}), so the driver's share of a bad percentile can be told apart. It prints a
 * table and writes JSON. It stops by itself.
 * <pre>
 * java $(flags) -Xmx4g -cp benchmarks.jar io.allianceledger.bench.LatencyHarness \
 *     [--rates 10000,50000,100000] [--seconds 10] [--warmup-seconds 5] [--journals PAGE_CACHE,SYNC_PER_BATCH]
 *     [--wait SLEEPING]
 *     [--out ledger-bench/results/latency.json]
 * </pre>
 */
public final class LatencyHarness {
    private static final int ACCOUNTS = 1_000;
    private static final long HIGHEST_NANOS = 60_000_000_000L;
    private static final long PARK_WHEN_NANOS = 200_000;
    private static final long WAKE_EARLY_NANOS = 100_000;

    private LatencyHarness() {
    }

    /** The outcome of one offered load. */
    record Run(String journal, String waitMode, int offeredPerSecond, int seconds, int commands, double achievedPerSecond,
        Histogram latency, Histogram sendLag, long rejected, String loadBefore, String loadAfter) {
    }

    /**
     * @param args see the class comment.
     * @throws Exception if the output cannot be written.
     */
    public static void main(final String[] args) throws Exception {
        int[] rates = {10_000, 50_000, 100_000};
        int seconds = 10;
        int warmupSeconds = 5;
        List<String> journals = List.of("PAGE_CACHE", "SYNC_PER_BATCH");
        WaitMode waitMode = WaitMode.SLEEPING;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rates" -> rates = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup-seconds" -> warmupSeconds = Integer.parseInt(args[++i]);
                case "--journals" -> journals = List.of(args[++i].split(","));
                case "--wait" -> waitMode = WaitMode.valueOf(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        final List<Run> runs = new ArrayList<>();
        for (final String journal : journals) {
            final Path dir = Journals.freshDirectory("latency-" + journal.toLowerCase(Locale.ROOT) + "-");
            try (Ledger ledger = Ledgers.open(Journals.open(journal, dir), waitMode, ACCOUNTS)) {
                final Driver driver = new Driver(ledger, Ledgers.accountIds(ACCOUNTS));
                System.out.printf("%s, %s: warming up at 50,000/s for %d s%n", journal, waitMode, warmupSeconds);
                driver.run(journal, waitMode, 50_000, warmupSeconds);
                for (final int rate : rates) {
                    final Run run = driver.run(journal, waitMode, rate, seconds);
                    runs.add(run);
                    print(run);
                }
            } finally {
                Journals.delete(dir);
            }
        }
        System.out.println();
        System.out.println(table(runs));
        if (out != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, json(runs));
            System.out.println("wrote " + out);
        }
    }

    /** Sends planned-rate transfers to one ledger. */
    static final class Driver {
        private final Ledger ledger;
        private final long[] accountIds;
        private final SplittableRandom random = new SplittableRandom(2026);
        private long nextLow = 1;

        Driver(final Ledger ledger, final long[] accountIds) {
            this.ledger = ledger;
            this.accountIds = accountIds;
        }

        Run run(final String journal, final WaitMode waitMode, final int rate, final int seconds) throws IOException {
            final String loadBefore = Machine.loadAverage();
            final int total = Math.toIntExact((long)rate * seconds);
            final long[] planned = new long[total];
            final long[] done = new long[total];
            final AtomicInteger completed = new AtomicInteger();
            final AtomicLong rejected = new AtomicLong();
            final Histogram sendLag = new Histogram(HIGHEST_NANOS, 3);
            final int n = accountIds.length;
            final double interval = 1e9 / rate;
            final long start = System.nanoTime() + 1_000_000;
            for (int i = 0; i < total; i++) {
                final long plan = start + (long)(i * interval);
                planned[i] = plan;
                long now = System.nanoTime();
                while (now < plan) {
                    if (plan - now > PARK_WHEN_NANOS) {
                        LockSupport.parkNanos(plan - now - WAKE_EARLY_NANOS);
                    } else {
                        Thread.yield();
                    }
                    now = System.nanoTime();
                }
                sendLag.recordValue(Math.min(now - plan, HIGHEST_NANOS));
                final int debit = random.nextInt(n);
                int credit = random.nextInt(n - 1);
                credit = credit >= debit ? credit + 1 : credit;
                final int index = i;
                ledger.submit(PostEntry.transfer(new CommandId(Machines.ID_HIGH, nextLow++), accountIds[debit],
                    accountIds[credit], 1 + random.nextInt(100))).whenComplete((result, failure) -> {
                        done[index] = System.nanoTime();
                        if (failure != null || result.code() != ResultCode.CREATED) {
                            rejected.incrementAndGet();
                        }
                        completed.incrementAndGet();
                    });
            }
            final long deadline = System.nanoTime() + 60_000_000_000L;
            while (completed.get() < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("commands still incomplete after 60 s: " + (total - completed.get()));
                }
                LockSupport.parkNanos(1_000_000);
            }
            final long end = Arrays.stream(done).max().orElse(start);
            final Histogram latency = new Histogram(HIGHEST_NANOS, 3);
            for (int i = 0; i < total; i++) {
                latency.recordValue(Math.max(0, Math.min(done[i] - planned[i], HIGHEST_NANOS)));
            }
            return new Run(journal, waitMode.name(), rate, seconds, total, total * 1e9 / (end - start), latency, sendLag,
                rejected.get(), loadBefore, Machine.loadAverage());
        }
    }

    private static double micros(final Histogram h, final double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    private static void print(final Run r) {
        System.out.printf(Locale.ROOT, "%s, %s, %,d/s offered: achieved %,.0f/s, p50 %.1f us, p99 %.1f us, p99.9 %.1f us,"
                + " max %.1f us; send lag p99 %.1f us; rejected %d; load %s -> %s%n",
            r.journal(), r.waitMode(), r.offeredPerSecond(), r.achievedPerSecond(), micros(r.latency(), 50),
            micros(r.latency(), 99), micros(r.latency(), 99.9), r.latency().getMaxValue() / 1000.0,
            micros(r.sendLag(), 99), r.rejected(), r.loadBefore(), r.loadAfter());
    }

    static String table(final List<Run> runs) {
        final StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%-16s %-9s %10s %12s %10s %10s %10s %10s %12s%n", "journal", "wait",
            "offered/s", "achieved/s", "p50 us", "p99 us", "p99.9 us", "max us", "lag p99 us"));
        for (final Run r : runs) {
            b.append(String.format(Locale.ROOT, "%-16s %-9s %,10d %,12.0f %10.1f %10.1f %10.1f %10.1f %12.1f%n",
                r.journal(), r.waitMode(), r.offeredPerSecond(), r.achievedPerSecond(), micros(r.latency(), 50),
                micros(r.latency(), 99), micros(r.latency(), 99.9), r.latency().getMaxValue() / 1000.0,
                micros(r.sendLag(), 99)));
        }
        return b.toString();
    }

    static String json(final List<Run> runs) {
        final StringBuilder b = new StringBuilder();
        b.append("{\n  \"harness\": \"io.allianceledger.bench.LatencyHarness\",\n  \"machine\": ").append(Machine.json())
            .append(",\n  \"runs\": [\n");
        for (int i = 0; i < runs.size(); i++) {
            final Run r = runs.get(i);
            b.append(String.format(Locale.ROOT, "    {\"journal\": %s, \"waitMode\": %s, \"offeredPerSecond\": %d,"
                    + " \"seconds\": %d, \"commands\": %d, \"achievedPerSecond\": %.1f, \"rejected\": %d,"
                    + " \"loadBefore\": %s, \"loadAfter\": %s,%n     \"latencyMicros\": %s,%n     \"sendLagMicros\": %s}%s%n",
                Json.quote(r.journal()), Json.quote(r.waitMode()), r.offeredPerSecond(), r.seconds(), r.commands(),
                r.achievedPerSecond(), r.rejected(), Json.quote(r.loadBefore()), Json.quote(r.loadAfter()),
                percentiles(r.latency()), percentiles(r.sendLag()), i == runs.size() - 1 ? "" : ","));
        }
        return b.append("  ]\n}\n").toString();
    }

    private static String percentiles(final Histogram h) {
        return String.format(Locale.ROOT, "{\"p50\": %.3f, \"p90\": %.3f, \"p99\": %.3f, \"p99.9\": %.3f, \"p99.99\": %.3f,"
                + " \"max\": %.3f, \"mean\": %.3f}", micros(h, 50), micros(h, 90), micros(h, 99), micros(h, 99.9),
            micros(h, 99.99), h.getMaxValue() / 1000.0, h.getMean() / 1000.0);
    }
}

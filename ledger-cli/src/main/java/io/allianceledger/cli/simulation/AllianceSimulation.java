package io.allianceledger.cli.simulation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * Generates days of an alliance's business as events files and channel bills, deterministically for a seed.
 * <p>
 * Each day's business runs 08:00-22:00 local time (+08:00), in time order: accruals with purchases (30 %),
 * redemptions (12 %), sales through alipay and wechat (28 %), partial refunds of recent sales and, one in five,
 * of recent accruals in points (5 %), holds (6 %) and their captures (whole or partial) and releases (6 %),
 * transfers between members (7 %), the rest accruals. Stores are chosen by Zipfian popularity, members uniformly.
 * Refunds pick among the last {@value #RING} sales, so some refund a sale of a day whose cycle has closed. At noon
 * of the middle day the rules change (see {@link AllianceShape#changedRules()}), so that day comes in two files.
 * <p>
 * The simulator keeps a conservative estimate of each member's spendable points so that its redemptions,
 * holds and transfers are ones the ledger accepts; a line the ledger rejects is a finding worth reporting.
 * Malformed lines, when asked for, are spread evenly through the business events.
 */
public final class AllianceSimulation {
    /** Recent sales, accruals and holds kept for refunds and captures. */
    static final int RING = 4096;
    private static final int BUSINESS_START = 8 * 3600;
    private static final int BUSINESS_SECONDS = 14 * 3600;
    private static final int HOLD_TIMEOUT = 900;
    private static final String[] MALFORMED = {
        "{\"type\":\"accrue\",\"id\":\"broken-%d\",\"time\":\"%s\",\"member\":\"M1\"",
        "{\"type\":\"gift\",\"id\":\"broken-%d\",\"time\":\"%s\"}",
        "{\"type\":\"sale\",\"id\":\"broken-%d\",\"time\":\"%s\",\"store\":\"S1\",\"amount\":\"1.005\","
            + "\"channel\":\"alipay\",\"channelTxn\":\"x\"}",
        "{\"type\":\"redeem\",\"id\":\"broken-%d\",\"time\":\"%s\",\"store\":\"S1\",\"points\":10}",
    };

    private final AllianceShape shape;
    private final int days;
    private final long eventsPerDay;
    private final long malformed;
    private final LocalDate start;
    private final SplittableRandom random;
    private final StorePopularity stores;
    private final long[] points;
    private final long[] promo;
    private final Map<String, Long> counts = new LinkedHashMap<>();

    // Rings of recent operations: index = sequence % RING.
    private final String[] saleId = new String[RING];
    private final String[] saleChannel = new String[RING];
    private final long[] saleLeft = new long[RING];
    private int sales;
    private final String[] accrualId = new String[RING];
    private final int[] accrualMember = new int[RING];
    private final long[] accrualLeft = new long[RING];
    private final boolean[] accrualForgiven = new boolean[RING];
    private int accruals;
    private final String[] holdId = new String[RING];
    private final int[] holdMember = new int[RING];
    private final long[] holdPoints = new long[RING];
    private final long[] holdPromo = new long[RING];
    private final long[] holdClock = new long[RING];
    private int holds;

    private final StringBuilder line = new StringBuilder(256);
    private long next;
    private long business;
    private long malformedWritten;
    private boolean changed;
    private String time;
    private int second;
    private long clock;
    private BufferedWriter events;
    private final Map<String, BufferedWriter> bills = new LinkedHashMap<>();

    /**
     * @param shape        the alliance.
     * @param days         days to simulate, 1..3650.
     * @param eventsPerDay business events per day, 1..100,000,000.
     * @param malformed    malformed lines to spread through them.
     * @param start        the first local date.
     * @param seed         the seed: the same seed and arguments give the same bytes.
     */
    public AllianceSimulation(final AllianceShape shape, final int days, final long eventsPerDay, final long malformed,
        final LocalDate start, final long seed) {
        if (days < 1 || days > 3650) {
            throw new IllegalArgumentException("--days must be 1..3650");
        }
        if (eventsPerDay < 1 || eventsPerDay > 100_000_000L) {
            throw new IllegalArgumentException("--events-per-day must be 1..100000000");
        }
        if (malformed < 0 || malformed > eventsPerDay * days) {
            throw new IllegalArgumentException("--malformed must be 0..the number of business events");
        }
        if (shape.members() > 10_000_000) {
            throw new IllegalArgumentException("the simulator keeps one counter per member: at most 10000000 members");
        }
        this.shape = shape;
        this.days = days;
        this.eventsPerDay = eventsPerDay;
        this.malformed = malformed;
        this.start = start;
        this.random = new SplittableRandom(seed);
        this.stores = new StorePopularity(shape.stores(), 1.07);
        this.points = new long[shape.members() + 1];
        this.promo = new long[shape.members() + 1];
    }

    /**
     * Writes everything into {@code out}: {@code rules.yaml}, {@code rules-change.yaml}, {@code events/*.jsonl},
     * {@code bills/<channel>-<day>.csv} and {@code plan.sh}.
     *
     * @param out      the directory, created if missing.
     * @param progress receives the number of event lines written so far, now and then.
     * @return the plan of what to run, in order.
     * @throws IOException if a file cannot be written.
     */
    public SimulationPlan write(final Path out, final LongConsumer progress) throws IOException {
        Files.createDirectories(out.resolve("events"));
        Files.createDirectories(out.resolve("bills"));
        final List<SimulationPlan.Step> steps = new ArrayList<>();
        final Path rules = out.resolve("rules.yaml");
        Files.writeString(rules, shape.initialRules("simulated-alliance", iso(start, 0)), StandardCharsets.UTF_8);
        steps.add(new SimulationPlan.Init(rules));
        final Path change = out.resolve("rules-change.yaml");
        Files.writeString(change, shape.changedRules(), StandardCharsets.UTF_8);
        final int changeDay = (days + 1) / 2;
        try {
            for (int d = 1; d <= days; d++) {
                final LocalDate date = start.plusDays(d - 1);
                final Map<String, Path> dayBills = new LinkedHashMap<>();
                for (final String channel : AllianceShape.CHANNELS) {
                    final Path bill = out.resolve("bills/" + channel + "-" + date + ".csv");
                    dayBills.put(channel, bill);
                    bills.put(channel, Files.newBufferedWriter(bill, StandardCharsets.UTF_8));
                    bills.get(channel).write("channel_txn_id,amount,time\n");
                }
                Path file = out.resolve("events/" + date + (d == changeDay ? "-am" : "") + ".jsonl");
                events = writer(file);
                steps.add(new SimulationPlan.Post(file));
                if (d == 1) {
                    register(date, progress);
                }
                for (long i = 0; i < eventsPerDay; i++) {
                    second = BUSINESS_START + (int)(BUSINESS_SECONDS * i / eventsPerDay);
                    clock = (d - 1) * 86_400L + second;
                    if (d == changeDay && !changed && second >= 12 * 3600) {
                        events.close();
                        steps.add(new SimulationPlan.Rules(change, iso(date, 12 * 3600)));
                        file = out.resolve("events/" + date + "-pm.jsonl");
                        events = writer(file);
                        steps.add(new SimulationPlan.Post(file));
                        changed = true;
                    }
                    time = iso(date, second);
                    if (malformedWritten < malformed
                        && (double)business * (malformed + 1) / ((double)eventsPerDay * days) > malformedWritten + 1) {
                        writeMalformed();
                    }
                    businessEvent();
                    business++;
                    if ((business & 0xFFFF) == 0) {
                        progress.accept(lines());
                    }
                }
                events.close();
                for (final BufferedWriter w : bills.values()) {
                    w.close();
                }
                bills.clear();
                for (int m = 1; m < promo.length; m++) { // S1's promotion points expire at midnight
                    points[m] -= promo[m];
                    promo[m] = 0;
                }
                steps.add(new SimulationPlan.CloseDay(date.toString(), iso(date.plusDays(1), 0), dayBills));
            }
        } finally {
            if (events != null) {
                events.close();
            }
            for (final BufferedWriter w : bills.values()) {
                w.close();
            }
        }
        progress.accept(lines());
        final SimulationPlan plan = new SimulationPlan(steps, counts);
        final Path script = out.resolve("plan.sh");
        Files.writeString(script, PlanScript.of(plan, out), StandardCharsets.UTF_8);
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + script + " executable");
        }
        return plan;
    }

    private static BufferedWriter writer(final Path file) throws IOException {
        return new BufferedWriter(new java.io.OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
            1 << 20);
    }

    private long lines() {
        return SimulationPlan.eventLines(counts);
    }

    private void register(final LocalDate date, final LongConsumer progress) throws IOException {
        time = iso(date, 7 * 3600);
        for (final String[] p : shape.tree()) {
            begin("register", "reg-" + p[1]).field("role", p[0]).field("code", p[1]);
            if (p[2] != null) {
                field("parent", p[2]);
            }
            end("register");
        }
        for (int m = 1; m <= shape.members(); m++) {
            begin("register", "reg-M" + m).field("role", "member").field("code", "M" + m).end("register");
            if ((m & 0xFFFF) == 0) {
                progress.accept(lines());
            }
        }
    }

    private void businessEvent() throws IOException {
        final int r = random.nextInt(100);
        final int member = 1 + random.nextInt(shape.members());
        if (r < 30) {
            accrue(member);
        } else if (r < 42) {
            if (!redeem(member)) {
                accrue(member);
            }
        } else if (r < 70) {
            sale();
        } else if (r < 75) {
            if (!(random.nextInt(5) == 0 ? refundAccrual() : refundSale())) {
                accrue(member);
            }
        } else if (r < 81) {
            if (!hold(member)) {
                accrue(member);
            }
        } else if (r < 87) {
            if (!settleHold()) {
                accrue(member);
            }
        } else if (r < 94) {
            if (!transfer(member)) {
                accrue(member);
            }
        } else {
            accrue(member);
        }
    }

    private void accrue(final int member) throws IOException {
        final int store = stores.next(random);
        final double u = random.nextDouble();
        final long fen = 1_000 + (long)(u * u * 200_000);
        final long earned = fen / 100;
        final String id = id("acc");
        begin("accrue", id).field("member", "M" + member).field("store", "S" + store).number("points", earned)
            .field("purchase", yuan(fen)).end("accrue");
        final long owed = Math.min(0, points[member]);
        points[member] += earned;
        if (store == 1 && changed) {
            promo[member] += Math.max(0, earned + owed); // the promotion lot holds what is left after repaying a debt
        } else {
            final int slot = accruals++ % RING;
            accrualId[slot] = id;
            accrualMember[slot] = member;
            accrualLeft[slot] = earned;
            accrualForgiven[slot] = changed;
        }
    }

    private boolean redeem(final int member) throws IOException {
        if (points[member] < 10) {
            return false;
        }
        final long k = 1 + random.nextLong(Math.min(points[member] / 2, 2_000));
        begin("redeem", id("red")).field("member", "M" + member).field("store", "S" + stores.next(random))
            .number("points", k).end("redeem");
        spend(member, k);
        return true;
    }

    /** Spends points as the ledger does: the earliest expiry, the promotion's, first. */
    private long spend(final int member, final long k) {
        points[member] -= k;
        final long fromPromo = Math.min(promo[member], k);
        promo[member] -= fromPromo;
        return fromPromo;
    }

    private void sale() throws IOException {
        final double u = random.nextDouble();
        final long fen = 500 + (long)(u * u * 500_000);
        final String channel = random.nextInt(10) < 6 ? "alipay" : "wechat";
        final String id = id("sale");
        final String txn = txn(channel, id);
        begin("sale", id).field("store", "S" + stores.next(random)).field("amount", yuan(fen))
            .field("channel", channel).field("channelTxn", txn).end("sale");
        bill(channel, txn, fen);
        final int slot = sales++ % RING;
        saleId[slot] = id;
        saleChannel[slot] = channel;
        saleLeft[slot] = fen;
    }

    private boolean refundSale() throws IOException {
        if (sales == 0) {
            return false;
        }
        final int slot = random.nextInt(Math.min(sales, RING));
        if (saleLeft[slot] < 2) {
            return false;
        }
        final long fen = 1 + random.nextLong(saleLeft[slot] / 2);
        final String id = id("ref");
        final String txn = txn(saleChannel[slot], id);
        begin("refund", id).field("original", saleId[slot]).field("amount", yuan(fen)).field("channelTxn", txn)
            .end("refund");
        bill(saleChannel[slot], txn, -fen);
        saleLeft[slot] -= fen;
        return true;
    }

    private boolean refundAccrual() throws IOException {
        if (accruals == 0) {
            return false;
        }
        final int slot = random.nextInt(Math.min(accruals, RING));
        if (accrualLeft[slot] < 2) {
            return false;
        }
        final long k = 1 + random.nextLong(accrualLeft[slot] / 2);
        begin("refund", id("ref")).field("original", accrualId[slot]).number("points", k).end("refund");
        accrualLeft[slot] -= k;
        final int member = accrualMember[slot];
        // Points the member no longer has: owed under NEGATIVE, forgiven under FORGIVE (the accrual's own version).
        points[member] = accrualForgiven[slot] ? Math.max(0, points[member] - k) : points[member] - k;
        promo[member] = Math.max(0, Math.min(promo[member], points[member]));
        return true;
    }

    private boolean hold(final int member) throws IOException {
        if (points[member] < 10) {
            return false;
        }
        final long k = 1 + random.nextLong(Math.min(points[member] / 2, 500));
        final String id = id("hold");
        begin("hold", id).field("member", "M" + member).field("store", "S" + stores.next(random))
            .number("points", k).number("timeoutSeconds", HOLD_TIMEOUT).end("hold");
        final int slot = holds++ % RING;
        holdId[slot] = id;
        holdMember[slot] = member;
        holdPoints[slot] = k;
        holdPromo[slot] = spend(member, k);
        holdClock[slot] = clock;
        return true;
    }

    /** Captures (wholly or in part) or releases the newest open hold, if it is recent enough to be open. */
    private boolean settleHold() throws IOException {
        if (holds == 0) {
            return false;
        }
        final int slot = (holds - 1) % RING;
        if (holdId[slot] == null || clock - holdClock[slot] > HOLD_TIMEOUT / 3) {
            return false; // nothing open, or left to lapse; its points stay counted as spent (the safe side)
        }
        final int member = holdMember[slot];
        final int r = random.nextInt(4);
        long back = 0;
        if (r < 2) {
            begin("capture", id("cap")).field("hold", holdId[slot]).end("capture");
        } else if (r == 2 && holdPoints[slot] > 1) {
            final long captured = 1 + random.nextLong(holdPoints[slot] - 1);
            begin("capture", id("cap")).field("hold", holdId[slot]).number("points", captured).end("capture");
            back = holdPoints[slot] - captured;
        } else {
            begin("release", id("rel")).field("hold", holdId[slot]).end("release");
            back = holdPoints[slot];
        }
        // Pieces are captured in order, the promotion's first; what is not captured goes back to its lots.
        final long promoBack = Math.max(0, holdPromo[slot] - (holdPoints[slot] - back));
        points[member] += back;
        promo[member] += promoBack;
        holdId[slot] = null;
        holds--;
        return true;
    }

    private boolean transfer(final int from) throws IOException {
        if (points[from] < 10) {
            return false;
        }
        int to = 1 + random.nextInt(shape.members());
        if (to == from) {
            to = from % shape.members() + 1;
        }
        final long k = 1 + random.nextLong(Math.min(points[from] / 2, 300));
        begin("transfer", id("trf")).field("from", "M" + from).field("to", "M" + to).number("points", k)
            .end("transfer");
        final long fromPromo = spend(from, k);
        // Value and expiry move with the points; a receiver's debt is not repaid by a transfer.
        points[to] += k;
        promo[to] = Math.max(0, Math.min(promo[to] + fromPromo, points[to]));
        return true;
    }

    private void writeMalformed() throws IOException {
        final String form = MALFORMED[(int)(malformedWritten % MALFORMED.length)];
        events.write(String.format(java.util.Locale.ROOT, form, malformedWritten, time));
        events.write('\n');
        malformedWritten++;
        count("malformed");
    }

    private void bill(final String channel, final String txn, final long fen) throws IOException {
        final BufferedWriter w = bills.get(channel);
        w.write(txn);
        w.write(',');
        w.write(yuan(fen));
        w.write(',');
        w.write(time);
        w.write('\n');
        count("bill lines");
    }

    private String id(final String kind) {
        return kind + "-" + (++next);
    }

    private static String txn(final String channel, final String id) {
        return (channel.equals("alipay") ? "ali-" : "wx-") + id;
    }

    private AllianceSimulation begin(final String type, final String id) {
        line.setLength(0);
        line.append("{\"type\":\"").append(type).append("\",\"id\":\"").append(id).append("\",\"time\":\"")
            .append(time).append('"');
        return this;
    }

    private AllianceSimulation field(final String name, final String value) {
        line.append(",\"").append(name).append("\":\"").append(value).append('"');
        return this;
    }

    private AllianceSimulation number(final String name, final long value) {
        line.append(",\"").append(name).append("\":").append(value);
        return this;
    }

    private void end(final String type) throws IOException {
        line.append("}\n");
        events.append(line);
        count(type);
    }

    private void count(final String kind) {
        counts.merge(kind, 1L, Long::sum);
    }

    static String yuan(final long fen) {
        final long abs = Math.abs(fen);
        final long cents = abs % 100;
        return (fen < 0 ? "-" : "") + abs / 100 + "." + (cents < 10 ? "0" : "") + cents;
    }

    /** @return the local time at {@code secondOfDay} of a date, as ISO-8601 with the +08:00 offset. */
    static String iso(final LocalDate date, final int secondOfDay) {
        final int h = secondOfDay / 3600;
        final int m = secondOfDay / 60 % 60;
        final int s = secondOfDay % 60;
        return date + "T" + (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s
            + "+08:00";
    }
}

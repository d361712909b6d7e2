package io.allianceledger.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test fixture: a deterministic day of an alliance as event lines: two province agents, four city agents, six
 * HQs, twenty stores (S1..S20), a hundred members, then accruals with purchases, redemptions, sales on two
 * channels, holds with captures and releases, transfers and partial refunds, in time order. Also writes the
 * channels' bills for the sales and refunds it generated.
 */
final class AllianceDay {
    record Sale(String id, String channel, String txn, long fen, String time) {
    }

    final List<String> lines = new ArrayList<>();
    final List<Sale> sales = new ArrayList<>();
    final List<Sale> refunds = new ArrayList<>();
    private final java.util.Map<String, Long> remaining = new java.util.HashMap<>();
    private final SplittableRandom random;
    private final String day;
    private int next;

    AllianceDay(final long seed, final String day) {
        this.random = new SplittableRandom(seed);
        this.day = day;
    }

    String time(final int secondOfDay) {
        return String.format("%sT%02d:%02d:%02d+08:00", day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60);
    }

    private String id(final String prefix) {
        return prefix + "-" + day + "-" + next++;
    }

    void registerTree(final int second) {
        final String t = time(second);
        for (int p = 1; p <= 2; p++) {
            lines.add(event("register", "reg-P" + p, t, "\"role\":\"agent\",\"code\":\"P" + p + "\""));
        }
        for (int c = 1; c <= 4; c++) {
            lines.add(event("register", "reg-C" + c, t, "\"role\":\"agent\",\"code\":\"C" + c + "\",\"parent\":\"P" + ((c + 1) / 2) + "\""));
        }
        for (int h = 1; h <= 6; h++) {
            lines.add(event("register", "reg-H" + h, t, "\"role\":\"hq\",\"code\":\"H" + h + "\",\"parent\":\"C" + (1 + h % 4) + "\""));
        }
        for (int s = 1; s <= 20; s++) {
            // Most stores under an HQ; a few directly under a city agent (no HQ share).
            final String parent = s % 7 == 0 ? "C" + (1 + s % 4) : "H" + (1 + s % 6);
            lines.add(event("register", "reg-S" + s, t, "\"role\":\"store\",\"code\":\"S" + s + "\",\"parent\":\"" + parent + "\""));
        }
        for (int m = 1; m <= 100; m++) {
            lines.add(event("register", "reg-M" + m, t, "\"role\":\"member\",\"code\":\"M" + m + "\""));
        }
    }

    /** Adds {@code count} mixed events between two seconds of the day. */
    void business(final int fromSecond, final int toSecond, final int count) {
        final List<String> holds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            final String t = time(fromSecond + (int)((long)(toSecond - fromSecond) * i / count));
            final String member = "M" + (1 + random.nextInt(100));
            final String store = "S" + (1 + random.nextInt(20));
            final int r = random.nextInt(100);
            if (r < 30) {
                final long fen = 100 + random.nextInt(50_000);
                lines.add(event("accrue", id("acc"), t, "\"member\":\"" + member + "\",\"store\":\"" + store
                    + "\",\"points\":" + fen / 10 + ",\"purchase\":\"" + fen / 100 + "." + String.format("%02d", fen % 100) + "\""));
            } else if (r < 42) {
                lines.add(event("redeem", id("red"), t, "\"member\":\"" + member + "\",\"store\":\"" + store
                    + "\",\"points\":" + (1 + random.nextInt(300))));
            } else if (r < 72) {
                final String channel = random.nextBoolean() ? "alipay" : "wechat";
                final long fen = 500 + random.nextInt(300_000);
                final String id = id("sale");
                final String txn = channel.substring(0, 3) + "-" + id;
                lines.add(event("sale", id, t, "\"store\":\"" + store + "\",\"amount\":\"" + yuan(fen)
                    + "\",\"channel\":\"" + channel + "\",\"channelTxn\":\"" + txn + "\""));
                sales.add(new Sale(id, channel, txn, fen, t));
                remaining.put(id, fen);
            } else if (r < 80 && !sales.isEmpty()) {
                final Sale s = sales.get(random.nextInt(sales.size()));
                refund(s, 1 + random.nextLong(Math.max(1, remaining.get(s.id()) / 3)), t);
            } else if (r < 86) {
                final String id = id("hold");
                lines.add(event("hold", id, t, "\"member\":\"" + member + "\",\"store\":\"" + store
                    + "\",\"points\":" + (1 + random.nextInt(100)) + ",\"timeoutSeconds\":600"));
                holds.add(id);
            } else if (r < 92 && !holds.isEmpty()) {
                final String hold = holds.remove(random.nextInt(holds.size()));
                lines.add(random.nextBoolean()
                    ? event("capture", id("cap"), t, "\"hold\":\"" + hold + "\"")
                    : event("release", id("rel"), t, "\"hold\":\"" + hold + "\""));
            } else {
                lines.add(event("transfer", id("trf"), t, "\"from\":\"" + member + "\",\"to\":\"M" + (1 + random.nextInt(100))
                    + "\",\"points\":" + (1 + random.nextInt(50))));
            }
        }
    }

    /** A partial refund of a sale (possibly of an earlier day), with its own channel transaction. */
    void refund(final Sale s, final long fen, final String time) {
        final long left = remaining.getOrDefault(s.id(), s.fen());
        if (fen > left) {
            return;
        }
        remaining.put(s.id(), left - fen);
        final String id = id("ref");
        final String txn = s.channel().substring(0, 3) + "-" + id;
        lines.add(event("refund", id, time, "\"original\":\"" + s.id() + "\",\"amount\":\"" + yuan(fen)
            + "\",\"channelTxn\":\"" + txn + "\""));
        refunds.add(new Sale(id, s.channel(), txn, -fen, time));
    }

    static String yuan(final long fen) {
        return (fen < 0 ? "-" : "") + Math.abs(fen) / 100 + "." + String.format("%02d", Math.abs(fen) % 100);
    }

    static String event(final String type, final String id, final String time, final String fields) {
        return "{\"type\":\"" + type + "\",\"id\":\"" + id + "\",\"time\":\"" + time + "\"," + fields + "}";
    }

    /** The channel's bill: its sales and refunds, as the channel reports them. */
    List<String> bill(final String channel, final List<Sale> extraRefunds) {
        final List<String> bill = new ArrayList<>();
        bill.add("channel_txn_id,amount,time");
        final List<Sale> all = new ArrayList<>(sales);
        all.addAll(refunds);
        all.addAll(extraRefunds);
        for (final Sale s : all) {
            if (s.channel().equals(channel)) {
                bill.add(s.txn() + "," + yuan(s.fen()) + "," + s.time());
            }
        }
        return bill;
    }
}

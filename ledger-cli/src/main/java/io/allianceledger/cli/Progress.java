package io.allianceledger.cli;

import java.io.PrintWriter;
import java.util.Locale;

/** A progress bar on stderr, only when it is a terminal, redrawn at most five times a second. */
final class Progress {
    private final PrintWriter err;
    private final long total;
    private final boolean enabled;
    private long lastDraw;

    Progress(final PrintWriter err, final long total, final boolean enabled) {
        this.err = err;
        this.total = Math.max(1, total);
        this.enabled = enabled;
    }

    void update(final long done, final long lines) {
        if (!enabled) {
            return;
        }
        final long now = System.nanoTime();
        if (now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        final int width = 30;
        final int filled = (int)Math.min(width, done * width / total);
        err.printf(Locale.ROOT, "\r[%s%s] %3d%% %,d lines", "#".repeat(filled), " ".repeat(width - filled),
            Math.min(100, done * 100 / total), lines);
        err.flush();
    }

    void finish() {
        if (enabled) {
            err.print("\r" + " ".repeat(60) + "\r");
            err.flush();
        }
    }
}

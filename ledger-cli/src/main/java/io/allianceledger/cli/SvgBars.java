package io.allianceledger.cli;

import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar chart as inline SVG, for the cycle report: each row a labelled span [from, to] on one linear
 * scale with its value printed beside it. Plain bars start at 0; a bridge (opening, + and − steps, closing) is the
 * same chart with each step starting where the previous one ended. Coordinates are printed with {@link Locale#ROOT}
 * so the same figures give the same bytes.
 */
final class SvgBars {
    private static final int LABEL = 150;
    private static final int VALUE = 110;
    private static final int ROW = 24;
    private static final int BAR = 16;
    private static final int GROUP_GAP = 10;
    private static final int LEGEND = 26;

    /**
     * A row.
     *
     * @param label      the row's label on the left; empty for a second bar of a group.
     * @param from       where the bar starts, in the chart's unit.
     * @param to         where it ends.
     * @param fill       its colour.
     * @param value      the figure printed beside it.
     * @param groupStart true to leave a gap above it (the first row of a group).
     */
    record Bar(String label, long from, long to, String fill, String value, boolean groupStart) {
    }

    /** A legend entry: a colour and what it means. */
    record Key(String fill, String text) {
    }

    private SvgBars() {
    }

    /**
     * Writes the chart.
     *
     * @param html   where to write.
     * @param title  the chart's accessible title (also its tooltip).
     * @param width  its width in CSS pixels.
     * @param bars   the rows, top to bottom.
     * @param legend legend entries, or none.
     */
    static void write(final Html html, final String title, final int width, final List<Bar> bars, final List<Key> legend) {
        long lo = 0;
        long hi = 0;
        for (final Bar b : bars) {
            lo = Math.min(lo, Math.min(b.from(), b.to()));
            hi = Math.max(hi, Math.max(b.from(), b.to()));
        }
        final double span = hi == lo ? 1 : (double)hi - (double)lo;
        final double plot = width - LABEL - VALUE;
        final double left = LABEL;
        int y = legend.isEmpty() ? 4 : LEGEND;
        int height = y;
        for (int i = 0; i < bars.size(); i++) {
            height += ROW + (i > 0 && bars.get(i).groupStart() ? GROUP_GAP : 0);
        }
        height += 4;
        // No xmlns: the HTML parser puts inline <svg> in its namespace, and the page names no URL at all.
        html.open("svg", "class", "chart", "width", Integer.toString(width),
            "height", Integer.toString(height), "viewBox", "0 0 " + width + " " + height, "role", "img",
            "font-family", "system-ui, 'DejaVu Sans', sans-serif", "font-size", "12");
        html.element("title", title);
        int lx = (int)left;
        for (final Key k : legend) {
            html.open("rect", "x", Integer.toString(lx), "y", "6", "width", "12", "height", "12", "rx", "2",
                "fill", k.fill()).close("rect");
            html.element("text", k.text(), "x", Integer.toString(lx + 17), "y", "16", "fill", "#3b4556");
            lx += 30 + 7 * k.text().length();
        }
        final double zero = left + (0 - lo) / span * plot;
        for (int i = 0; i < bars.size(); i++) {
            final Bar b = bars.get(i);
            if (i > 0 && b.groupStart()) {
                y += GROUP_GAP;
            }
            final double x1 = left + (Math.min(b.from(), b.to()) - (double)lo) / span * plot;
            final double x2 = left + (Math.max(b.from(), b.to()) - (double)lo) / span * plot;
            final int barY = y + (ROW - BAR) / 2;
            final int textY = y + ROW / 2 + 4;
            if (!b.label().isEmpty()) {
                html.element("text", b.label(), "x", Integer.toString(LABEL - 10), "y", Integer.toString(textY),
                    "text-anchor", "end", "fill", "#1d2330");
            }
            if (x2 - x1 > 0.05) {
                html.open("rect", "x", fmt(x1), "y", Integer.toString(barY), "width", fmt(Math.max(x2 - x1, 1)),
                    "height", Integer.toString(BAR), "rx", "2", "fill", b.fill());
                html.element("title", (b.label().isEmpty() ? "" : b.label() + ": ") + b.value());
                html.close("rect");
            }
            html.element("text", b.value(), "x", fmt(x2 + 6), "y", Integer.toString(textY), "fill", "#1d2330",
                "class", "v");
            y += ROW;
        }
        final int top = legend.isEmpty() ? 2 : LEGEND - 2;
        html.open("line", "x1", fmt(zero), "x2", fmt(zero), "y1", Integer.toString(top), "y2",
            Integer.toString(height - 2), "stroke", "#8a94a6", "stroke-width", "1").close("line");
        html.close("svg");
    }

    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

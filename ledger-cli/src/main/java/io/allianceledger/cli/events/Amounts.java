package io.allianceledger.cli.events;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Exact conversions of the text forms in event, rule and bill files: CNY decimal strings to fen, fen back to
 * decimal strings, and ISO-8601 times with an offset to nanoseconds since the epoch. No floating point.
 */
public final class Amounts {
    /** Largest number of fen accepted: keeps every sum of a day's file far inside 64 bits. */
    public static final long MAX_FEN = 1_000_000_000_000_000L;

    private Amounts() {
    }

    /**
     * Parses a CNY amount such as {@code "128.5"} or {@code "128.50"}: digits, then optionally a point and one or
     * two digits; no sign, exponent, spaces or thousands separators.
     *
     * @param text     the decimal string.
     * @param negative whether a leading minus is allowed (bills show refunds as negative amounts).
     * @return the amount in fen.
     * @throws IllegalArgumentException with a readable reason.
     */
    public static long parseFen(final String text, final boolean negative) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an amount is empty");
        }
        int i = 0;
        boolean minus = false;
        if (text.charAt(0) == '-') {
            if (!negative) {
                throw new IllegalArgumentException("amount " + quote(text) + " must not be negative");
            }
            minus = true;
            i = 1;
        }
        long units = 0;
        int intDigits = 0;
        for (; i < text.length() && text.charAt(i) != '.'; i++) {
            final char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("amount " + quote(text) + " is not a decimal number of yuan");
            }
            if (++intDigits > 16) {
                throw new IllegalArgumentException("amount " + quote(text) + " is too large");
            }
            units = units * 10 + (c - '0');
        }
        if (intDigits == 0) {
            throw new IllegalArgumentException("amount " + quote(text) + " has no digits before the point");
        }
        long fen = units * 100;
        if (i < text.length()) {
            final int decimals = text.length() - i - 1;
            if (decimals == 0) {
                throw new IllegalArgumentException("amount " + quote(text) + " ends with a point");
            }
            if (decimals > 2) {
                throw new IllegalArgumentException("amount " + quote(text) + " has more than 2 decimals (CNY is exact to the fen)");
            }
            for (int k = 1; k <= decimals; k++) {
                final char c = text.charAt(i + k);
                if (c < '0' || c > '9') {
                    throw new IllegalArgumentException("amount " + quote(text) + " is not a decimal number of yuan");
                }
                fen += (c - '0') * (k == 1 ? 10 : 1);
            }
        }
        if (fen > MAX_FEN) {
            throw new IllegalArgumentException("amount " + quote(text) + " is too large");
        }
        if (fen == 0) {
            throw new IllegalArgumentException("amount " + quote(text) + " must be greater than zero");
        }
        return minus ? -fen : fen;
    }

    /**
     * @param fen an amount in fen.
     * @return it as yuan with exactly two decimals, e.g. {@code -0.05}.
     */
    public static String formatFen(final long fen) {
        final long abs = Math.abs(fen);
        final String digits = Long.toString(abs / 100) + "." + (abs % 100 < 10 ? "0" : "") + abs % 100;
        return fen < 0 ? "-" + digits : digits;
    }

    /**
     * Parses an ISO-8601 date-time with an offset, e.g. {@code 2026-11-21T09:30:00+08:00}.
     *
     * @param text the time.
     * @return nanoseconds since the epoch.
     * @throws IllegalArgumentException with a readable reason.
     */
    public static long parseTime(final String text) {
        try {
            final OffsetDateTime t = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            return Math.addExact(Math.multiplyExact(t.toEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (final DateTimeException | ArithmeticException e) {
            throw new IllegalArgumentException("time " + quote(text)
                + " is not an ISO-8601 date-time with an offset, e.g. 2026-11-21T09:30:00+08:00");
        }
    }

    static String quote(final String text) {
        final String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return "\"" + shown + "\"";
    }
}

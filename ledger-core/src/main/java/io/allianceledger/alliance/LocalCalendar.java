package io.allianceledger.alliance;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * Local dates of the alliance's time zone, for expiry: the local date of an instant, and the instant a local date
 * starts (its first valid local time, as {@link LocalDate#atStartOfDay(ZoneId)} says).
 * <p>
 * java.time allocates, so day starts are cached: a miss computes the starts of a block of {@value #BLOCK}
 * consecutive days at once, so business that moves forward day by day allocates once per block, not once per
 * day. The local date of an instant is found from the cached day starts (no {@code Instant} is made), with the
 * day window of the last instant asked about as a fast path. Two caches, one for "today" lookups and one for
 * expiry instants (days far ahead), keep the two from evicting each other. The caches are derived, not state.
 * Zone rules come from the JDK's tz database.
 */
final class LocalCalendar {
    static final long MILLIS_PER_DAY = 86_400_000L;
    static final int BLOCK = 256;

    private ZoneId zone;
    private final DayStarts today = new DayStarts();
    private final DayStarts ahead = new DayStarts();
    private long windowStart = Long.MAX_VALUE;
    private long windowEnd = Long.MIN_VALUE;
    private long windowDay;
    private long offsetGuess;

    /** Sets the zone; clears the caches. */
    void zone(final ZoneId value) {
        zone = value;
        today.clear();
        ahead.clear();
        windowStart = Long.MAX_VALUE;
        windowEnd = Long.MIN_VALUE;
        offsetGuess = 0;
    }

    ZoneId zone() {
        return zone;
    }

    /** @return the local epoch day of an instant in epoch milliseconds. */
    long epochDay(final long millis) {
        if (millis >= windowStart && millis < windowEnd) {
            return windowDay;
        }
        long day = Math.floorDiv(millis + offsetGuess, MILLIS_PER_DAY);
        while (millis < today.start(day)) {
            day--;
        }
        while (millis >= today.start(day + 1)) {
            day++;
        }
        windowStart = today.start(day);
        windowEnd = today.start(day + 1);
        windowDay = day;
        offsetGuess = day * MILLIS_PER_DAY - windowStart;
        return day;
    }

    /** @return the instant, in epoch milliseconds, at which a local day starts; for expiry days ahead. */
    long startOfDay(final long epochDay) {
        return ahead.start(epochDay);
    }

    /** A direct-mapped cache of day starts, filled a block at a time. */
    private final class DayStarts {
        private static final int SLOTS = 4096;
        private final long[] days = new long[SLOTS];
        private final long[] starts = new long[SLOTS];
        private final boolean[] known = new boolean[SLOTS];

        void clear() {
            Arrays.fill(known, false);
        }

        long start(final long day) {
            final int slot = (int)Math.floorMod(day, (long)SLOTS);
            if (!known[slot] || days[slot] != day) {
                for (long d = day; d < day + BLOCK; d++) {
                    final int s = (int)Math.floorMod(d, (long)SLOTS);
                    days[s] = d;
                    starts[s] = LocalDate.ofEpochDay(d).atStartOfDay(zone).toInstant().toEpochMilli();
                    known[s] = true;
                }
            }
            return starts[slot];
        }
    }
}

package io.allianceledger.alliance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;

/**
 * Local dates of the alliance's time zone, for expiry: the local date of an instant, and the instant a local date
 * starts. java.time allocates, so both are cached: the day window of the last instant asked about and a
 * direct-mapped table of day starts; after warm-up an accrual costs two array reads. The cache is derived, not
 * state. Zone rules come from the JDK's tz database.
 */
final class LocalCalendar {
    static final long MILLIS_PER_DAY = 86_400_000L;
    private static final int STARTS = 512;

    private ZoneId zone;
    private ZoneRules rules;
    private long windowStart = Long.MAX_VALUE;
    private long windowEnd = Long.MIN_VALUE;
    private long windowDay;
    private final long[] startDays = new long[STARTS];
    private final long[] startMillis = new long[STARTS];
    private final boolean[] startKnown = new boolean[STARTS];

    /** Sets the zone; clears the caches. */
    void zone(final ZoneId value) {
        zone = value;
        rules = value.getRules();
        windowStart = Long.MAX_VALUE;
        windowEnd = Long.MIN_VALUE;
        java.util.Arrays.fill(startKnown, false);
    }

    ZoneId zone() {
        return zone;
    }

    /** @return the local epoch day of an instant in epoch milliseconds. */
    long epochDay(final long millis) {
        if (millis >= windowStart && millis < windowEnd) {
            return windowDay;
        }
        final int offsetSeconds = rules.getOffset(Instant.ofEpochMilli(millis)).getTotalSeconds();
        final long day = Math.floorDiv(millis + offsetSeconds * 1000L, MILLIS_PER_DAY);
        final long start = startOfDay(day);
        final long end = startOfDay(day + 1);
        if (millis >= start && millis < end) {
            windowStart = start;
            windowEnd = end;
            windowDay = day;
        }
        return day;
    }

    /** @return the instant, in epoch milliseconds, at which a local day starts (its first valid local time). */
    long startOfDay(final long epochDay) {
        final int slot = (int)Math.floorMod(epochDay, (long)STARTS);
        if (startKnown[slot] && startDays[slot] == epochDay) {
            return startMillis[slot];
        }
        final long millis = LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toInstant().toEpochMilli();
        startKnown[slot] = true;
        startDays[slot] = epochDay;
        startMillis[slot] = millis;
        return millis;
    }
}

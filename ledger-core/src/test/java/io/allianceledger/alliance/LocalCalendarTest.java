package io.allianceledger.alliance;

import io.allianceledger.alliance.support.Seeds;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The cached calendar agrees with java.time, including zones with DST and midnight transitions. */
class LocalCalendarTest {
    @Test
    void agreesWithJavaTime() {
        final SplittableRandom random = new SplittableRandom(Seeds.seed("LocalCalendarTest", 11L));
        for (final String id : new String[] {"Asia/Shanghai", "Europe/Berlin", "America/Sao_Paulo", "America/Havana",
            "Pacific/Apia", "UTC"}) {
            final ZoneId zone = ZoneId.of(id);
            final LocalCalendar calendar = new LocalCalendar();
            calendar.zone(zone);
            long millis = Instant.parse("1985-01-01T00:00:00Z").toEpochMilli();
            for (int i = 0; i < 20_000; i++) {
                // Mostly forward in small steps, sometimes a jump either way.
                millis += random.nextInt(10) == 0 ? random.nextLong(-400L * 86_400_000L, 400L * 86_400_000L)
                    : random.nextLong(0, 20 * 3_600_000L);
                millis = Math.max(0, Math.min(millis, Instant.parse("2090-01-01T00:00:00Z").toEpochMilli()));
                final LocalDate date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
                assertEquals(date.toEpochDay(), calendar.epochDay(millis), id + " at " + millis);
                final long ahead = date.toEpochDay() + random.nextInt(800);
                assertEquals(LocalDate.ofEpochDay(ahead).atStartOfDay(zone).toInstant().toEpochMilli(),
                    calendar.startOfDay(ahead), id + " day " + ahead);
            }
        }
    }
}

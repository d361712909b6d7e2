package io.allianceledger.cli.events;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes the event line parser. Any input must either be rejected with {@link EventFormatException} or give an
 * event that satisfies every rule of the format; nothing else (no other exception, no bad event) is allowed.
 * In CI this runs in Jazzer's regression mode over the seed inputs under {@code EventParserFuzzTestInputs};
 * set {@code JAZZER_FUZZ=1} to fuzz for new inputs.
 */
class EventParserFuzzTest {
    private final EventParser parser = new EventParser();

    @FuzzTest(maxDuration = "30s")
    void parseEitherRejectsOrGivesAValidEvent(final byte[] input) {
        final Event event;
        try {
            event = parser.parse(input, input.length, 1);
        } catch (final EventFormatException e) {
            assertTrue(e.getMessage().startsWith("line 1: "));
            return;
        }
        assertTrue(event.id().length() >= 1 && event.id().length() <= EventParser.MAX_KEY_LENGTH);
        assertTrue(event.line() == 1);
        if (event instanceof Event.Sale s) {
            assertTrue(s.amountFen() > 0 && s.amountFen() <= Amounts.MAX_FEN);
        } else if (event instanceof Event.Accrue a) {
            assertTrue(a.points() > 0 && (a.purchaseFen() == -1 || a.purchaseFen() > 0));
        } else if (event instanceof Event.Redeem r) {
            assertTrue(r.points() > 0);
        } else if (event instanceof Event.Refund f) {
            assertTrue((f.amountFen() > 0) != (f.points() > 0));
        } else if (event instanceof Event.Transfer t) {
            assertTrue(t.points() > 0);
        } else if (event instanceof Event.Hold h) {
            assertTrue(h.points() > 0 && (h.timeoutSeconds() == -1 || h.timeoutSeconds() > 0));
        }
    }
}

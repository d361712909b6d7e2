package io.allianceledger.cli.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventParserTest {
    private final EventParser parser = new EventParser();

    private Event parse(final String line) throws EventFormatException {
        final byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return parser.parse(b, b.length, 7);
    }

    private String reject(final String line) {
        final byte[] b = line.getBytes(StandardCharsets.UTF_8);
        final EventFormatException e = assertThrows(EventFormatException.class, () -> parser.parse(b, b.length, 7));
        assertEquals(7, e.line());
        assertTrue(e.getMessage().startsWith("line 7: "), e.getMessage());
        return e.reason();
    }

    @Test
    void everyEventType() throws Exception {
        final String t = "\"time\":\"2026-11-21T09:30:00+08:00\"";
        final long nanos = 1_795_224_600_000_000_000L;
        assertEquals(new Event.Register("r1", nanos, 7, "store", "S1", "HQ1"),
            parse("{\"type\":\"register\",\"id\":\"r1\"," + t + ",\"role\":\"store\",\"code\":\"S1\",\"parent\":\"HQ1\"}"));
        assertEquals(new Event.Register("r2", nanos, 7, "agent", "A1", null),
            parse("{\"type\":\"register\",\"id\":\"r2\"," + t + ",\"role\":\"agent\",\"code\":\"A1\"}"));
        assertEquals(new Event.Accrue("a1", nanos, 7, "M1", "S1", 120, 12_050),
            parse("{\"id\":\"a1\",\"type\":\"accrue\"," + t + ",\"member\":\"M1\",\"store\":\"S1\",\"points\":120,\"purchase\":\"120.5\"}"));
        assertEquals(new Event.Accrue("a2", nanos, 7, "M1", "S1", 5, -1),
            parse("{\"type\":\"accrue\",\"id\":\"a2\"," + t + ",\"member\":\"M1\",\"store\":\"S1\",\"points\":5}"));
        assertEquals(new Event.Redeem("d1", nanos, 7, "M1", "S2", 50),
            parse("{\"type\":\"redeem\",\"id\":\"d1\"," + t + ",\"member\":\"M1\",\"store\":\"S2\",\"points\":50}"));
        assertEquals(new Event.Hold("h1", nanos, 7, "M1", "S2", 50, 600),
            parse("{\"type\":\"hold\",\"id\":\"h1\"," + t + ",\"member\":\"M1\",\"store\":\"S2\",\"points\":50,\"timeoutSeconds\":600}"));
        assertEquals(new Event.Capture("c1", nanos, 7, "h1", -1),
            parse("{\"type\":\"capture\",\"id\":\"c1\"," + t + ",\"hold\":\"h1\"}"));
        assertEquals(new Event.Capture("c2", nanos, 7, "h1", 20),
            parse("{\"type\":\"capture\",\"id\":\"c2\"," + t + ",\"hold\":\"h1\",\"points\":20}"));
        assertEquals(new Event.Release("x1", nanos, 7, "h1"),
            parse("{\"type\":\"release\",\"id\":\"x1\"," + t + ",\"hold\":\"h1\"}"));
        assertEquals(new Event.Transfer("t1", nanos, 7, "M1", "M2", 10),
            parse("{\"type\":\"transfer\",\"id\":\"t1\"," + t + ",\"from\":\"M1\",\"to\":\"M2\",\"points\":10}"));
        assertEquals(new Event.Sale("s1", nanos, 7, "S1", 9_900, "alipay", "ali-0001"),
            parse("{\"type\":\"sale\",\"id\":\"s1\"," + t + ",\"store\":\"S1\",\"amount\":\"99.00\",\"channel\":\"alipay\",\"channelTxn\":\"ali-0001\"}"));
        assertEquals(new Event.Refund("f1", nanos, 7, "s1", 1_000, -1, "ali-0002"),
            parse("{\"type\":\"refund\",\"id\":\"f1\"," + t + ",\"original\":\"s1\",\"amount\":\"10\",\"channelTxn\":\"ali-0002\"}"));
        assertEquals(new Event.Refund("f2", nanos, 7, "a1", -1, 30, null),
            parse("{\"type\":\"refund\",\"id\":\"f2\"," + t + ",\"original\":\"a1\",\"points\":30}"));
        assertEquals(new Event.Expire("e1", nanos, 7), parse("{\"type\":\"expire\",\"id\":\"e1\"," + t + "}"));
        assertEquals(new Event.Move("m1", nanos, 7, "S1", "A2"),
            parse("{\"type\":\"move\",\"id\":\"m1\"," + t + ",\"store\":\"S1\",\"parent\":\"A2\"}"));
        assertEquals(new Event.Suspend("u1", nanos, 7, "S1"),
            parse("{\"type\":\"suspend\",\"id\":\"u1\"," + t + ",\"participant\":\"S1\"}"));
    }

    @Test
    void badInputIsRejectedWithAReason() {
        final String t = "\"time\":\"2026-11-21T09:30:00+08:00\"";
        assertTrue(reject("{\"type\":\"sale\",\"id\":\"s1\"," + t + ",\"store\":\"S1\",\"amount\":\"99.001\",\"channel\":\"a\",\"channelTxn\":\"x\"}")
            .contains("more than 2 decimals"));
        assertTrue(reject("{\"type\":\"sale\",\"id\":\"s1\"," + t + ",\"store\":\"S1\",\"amount\":\"-1\",\"channel\":\"a\",\"channelTxn\":\"x\"}")
            .contains("must not be negative"));
        assertTrue(reject("{\"type\":\"sale\",\"id\":\"s1\"," + t + ",\"store\":\"S1\",\"amount\":\"0.00\",\"channel\":\"a\",\"channelTxn\":\"x\"}")
            .contains("greater than zero"));
        assertTrue(reject("{\"type\":\"sale\",\"id\":\"s1\"," + t + ",\"store\":\"S1\",\"amount\":99.5,\"channel\":\"a\",\"channelTxn\":\"x\"}")
            .contains("fractional"));
        assertTrue(reject("{\"type\":\"redeem\",\"id\":\"d\"," + t + ",\"member\":\"M\",\"store\":\"S\",\"points\":0}")
            .contains("greater than zero"));
        assertTrue(reject("{\"type\":\"redeem\",\"id\":\"d\"," + t + ",\"member\":\"M\",\"store\":\"S\",\"points\":\"5\"}")
            .contains("whole number"));
        assertTrue(reject("{\"type\":\"redeem\",\"id\":\"d\"," + t + ",\"member\":\"M\",\"store\":\"S\",\"points\":5,\"extra\":1}")
            .contains("unknown field \"extra\""));
        assertTrue(reject("{\"type\":\"redeem\",\"id\":\"d\"," + t + ",\"member\":\"M\",\"points\":5}")
            .contains("needs the field \"store\""));
        assertTrue(reject("{\"type\":\"redeem\",\"id\":\"" + "x".repeat(65) + "\"," + t + ",\"member\":\"M\",\"store\":\"S\",\"points\":5}")
            .contains("1 to 64 characters"));
        assertTrue(reject("{\"type\":\"expire\",\"id\":\"e\",\"time\":\"2026-11-21T09:30:00\"}").contains("with an offset"));
        assertTrue(reject("{\"type\":\"expire\",\"id\":\"e\",\"id\":\"f\"," + t + "}").contains("appears twice"));
        assertTrue(reject("{\"type\":\"levitate\",\"id\":\"e\"," + t + "}").contains("unknown event type"));
        assertTrue(reject("{\"type\":\"expire\",\"id\":\"e\"," + t + "} x").contains("not valid JSON")
            || reject("{\"type\":\"expire\",\"id\":\"e\"," + t + "} x").contains("after"));
        assertTrue(reject("[1,2]").contains("not a JSON object"));
        assertTrue(reject("{\"type\":\"expire\",\"id\":{\"a\":1}," + t + "}").contains("wrong type"));
        assertTrue(reject("").contains("not a JSON object") || reject("").contains("JSON"));
        assertTrue(reject("{\"type\":\"refund\",\"id\":\"f\"," + t + ",\"original\":\"s\"}").contains("exactly one"));
        assertTrue(reject("{\"type\":\"register\",\"id\":\"r\"," + t + ",\"role\":\"king\",\"code\":\"K\"}").contains("role"));
        final byte[] notUtf8 = ("{\"type\":\"expire\",\"id\":\"\u00e9\"," + t + "}").getBytes(StandardCharsets.ISO_8859_1);
        final EventFormatException e = assertThrows(EventFormatException.class, () -> parser.parse(notUtf8, notUtf8.length, 3));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void amountsAreExact() {
        assertEquals(1, Amounts.parseFen("0.01", false));
        assertEquals(10, Amounts.parseFen("0.1", false));
        assertEquals(123_456_789_012_345L, Amounts.parseFen("1234567890123.45", false));
        assertThrows(IllegalArgumentException.class, () -> Amounts.parseFen("12345678901234.56", false));
        assertEquals(-250, Amounts.parseFen("-2.50", true));
        assertEquals("-2.50", Amounts.formatFen(-250));
        assertEquals("0.05", Amounts.formatFen(5));
        assertEquals("1234.00", Amounts.formatFen(123_400));
        for (final String bad : new String[] {"1e3", "1,000", " 1", "1.", ".5", "+1", "1.2.3", "١٢"}) {
            assertThrows(IllegalArgumentException.class, () -> Amounts.parseFen(bad, true), bad);
        }
    }
}

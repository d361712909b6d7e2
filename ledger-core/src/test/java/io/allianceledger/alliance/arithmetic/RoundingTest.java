package io.allianceledger.alliance.arithmetic;

import io.allianceledger.alliance.support.Seeds;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundingTest {
    private final Rounding rounding = new Rounding();

    @Test
    void halfEvenOnExactHalves() {
        assertEquals(2, rounding.roundHalfEven(5, 1, 2));   // 2.5 -> 2
        assertEquals(4, rounding.roundHalfEven(7, 1, 2));   // 3.5 -> 4
        assertEquals(50, rounding.roundHalfEven(99, 5000, 10_000)); // 49.5 -> 50 (49 is odd)
        assertEquals(0, rounding.roundHalfEven(1, 1, 2));   // 0.5 -> 0
        assertEquals(1, rounding.roundHalfEven(3, 1, 4));   // 0.75 -> 1
        assertEquals(0, rounding.roundHalfEven(1, 1, 4));   // 0.25 -> 0
    }

    @Test
    void valueOfPointsAtFourDecimalPrices() {
        assertEquals(1, rounding.valueOf(100, 1));          // 100 × 0.0001 CNY = 0.01 CNY = 1 fen
        assertEquals(0, rounding.valueOf(50, 1));           // 0.5 fen -> 0 (even)
        assertEquals(2, rounding.valueOf(150, 1));          // 1.5 fen -> 2
        assertEquals(12345, rounding.valueOf(12345, 100));  // 12345 × 0.01 CNY = 123.45 CNY = 12345 fen
        assertEquals(6172, rounding.valueOf(12345, 50));   // 12345 × 0.005 CNY = 6172.5 fen -> 6172 (even)
    }

    @Test
    void wideProductsDoNotWrap() {
        final long big = Long.MAX_VALUE;
        assertEquals(big, rounding.roundHalfEven(big, big, big));
        assertEquals(Rounding.OVERFLOW, rounding.roundHalfEven(big, 2, 1));
        assertEquals(Rounding.OVERFLOW, rounding.roundHalfEven(big, big, 1));
        assertEquals(big / 2 + 1, rounding.roundHalfEven(big, 1, 2)); // (2^63-1)/2 = ...5 -> up to even
    }

    @Test
    void releasedValueTakesEverythingWhenAllPointsAreTaken() {
        assertEquals(7, rounding.releasedValue(7, 3, 3));
        assertEquals(0, rounding.releasedValue(7, 0, 3));
        assertEquals(2, rounding.releasedValue(7, 1, 3)); // 2.33 -> 2
        assertEquals(5, rounding.releasedValue(7, 2, 3)); // 4.67 -> 5
    }

    @Test
    void matchesBigDecimalOnRandomOperands() {
        final SplittableRandom random = new SplittableRandom(Seeds.seed("RoundingTest.matchesBigDecimal", 20261122L));
        final Quotient q = new Quotient();
        for (int i = 0; i < 200_000; i++) {
            final long a = operand(random);
            final long b = operand(random);
            final long c = Math.max(1, operand(random));
            final BigInteger product = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b));
            final BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(c));
            final BigInteger rounded = new BigDecimal(product).divide(new BigDecimal(c), 0, RoundingMode.HALF_EVEN)
                .toBigIntegerExact();
            final boolean fits = qr[0].bitLength() < 64;
            assertEquals(fits, q.divide(a, b, c), () -> a + "*" + b + "/" + c);
            if (fits) {
                assertEquals(qr[0].longValueExact(), q.quotient());
                assertEquals(qr[1].longValueExact(), q.remainder());
            }
            final long r = rounding.roundHalfEven(a, b, c);
            if (rounded.bitLength() < 64) {
                assertEquals(rounded.longValueExact(), r, () -> a + "*" + b + "/" + c);
            } else {
                assertEquals(Rounding.OVERFLOW, r);
            }
        }
    }

    @Test
    void rejectsNegativeOperandsAsBugs() {
        final Quotient q = new Quotient();
        boolean thrown = false;
        try {
            q.divide(-1, 1, 1);
        } catch (final IllegalArgumentException e) {
            thrown = true;
        }
        assertTrue(thrown);
        assertFalse(q.divide(Long.MAX_VALUE, Long.MAX_VALUE, 2));
    }

    private static long operand(final SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextLong(0, 1000);
            case 1 -> random.nextLong(0, 1L << 32);
            case 2 -> random.nextLong(0, Long.MAX_VALUE);
            default -> Long.MAX_VALUE - random.nextLong(0, 1000);
        };
    }
}

package io.allianceledger.alliance.arithmetic;

import io.allianceledger.alliance.support.Seeds;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.math.BigInteger;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

class LargestRemainderTest {
    @Test
    void issueExampleHqHalfOfNinetyNineFen() {
        // F = 99 fen, HQ 5000 bps, operator the rest: exact 49.5 each; the tie goes to the earlier share (HQ).
        final LargestRemainder a = new LargestRemainder();
        a.clear();
        a.add(49, 5000);
        a.add(49, 5000);
        a.allocate(99);
        assertEquals(50, a.part(0));
        assertEquals(49, a.part(1));
    }

    @Test
    void proRataRefundOfThirtyOverThreeParties() {
        // 100 split 60/30/10; refund 35: exact 21, 10.5, 3.5 -> 21, 11, 3 (tie to the earlier share).
        final LargestRemainder a = new LargestRemainder();
        a.clear();
        a.addProRata(35, 60, 100);
        a.addProRata(35, 30, 100);
        a.addProRata(35, 10, 100);
        a.allocate(35);
        assertEquals(21, a.part(0));
        assertEquals(11, a.part(1));
        assertEquals(3, a.part(2));
    }

    @Test
    void wholeAllocationReturnsEveryWeight() {
        qt().withExamples(2000).forAll(weights(), longs().between(0, Long.MAX_VALUE / 16)).checkAssert((w, scale) -> {
            final LargestRemainder a = new LargestRemainder();
            long sum = 0;
            for (final long x : w) {
                sum += x % (scale + 1);
            }
            if (sum == 0) {
                return;
            }
            for (final long x : w) {
                a.addProRata(sum, x % (scale + 1), sum);
            }
            a.allocate(sum);
            for (int i = 0; i < w.length; i++) {
                assertEquals(w[i] % (scale + 1), a.part(i));
            }
        });
    }

    @Test
    void partsSumExactlyAndStayWithinOneUnitOfTheirShare() {
        final SplittableRandom random = new SplittableRandom(Seeds.seed("LargestRemainderTest.within", 7L));
        final LargestRemainder a = new LargestRemainder();
        for (int round = 0; round < 50_000; round++) {
            final int n = 1 + random.nextInt(LargestRemainder.MAX_SHARES);
            final long[] w = new long[n];
            long sum = 0;
            for (int i = 0; i < n; i++) {
                w[i] = random.nextInt(3) == 0 ? 0 : random.nextLong(1, 1L << (1 + random.nextInt(58)));
                sum += w[i];
            }
            if (sum == 0) {
                continue;
            }
            final long total = random.nextLong(0, sum + 1);
            a.clear();
            for (final long x : w) {
                a.addProRata(total, x, sum);
            }
            a.allocate(total);
            long parts = 0;
            for (int i = 0; i < n; i++) {
                final long p = a.part(i);
                assertTrue(p >= 0 && p <= w[i]);
                // |p - total*w/sum| < 1  <=>  |p*sum - total*w| < sum
                final BigInteger diff = BigInteger.valueOf(p).multiply(BigInteger.valueOf(sum))
                    .subtract(BigInteger.valueOf(total).multiply(BigInteger.valueOf(w[i]))).abs();
                assertTrue(diff.compareTo(BigInteger.valueOf(sum)) < 0);
                parts += p;
            }
            assertEquals(total, parts);
        }
    }

    private static Gen<long[]> weights() {
        return integers().between(1, LargestRemainder.MAX_SHARES).flatMap(n ->
            longs().between(0, Long.MAX_VALUE / 16).describedAs(Object::toString).map(seed -> {
                final SplittableRandom r = new SplittableRandom(seed);
                final long[] w = new long[n];
                for (int i = 0; i < n; i++) {
                    w[i] = r.nextLong(0, Long.MAX_VALUE / 16);
                }
                return w;
            }));
    }
}

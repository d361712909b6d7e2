package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lot store alone, on a standalone undo log: order, consumption, holds, expiry queue, exact rollback. */
class LotStoreTest {
    private final Changes changes = new Changes();
    private final Participants members = new Participants(changes, 16);
    private final LotStore lots = new LotStore(changes, members, 16);
    private final int m = members.add(1, Role.MEMBER, -1, 0, 0, 1, 0);

    private List<Integer> list() {
        final List<Integer> out = new ArrayList<>();
        for (int lot = (int)members.get(Participants.LOT_HEAD, m); lot >= 0; lot = (int)lots.get(LotStore.NEXT, lot)) {
            out.add(lot);
        }
        return out;
    }

    @Test
    void listIsInRedemptionOrderWhateverTheInsertionOrder() {
        // (expiry, accrual, sequence): lot 0 (30, 5, 1), lot 1 (20, 9, 2), lot 2 (30, 5, 0), lot 3 (30, 1, 9).
        lots.create(m, 10, 10, 5, 0, 30, 0, 1, -1);
        lots.create(m, 10, 10, 9, 0, 20, 0, 2, -1);
        lots.create(m, 10, 10, 5, 0, 30, 0, 0, -1);
        lots.create(m, 10, 10, 1, 0, 30, 0, 9, -1);
        assertEquals(List.of(1, 3, 2, 0), list());
    }

    @Test
    void takeSkipsPendingAndExpiredLotsAndReleasesValueProRata() {
        lots.create(m, 3, 7, 0, 0, 100, 0, 1, -1);     // spendable at 50
        lots.create(m, 5, 5, 0, 60, 200, 0, 2, -1);    // pending at 50
        lots.create(m, 4, 9, 0, 0, 40, 0, 0, -1);      // expired at 50 (sorts first)
        lots.create(m, 10, 3, 0, 0, 300, 0, 3, -1);    // spendable
        assertEquals(5, lots.take(m, 5, 0, 50, -1, false, false));
        assertEquals(2, lots.takenCount());
        assertEquals(0, lots.takenLot(0));
        assertEquals(7, lots.takenValue(0));           // all 3 points: all the value
        assertEquals(3, lots.takenLot(1));
        assertEquals(1, lots.takenValue(1));           // 2 of 10 points of 3 fen: roundHalfEven(0.6) = 1
        assertEquals(List.of(2, 1, 3), list());        // lot 0 emptied and unlinked
        assertEquals(LotStore.INSUFFICIENT, lots.take(m, 9, 0, 50, -1, false, false));
    }

    @Test
    void rollbackRestoresEveryTableListAndQueueExactly() {
        final SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 50; i++) {
            lots.create(m, random.nextLong(1, 20), random.nextLong(0, 50), random.nextLong(0, 10), 0,
                random.nextLong(10, 100), 0, i, -1);
        }
        changes.commit();
        final List<Integer> before = list();
        final long[] free = new long[lots.count()];
        for (int lot = 0; lot < free.length; lot++) {
            free[lot] = lots.get(LotStore.FREE, lot) * 1000 + lots.get(LotStore.FREE_VALUE, lot);
        }
        final int queued = lots.expiryQueue().size();
        lots.take(m, 100, 0, 5, -1, false, false);
        lots.take(m, 30, 0, 5, -1, true, false);
        lots.create(m, 7, 7, 1, 0, 15, 0, 99, -1);
        lots.expiryQueue().remove(lots.expiryQueue().peek());
        lots.expire(3);
        changes.rollback();
        assertEquals(before, list());
        assertEquals(free.length, lots.count());
        for (int lot = 0; lot < free.length; lot++) {
            assertEquals(free[lot], lots.get(LotStore.FREE, lot) * 1000 + lots.get(LotStore.FREE_VALUE, lot));
            assertEquals(0, lots.get(LotStore.HELD, lot));
        }
        assertEquals(queued, lots.expiryQueue().size());
    }

    @Test
    void expiryQueuePopsInKeyThenRowOrderWhateverItsHistory() {
        final MinQueue q = new MinQueue(changes, 4);
        final SplittableRandom random = new SplittableRandom(9);
        final long[] keys = new long[500];
        for (int row = 0; row < keys.length; row++) {
            keys[row] = random.nextLong(0, 50);
            q.push(row, keys[row]);
        }
        for (int i = 0; i < 100; i++) {
            q.remove(random.nextInt(keys.length));
        }
        changes.rollback(); // everything back out
        assertEquals(0, q.size());
        for (int row = 0; row < keys.length; row++) {
            q.push(row, keys[row]);
        }
        long lastKey = -1;
        int lastRow = -1;
        while (q.size() > 0) {
            final int row = q.peek();
            assertTrue(keys[row] > lastKey || (keys[row] == lastKey && row > lastRow));
            lastKey = keys[row];
            lastRow = row;
            q.remove(row);
        }
        assertFalse(q.contains(0));
    }
}

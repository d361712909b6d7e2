package io.allianceledger.bench;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.PostEntry;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Two-leg transfers between drawn accounts, encoded once; each call to {@link #next} rewrites the id and the two
 * account ids in place (three 8-byte stores), so the measured loop does no encoding and allocates nothing.
 * The draws come from a fixed pool (a power of two, cycled), sized so a run touches accounts all over the table.
 */
final class TransferStream {
    /** Encoded length of a two-leg transfer. */
    static final int LENGTH = CommandLayout.ENTRY_POSTINGS_OFFSET + 2 * CommandLayout.POSTING_LENGTH;
    private static final int DEBIT_ACCOUNT = CommandLayout.ENTRY_POSTINGS_OFFSET;
    private static final int CREDIT_ACCOUNT = CommandLayout.ENTRY_POSTINGS_OFFSET + CommandLayout.POSTING_LENGTH;

    final UnsafeBuffer command = new UnsafeBuffer(new byte[LENGTH]);
    private final long[] accountIds;
    private final int[] debits;
    private final int[] credits;
    private final int mask;
    private int cursor;

    /**
     * @param accountIds   the accounts, by index.
     * @param distribution how accounts are drawn.
     * @param pool         draws kept, a power of two.
     * @param seed         fixed seed.
     */
    TransferStream(final long[] accountIds, final Distribution distribution, final int pool, final long seed) {
        if (Integer.bitCount(pool) != 1 || accountIds.length < 2) {
            throw new IllegalArgumentException("pool must be a power of two and accounts at least 2");
        }
        this.accountIds = accountIds;
        this.mask = pool - 1;
        final int n = accountIds.length;
        debits = distribution.draw(n, pool, seed);
        credits = distribution.draw(n, pool, seed * 31 + 7);
        for (int i = 0; i < pool; i++) {
            if (credits[i] == debits[i]) {
                credits[i] = (debits[i] + 1) % n;
            }
        }
        final int written = PostEntry.transfer(new CommandId(Machines.ID_HIGH, 1), accountIds[0], accountIds[1], 100)
            .encode(command, 0);
        if (written != LENGTH) {
            throw new IllegalStateException("a transfer encodes to " + written + " bytes, not " + LENGTH);
        }
    }

    /**
     * Rewrites the command for the next transfer.
     *
     * @param idLow the low half of its id (the high half is {@link Machines#ID_HIGH}).
     */
    void next(final long idLow) {
        final int i = cursor++ & mask;
        command.putLong(CommandLayout.ID_LOW_OFFSET, idLow);
        command.putLong(DEBIT_ACCOUNT, accountIds[debits[i]]);
        command.putLong(CREDIT_ACCOUNT, accountIds[credits[i]]);
    }
}

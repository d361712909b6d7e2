package io.allianceledger.alliance;

import io.allianceledger.alliance.command.ParticipantCode;
import org.agrona.DirectBuffer;

/**
 * The channel transaction ids of sale refunds, in creation order. A channel's transaction ids are unique among its
 * sales and refunds together, so a bill line names exactly one booked operation; refunds are never corrected, so a
 * refund's id is never freed. Lookups hash (channel, id) to the newest row and follow a chain of older rows with
 * the same hash, comparing bytes.
 */
final class RefundTransactions {
    static final int CHANNEL = 0;
    static final int SALE = 1;
    static final int TXN_OFFSET = 2;
    static final int TXN_LENGTH = 3;
    static final int TXN_NEXT = 4;
    private static final int COLUMNS = 5;

    private final Table rows;
    private final LongIntIndex byTransaction;
    private final ByteStore text;

    RefundTransactions(final Changes changes, final ByteStore text, final int capacity) {
        rows = new Table(changes, COLUMNS, Math.max(16, capacity / 8));
        byTransaction = new LongIntIndex(changes, Math.max(16, capacity / 8));
        this.text = text;
    }

    Table rows() {
        return rows;
    }

    long get(final int column, final int row) {
        return rows.get(column, row);
    }

    /** @return true if a refund through the channel already has this transaction id. */
    boolean has(final int channel, final DirectBuffer b, final int offset, final int length) {
        int r = byTransaction.get(SaleRecords.transactionKey(channel, b, offset, length));
        while (r >= 0) {
            if (rows.get(CHANNEL, r) == channel
                && text.equalTo(rows.getInt(TXN_OFFSET, r), rows.getInt(TXN_LENGTH, r), b, offset, length)) {
                return true;
            }
            r = rows.getInt(TXN_NEXT, r);
        }
        return false;
    }

    /** @return the new row. */
    int add(final int channel, final int sale, final DirectBuffer b, final int offset, final int length) {
        final long key = SaleRecords.transactionKey(channel, b, offset, length);
        final int r = rows.append();
        rows.set(CHANNEL, r, channel);
        rows.set(SALE, r, sale);
        rows.set(TXN_OFFSET, r, text.append(b, offset, length));
        rows.set(TXN_LENGTH, r, length);
        rows.set(TXN_NEXT, r, byTransaction.get(key));
        byTransaction.put(key, r);
        return r;
    }

    /** Rebuilds the index (TXN_NEXT links are state); only while restoring. */
    void reindex() {
        byTransaction.clear();
        final DirectBuffer bytes = text.buffer();
        for (int r = 0; r < rows.size(); r++) {
            byTransaction.put(SaleRecords.transactionKey(rows.getInt(CHANNEL, r), bytes, rows.getInt(TXN_OFFSET, r),
                rows.getInt(TXN_LENGTH, r)), r);
        }
    }
}

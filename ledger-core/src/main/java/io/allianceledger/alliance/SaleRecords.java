package io.allianceledger.alliance;

import io.allianceledger.alliance.command.ParticipantCode;
import org.agrona.DirectBuffer;

/**
 * Every settled sale, in creation order, with its parts: the store first, then each split party in rule order,
 * the operator last; each with its original part and what remains unrefunded. Refunds allocate over the remaining
 * parts, so refunding the whole, in any number of pieces, returns every original part exactly.
 * <p>
 * Channel transaction ids are unique per channel: a hash of (channel, transaction id) finds the newest sale with
 * that hash, and a chain of older ones, compared byte for byte.
 */
final class SaleRecords {
    static final int STORE = 0;
    static final int CHANNEL = 1;
    static final int AMOUNT = 2;
    static final int FEE = 3;
    static final int VERSION = 4;
    static final int EVENT_TIME = 5;
    static final int TXN_OFFSET = 6;
    static final int TXN_LENGTH = 7;
    static final int TXN_NEXT = 8;
    static final int REFUNDED = 9;
    static final int PART_START = 10;
    static final int PART_COUNT = 11;
    static final int CORRECTED = 12;
    private static final int COLUMNS = 13;

    static final int PART_PARTY = 0;
    /** 0 the store, 1..8 agent level, 9 the HQ, 10 the operator. */
    static final int PART_ROLE = 1;
    static final int PART_ORIGINAL = 2;
    static final int PART_REMAINING = 3;
    static final int ROLE_STORE = 0;
    static final int ROLE_HQ = 9;
    static final int ROLE_OPERATOR = 10;

    private final Table rows;
    private final Table parts;
    private final LongIntIndex byTransaction;
    private final ByteStore text;

    SaleRecords(final Changes changes, final ByteStore text, final int capacity) {
        rows = new Table(changes, COLUMNS, capacity);
        parts = new Table(changes, 4, capacity * 4);
        byTransaction = new LongIntIndex(changes, capacity);
        this.text = text;
    }

    Table rows() {
        return rows;
    }

    Table parts() {
        return parts;
    }

    long get(final int column, final int row) {
        return rows.get(column, row);
    }

    void set(final int column, final int row, final long value) {
        rows.set(column, row, value);
    }

    /** @return true if the channel already has a live (uncorrected) sale with this transaction id. */
    boolean hasTransaction(final int channel, final DirectBuffer b, final int offset, final int length) {
        int s = byTransaction.get(transactionKey(channel, b, offset, length));
        while (s >= 0) {
            if (rows.get(CHANNEL, s) == channel && rows.get(CORRECTED, s) == 0
                && text.equalTo(rows.getInt(TXN_OFFSET, s), rows.getInt(TXN_LENGTH, s), b, offset, length)) {
                return true;
            }
            s = rows.getInt(TXN_NEXT, s);
        }
        return false;
    }

    int add(final int store, final int channel, final long amount, final long fee, final int version,
        final long eventTime, final DirectBuffer b, final int txnOffset, final int txnLength) {
        final long key = transactionKey(channel, b, txnOffset, txnLength);
        final int s = rows.append();
        rows.set(STORE, s, store);
        rows.set(CHANNEL, s, channel);
        rows.set(AMOUNT, s, amount);
        rows.set(FEE, s, fee);
        rows.set(VERSION, s, version);
        rows.set(EVENT_TIME, s, eventTime);
        rows.set(TXN_OFFSET, s, text.append(b, txnOffset, txnLength));
        rows.set(TXN_LENGTH, s, txnLength);
        rows.set(TXN_NEXT, s, byTransaction.get(key));
        rows.set(PART_START, s, parts.size());
        byTransaction.put(key, s);
        return s;
    }

    void addPart(final int sale, final int party, final int role, final long amount) {
        final int p = parts.append();
        parts.set(PART_PARTY, p, party);
        parts.set(PART_ROLE, p, role);
        parts.set(PART_ORIGINAL, p, amount);
        parts.set(PART_REMAINING, p, amount);
        rows.add(PART_COUNT, sale, 1);
    }

    /** Rebuilds the transaction index (TXN_NEXT links are state); only while restoring. */
    void reindex() {
        final DirectBuffer textBytes = text.buffer();
        byTransaction.clear();
        for (int s = 0; s < rows.size(); s++) {
            byTransaction.put(transactionKey(rows.getInt(CHANNEL, s), textBytes, rows.getInt(TXN_OFFSET, s),
                rows.getInt(TXN_LENGTH, s)), s);
        }
    }

    /** @return the hash key of a channel's transaction id, shared with {@link RefundTransactions}. */
    static long transactionKey(final int channel, final DirectBuffer b, final int offset, final int length) {
        return ParticipantCode.idOf(b, offset, length) * 31 + channel;
    }
}

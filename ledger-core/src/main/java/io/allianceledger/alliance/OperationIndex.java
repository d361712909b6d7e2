package io.allianceledger.alliance;

/**
 * Finds the record of an operation another command names by its 128-bit id: the accrual or sale a refund names,
 * the hold a capture names, the operation a correction reverses. Rows in creation order; lookups go through a
 * hash of the id to the newest row with that hash, then a chain of older rows with the same hash, comparing the
 * full id, so hash collisions cost a step and never a wrong answer.
 */
final class OperationIndex {
    static final int ACCRUAL = 1;
    static final int SALE = 2;
    static final int HOLD = 3;
    static final int REDEMPTION = 4;

    private static final int ID_HIGH = 0;
    private static final int ID_LOW = 1;
    private static final int KIND = 2;
    private static final int RECORD = 3;
    private static final int NEXT = 4;
    private static final int COLUMNS = 5;

    private final Table rows;
    private final LongIntIndex heads;
    private int foundKind;
    private int foundRecord;

    OperationIndex(final Changes changes, final int capacity) {
        rows = new Table(changes, COLUMNS, capacity);
        heads = new LongIntIndex(changes, capacity);
    }

    Table rows() {
        return rows;
    }

    void add(final long high, final long low, final int kind, final int record) {
        final long key = key(high, low);
        final int r = rows.append();
        rows.set(ID_HIGH, r, high);
        rows.set(ID_LOW, r, low);
        rows.set(KIND, r, kind);
        rows.set(RECORD, r, record);
        rows.set(NEXT, r, heads.get(key));
        heads.put(key, r);
    }

    /** @return true if found; then {@link #foundKind()} and {@link #foundRecord()} describe it. */
    boolean find(final long high, final long low) {
        int r = heads.get(key(high, low));
        while (r >= 0) {
            if (rows.get(ID_HIGH, r) == high && rows.get(ID_LOW, r) == low) {
                foundKind = rows.getInt(KIND, r);
                foundRecord = rows.getInt(RECORD, r);
                return true;
            }
            r = rows.getInt(NEXT, r);
        }
        return false;
    }

    int foundKind() {
        return foundKind;
    }

    int foundRecord() {
        return foundRecord;
    }

    /** Rebuilds the hash heads from the rows (NEXT links are state); only while restoring. */
    void reindex() {
        heads.clear();
        for (int r = 0; r < rows.size(); r++) {
            heads.put(key(rows.get(ID_HIGH, r), rows.get(ID_LOW, r)), r);
        }
    }

    private static long key(final long high, final long low) {
        long x = high * 0x9E3779B97F4A7C15L + low;
        x ^= x >>> 31;
        return x * 0xBF58476D1CE4E5B9L;
    }
}

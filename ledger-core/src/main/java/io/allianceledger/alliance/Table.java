package io.allianceledger.alliance;

import io.allianceledger.engine.StateReader;
import io.allianceledger.engine.StateWriter;

import java.util.Arrays;

/**
 * Rows of {@code long} columns, appended in creation order and never removed: the shape of every domain store.
 * Each append and each write is logged in {@link Changes} first, so a rolled-back command leaves the table
 * exactly as it found it. Row order is creation order, which is also the canonical order of the state.
 */
final class Table implements Changes.Reversible {
    private static final int OP_APPEND = 0xFFFF;

    private final Changes changes;
    private final int slot;
    private final long[][] columns;
    private int size;

    Table(final Changes changes, final int columnCount, final int capacity) {
        if (columnCount <= 0 || columnCount >= OP_APPEND) {
            throw new IllegalArgumentException("bad column count " + columnCount);
        }
        this.changes = changes;
        this.slot = changes.register(this);
        this.columns = new long[columnCount][Math.max(4, capacity)];
    }

    int size() {
        return size;
    }

    /** @return the index of a new row whose every column is zero. */
    int append() {
        if (size == columns[0].length) {
            for (int c = 0; c < columns.length; c++) {
                columns[c] = Arrays.copyOf(columns[c], size * 2);
            }
        }
        changes.record(slot, OP_APPEND, size, 0);
        for (final long[] column : columns) {
            column[size] = 0;
        }
        return size++;
    }

    long get(final int column, final int row) {
        assert row >= 0 && row < size : "row " + row + " of " + size;
        return columns[column][row];
    }

    int getInt(final int column, final int row) {
        return (int)get(column, row);
    }

    void set(final int column, final int row, final long value) {
        assert row >= 0 && row < size : "row " + row + " of " + size;
        final long[] c = columns[column];
        if (c[row] != value) {
            changes.record(slot, column, row, c[row]);
            c[row] = value;
        }
    }

    void add(final int column, final int row, final long delta) {
        set(column, row, get(column, row) + delta);
    }

    @Override
    public void revert(final int op, final long a, final long b) {
        if (op == OP_APPEND) {
            size = (int)a;
        } else {
            columns[op][(int)a] = b;
        }
    }

    /** Writes the row count, then every row, columns in order. */
    void write(final StateWriter out) {
        out.putInt(columns.length);
        out.putInt(size);
        for (int r = 0; r < size; r++) {
            for (final long[] column : columns) {
                out.putLong(column[r]);
            }
        }
    }

    /** Replaces the content with what {@link #write} wrote; only while restoring (the engine reports a throw as corrupt state). */
    void read(final StateReader in) {
        final int columnCount = in.getInt();
        final int rows = in.getInt();
        if (columnCount != columns.length || rows < 0) {
            throw new IllegalStateException("table has " + columnCount + " columns and " + rows
                + " rows; expected " + columns.length + " columns");
        }
        size = 0;
        for (int r = 0; r < rows; r++) {
            append();
            for (final long[] column : columns) {
                column[r] = in.getLong();
            }
        }
    }
}

package io.allianceledger.alliance;

/**
 * Every movement of a clearing account, in operation order: what the parties' statements list.
 * <p>
 * An <b>item</b> is one operation that moved at least one clearing account: its command id, its business time,
 * whether it was late (older than the end of a closed cycle, so booked into the open one), the operation it refunds
 * or corrects, and the record reconciliation needs (the sale, or the refund's channel transaction). A <b>line</b>
 * is one party's movement of one kind within an item, signed on the clearing side: positive when the operator owes
 * the party more (a credit), negative when the party owes more (a debit). A party's lines are chained in operation
 * order from {@link Positions#FIRST_LINE}, so one party's statement costs its own lines, not the cycle's.
 * <p>
 * Lines are appended as the entries are written (before they are posted); a rejected command rolls them back with
 * everything else. The command being applied is the context: {@link #begin} names it, {@link #at} gives its
 * business time once admitted, and the first clearing leg opens its item.
 */
final class Statements {
    static final int ITEM_OPERATION_HIGH = 0;
    static final int ITEM_OPERATION_LOW = 1;
    static final int ITEM_TIME = 2;
    static final int ITEM_ORIGINAL_HIGH = 3;
    static final int ITEM_ORIGINAL_LOW = 4;
    static final int ITEM_LATE = 5;
    static final int ITEM_FIRST_LINE = 6;
    /** The sale row of a sale; the {@link RefundTransactions} row of a sale refund with a transaction id; else -1. */
    static final int ITEM_RECORD = 7;
    private static final int ITEM_COLUMNS = 8;

    static final int LINE_ITEM = 0;
    static final int LINE_PARTY = 1;
    static final int LINE_KIND = 2;
    static final int LINE_AMOUNT = 3;
    static final int LINE_NEXT = 4;
    private static final int LINE_COLUMNS = 5;

    private final Table items;
    private final Table lines;
    private final Positions positions;
    private final Cycles cycles;
    // The command being applied: not state, reset by begin().
    private long operationHigh;
    private long operationLow;
    private long time;
    private boolean late;
    private int item = -1;

    Statements(final Changes changes, final Positions positions, final Cycles cycles, final int capacity) {
        items = new Table(changes, ITEM_COLUMNS, capacity);
        lines = new Table(changes, LINE_COLUMNS, capacity * 4);
        this.positions = positions;
        this.cycles = cycles;
    }

    Table items() {
        return items;
    }

    Table lines() {
        return lines;
    }

    /** Names the command about to be applied; it has no item until its first clearing leg. */
    void begin(final long high, final long low) {
        operationHigh = high;
        operationLow = low;
        time = -1;
        late = false;
        item = -1;
    }

    /** Gives the command's admitted business time. */
    void at(final long businessTime, final boolean isLate) {
        time = businessTime;
        late = isLate;
    }

    /** Records what reconciliation needs about the current operation; it must have moved a clearing account. */
    void record(final int row) {
        items.set(ITEM_RECORD, item, row);
    }

    /**
     * Adds a party's movement to the current operation's item, merged with the party's previous line when that
     * line is of the same item and kind.
     *
     * @param party         the participant.
     * @param row           its row in {@link Positions}.
     * @param kind          what moved it.
     * @param amount        signed on the clearing side: positive for a credit.
     * @param originalHigh  the operation the entry references (refunded, corrected, captured hold), or 0.
     * @param originalLow   likewise.
     */
    void move(final int party, final int row, final MovementKind kind, final long amount, final long originalHigh,
        final long originalLow) {
        if (time < 0) {
            throw new IllegalStateException("a clearing movement without an admitted business time");
        }
        if (item < 0) {
            item = items.append();
            items.set(ITEM_OPERATION_HIGH, item, operationHigh);
            items.set(ITEM_OPERATION_LOW, item, operationLow);
            items.set(ITEM_TIME, item, time);
            items.set(ITEM_ORIGINAL_HIGH, item, originalHigh);
            items.set(ITEM_ORIGINAL_LOW, item, originalLow);
            items.set(ITEM_LATE, item, late ? 1 : 0);
            items.set(ITEM_FIRST_LINE, item, lines.size());
            items.set(ITEM_RECORD, item, -1);
        }
        final int last = (int)positions.get(Positions.LAST_LINE, row);
        if (last >= 0 && lines.getInt(LINE_ITEM, last) == item && lines.getInt(LINE_KIND, last) == kind.code()) {
            lines.add(LINE_AMOUNT, last, amount);
            return;
        }
        final int line = lines.append();
        lines.set(LINE_ITEM, line, item);
        lines.set(LINE_PARTY, line, party);
        lines.set(LINE_KIND, line, kind.code());
        lines.set(LINE_AMOUNT, line, amount);
        lines.set(LINE_NEXT, line, -1);
        if (last >= 0) {
            lines.set(LINE_NEXT, last, line);
        } else {
            positions.set(Positions.FIRST_LINE, row, line);
        }
        if (last < cycles.openLineStart()) {
            positions.set(Positions.OPEN_FIRST_LINE, row, line);
        }
        positions.set(Positions.LAST_LINE, row, line);
    }

    int lineCount() {
        return lines.size();
    }

    int itemCount() {
        return items.size();
    }

    long item(final int column, final int row) {
        return items.get(column, row);
    }

    long line(final int column, final int row) {
        return lines.get(column, row);
    }

    /** @return the party's first line in the open cycle, or -1. */
    int openFirstLine(final int positionRow) {
        final int line = (int)positions.get(Positions.OPEN_FIRST_LINE, positionRow);
        return line >= cycles.openLineStart() ? line : -1;
    }
}

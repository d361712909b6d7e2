package io.allianceledger.alliance;

import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.command.CommandId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The clearing's query views: cycles, statements, a channel's transactions and the ledger's business time. Like
 * {@link Views} they run on the engine thread between commands, read only, and may allocate. A cycle view costs its
 * cycle's lines; a statement page costs the lines it returns (one party's lines are chained); a channel's
 * transactions cost the channel's lines from the start (or from the cursor).
 */
final class ClearingViews {
    private static final int KINDS = 16;
    private final DomainState s;
    private final Views views;

    ClearingViews(final DomainState state, final Views views) {
        this.s = state;
        this.views = views;
    }

    LedgerTime time() {
        final Cycles c = s.cycles;
        return new LedgerTime(s.settings.get(Settings.NEWEST_TIME), c.count(), c.count() == 0 ? -1 : c.lastEnd(),
            s.settings.get(Settings.OPEN_LATE_EVENTS));
    }

    Optional<CycleView> cycle(final int number) {
        if (number < 1 || number > s.cycles.count()) {
            return Optional.empty();
        }
        final int c = number - 1;
        final Cycles cycles = s.cycles;
        final Positions positions = s.positions;
        final Statements st = s.statements;
        final int participants = (int)cycles.get(Cycles.PARTICIPANTS, c);
        int parties = 0;
        while (parties < positions.count() && positions.party(parties) < participants) {
            parties++;
        }
        // The cycle's lines, by party and kind.
        final long[] moved = new long[parties * KINDS];
        final int[] late = new int[parties];
        long lateMovements = 0;
        for (int line = (int)cycles.get(Cycles.LINE_START, c); line < cycles.get(Cycles.LINE_END, c); line++) {
            final int row = s.participants.position((int)st.line(Statements.LINE_PARTY, line));
            moved[row * KINDS + (int)st.line(Statements.LINE_KIND, line)] += st.line(Statements.LINE_AMOUNT, line);
            if (st.item(Statements.ITEM_LATE, (int)st.line(Statements.LINE_ITEM, line)) != 0) {
                late[row]++;
                lateMovements++;
            }
        }
        final int[] partyRow = new int[parties];
        java.util.Arrays.fill(partyRow, -1);
        final int from = (int)cycles.get(Cycles.PARTY_START, c);
        for (int r = from; r < from + cycles.get(Cycles.PARTY_COUNT, c); r++) {
            partyRow[s.participants.position((int)cycles.party(Cycles.PARTY, r))] = r;
        }
        final List<CycleView.PartyLine> lines = new ArrayList<>(parties);
        for (int row = 0; row < parties; row++) {
            final int p = positions.party(row);
            final Map<MovementKind, Long> byKind = new LinkedHashMap<>(); // in column order
            for (final MovementKind kind : CycleView.MOVEMENT_COLUMNS) {
                byKind.put(kind, moved[row * KINDS + kind.code()]);
            }
            final int r = partyRow[row];
            final long carriedIn = r < 0 ? 0 : cycles.party(Cycles.CARRIED_IN, r);
            final long position = r < 0 ? 0 : cycles.party(Cycles.POSITION, r);
            final long settled = r < 0 ? 0 : cycles.party(Cycles.PARTY_SETTLED, r);
            lines.add(new CycleView.PartyLine(views.code(p), s.participants.role(p), carriedIn,
                Collections.unmodifiableMap(byKind), position,
                r < 0 ? s.minimumSettlement(p, cycles.get(Cycles.END, c)) : cycles.party(Cycles.MINIMUM, r),
                settled, position - settled, late[row]));
        }
        final int operator = s.operator();
        final long[] change = new long[Cycles.OPERATOR_ACCOUNTS.length];
        for (int i = 0; i < change.length; i++) {
            change[i] = cycles.get(Cycles.OPERATOR_BALANCES + i, c)
                - (c == 0 ? 0 : cycles.get(Cycles.OPERATOR_BALANCES + i, c - 1));
        }
        // Order of Cycles.OPERATOR_ACCOUNTS: fee, spread, breakage, loss (debit-normal), recovery, liability.
        final CycleView.OperatorLine operatorLine = new CycleView.OperatorLine(views.code(operator),
            -cycles.get(Cycles.SETTLED, c), change[0], change[1], change[2], -change[3], change[4], change[5]);
        final long[] points = new long[Settings.POINTS_COUNTERS];
        for (int i = 0; i < points.length; i++) {
            points[i] = cycles.get(Cycles.POINTS_TOTALS + i, c) - (c == 0 ? 0 : cycles.get(Cycles.POINTS_TOTALS + i, c - 1));
        }
        // The movements come from the counters, what is outstanding from the books: they agree by an invariant.
        final CycleView.PointsLine pointsLine = new CycleView.PointsLine(points[0], points[1], points[2], points[3],
            points[4], cycles.get(Cycles.POINTS_OUTSTANDING, c));
        return Optional.of(new CycleView(number, cycles.get(Cycles.START, c), cycles.get(Cycles.END, c),
            new CommandId(cycles.get(Cycles.CLOSED_BY_HIGH, c), cycles.get(Cycles.CLOSED_BY_LOW, c)),
            lines, operatorLine, cycles.get(Cycles.LATE_EVENTS, c), lateMovements, cycles.get(Cycles.SWEPT_LOTS, c),
            pointsLine));
    }

    Optional<CycleView> lastCycle() {
        return cycle(s.cycles.count());
    }

    Optional<CycleView> cycleEndingAt(final long end) {
        final int c = s.cycles.endingAt(end);
        return c < 0 ? Optional.empty() : cycle(c + 1);
    }

    /**
     * Every line of a cycle (closed, or the open one: number = closed cycles + 1), in operation order.
     * The cursor is the offset of the next line within the cycle.
     */
    Optional<Page<StatementLine>> statementLines(final int number, final long cursor, final int limit) {
        checkPage(cursor, limit);
        if (number < 1 || number > s.cycles.count() + 1) {
            return Optional.empty();
        }
        final int start = lineStart(number);
        final int end = lineEnd(number);
        final List<StatementLine> page = new ArrayList<>();
        long line = start + cursor;
        while (line < end && page.size() < limit) {
            page.add(statementLine(number, (int)line));
            line++;
        }
        return Optional.of(new Page<>(page, line < end ? line - start : Page.END));
    }

    /**
     * One party's lines in a cycle (closed or open), in operation order. The cursor is the next line's index + 1.
     */
    Optional<Page<StatementLine>> statement(final int number, final String partyCode, final long cursor,
        final int limit) {
        checkPage(cursor, limit);
        final int p = partyCode == null ? -1 : s.participants.indexOf(ParticipantCode.idOf(partyCode));
        if (number < 1 || number > s.cycles.count() + 1 || p < 0 || s.participants.position(p) < 0) {
            return Optional.empty();
        }
        final int end = lineEnd(number);
        int line;
        if (cursor != Page.FIRST) {
            line = (int)(cursor - 1);
        } else if (number == s.cycles.count() + 1) {
            line = s.statements.openFirstLine(s.participants.position(p));
        } else {
            line = firstLineInCycle(number - 1, p);
        }
        final List<StatementLine> page = new ArrayList<>();
        while (line >= 0 && line < end && page.size() < limit) {
            page.add(statementLine(number, line));
            line = (int)s.statements.line(Statements.LINE_NEXT, line);
        }
        return Optional.of(new Page<>(page, line >= 0 && line < end ? line + 1L : Page.END));
    }

    private int firstLineInCycle(final int cycle, final int party) {
        final Cycles cycles = s.cycles;
        final int from = (int)cycles.get(Cycles.PARTY_START, cycle);
        final int to = from + (int)cycles.get(Cycles.PARTY_COUNT, cycle);
        // Party rows follow position rows, so they are ordered by participant: binary search.
        int low = from;
        int high = to - 1;
        while (low <= high) {
            final int mid = (low + high) >>> 1;
            final long q = cycles.party(Cycles.PARTY, mid);
            if (q < party) {
                low = mid + 1;
            } else if (q > party) {
                high = mid - 1;
            } else {
                return (int)cycles.party(Cycles.FIRST_LINE, mid);
            }
        }
        return -1;
    }

    /**
     * The channel's sales (uncorrected) and sale refunds with business time in {@code [from, to)}, in operation
     * order. The cursor is the next channel line's index + 1.
     */
    Optional<Page<ChannelTransaction>> channelTransactions(final String channelCode, final long from, final long to,
        final long cursor, final int limit) {
        checkPage(cursor, limit);
        final int channel = channelCode == null ? -1 : s.participants.indexOf(ParticipantCode.idOf(channelCode));
        if (channel < 0 || s.participants.role(channel) != Role.CHANNEL) {
            return Optional.empty();
        }
        final Statements st = s.statements;
        int line = cursor != Page.FIRST ? (int)(cursor - 1)
            : (int)s.positions.get(Positions.FIRST_LINE, s.participants.position(channel));
        final List<ChannelTransaction> page = new ArrayList<>();
        while (line >= 0 && page.size() < limit) {
            final int item = (int)st.line(Statements.LINE_ITEM, line);
            final long time = st.item(Statements.ITEM_TIME, item);
            final MovementKind kind = MovementKind.of((int)st.line(Statements.LINE_KIND, line));
            if (time >= from && time < to && (kind == MovementKind.SALE || kind == MovementKind.SALE_REFUND)) {
                final ChannelTransaction t = channelTransaction(kind, line, item);
                if (t != null) {
                    page.add(t);
                }
            }
            line = (int)st.line(Statements.LINE_NEXT, line);
        }
        return Optional.of(new Page<>(page, line >= 0 ? line + 1L : Page.END));
    }

    private ChannelTransaction channelTransaction(final MovementKind kind, final int line, final int item) {
        final Statements st = s.statements;
        final int record = (int)st.item(Statements.ITEM_RECORD, item);
        final CommandId operation = new CommandId(st.item(Statements.ITEM_OPERATION_HIGH, item),
            st.item(Statements.ITEM_OPERATION_LOW, item));
        final long amount = -st.line(Statements.LINE_AMOUNT, line); // the channel's receivable, as its bill signs it
        final boolean late = st.item(Statements.ITEM_LATE, item) != 0;
        final long time = st.item(Statements.ITEM_TIME, item);
        final SaleRecords sales = s.sales;
        if (kind == MovementKind.SALE) {
            if (sales.get(SaleRecords.CORRECTED, record) != 0) {
                return null;
            }
            return new ChannelTransaction(s.text.string((int)sales.get(SaleRecords.TXN_OFFSET, record),
                (int)sales.get(SaleRecords.TXN_LENGTH, record)), amount, time, operation, null,
                views.code((int)sales.get(SaleRecords.STORE, record)), late);
        }
        final CommandId original = new CommandId(st.item(Statements.ITEM_ORIGINAL_HIGH, item),
            st.item(Statements.ITEM_ORIGINAL_LOW, item));
        s.operations.find(original.high(), original.low());
        final int sale = s.operations.foundRecord();
        final RefundTransactions refunds = s.refundTransactions;
        final String txn = record < 0 ? null : s.text.string((int)refunds.get(RefundTransactions.TXN_OFFSET, record),
            (int)refunds.get(RefundTransactions.TXN_LENGTH, record));
        return new ChannelTransaction(txn, amount, time, operation, original,
            views.code((int)sales.get(SaleRecords.STORE, sale)), late);
    }

    /** The party's position now: carried into the open cycle, and its movements since, by kind. */
    long openPosition(final int participant, final Map<MovementKind, Long> byKind) {
        final int row = s.participants.position(participant);
        for (int line = s.statements.openFirstLine(row); line >= 0;
             line = (int)s.statements.line(Statements.LINE_NEXT, line)) {
            byKind.merge(MovementKind.of((int)s.statements.line(Statements.LINE_KIND, line)),
                s.statements.line(Statements.LINE_AMOUNT, line), Long::sum);
        }
        return s.positions.get(Positions.CARRIED, row);
    }

    private StatementLine statementLine(final int number, final int line) {
        final Statements st = s.statements;
        final int item = (int)st.line(Statements.LINE_ITEM, line);
        final long originalHigh = st.item(Statements.ITEM_ORIGINAL_HIGH, item);
        final long originalLow = st.item(Statements.ITEM_ORIGINAL_LOW, item);
        return new StatementLine(number, views.code((int)st.line(Statements.LINE_PARTY, line)),
            new CommandId(st.item(Statements.ITEM_OPERATION_HIGH, item), st.item(Statements.ITEM_OPERATION_LOW, item)),
            MovementKind.of((int)st.line(Statements.LINE_KIND, line)), st.line(Statements.LINE_AMOUNT, line),
            st.item(Statements.ITEM_TIME, item), st.item(Statements.ITEM_LATE, item) != 0,
            originalHigh == 0 && originalLow == 0 ? null : new CommandId(originalHigh, originalLow));
    }

    private int lineStart(final int number) {
        return number > s.cycles.count() ? s.cycles.openLineStart()
            : (int)s.cycles.get(Cycles.LINE_START, number - 1);
    }

    private int lineEnd(final int number) {
        return number > s.cycles.count() ? s.statements.lineCount() : (int)s.cycles.get(Cycles.LINE_END, number - 1);
    }

    private static void checkPage(final long cursor, final int limit) {
        if (cursor < 0 || limit < 1) {
            throw new IllegalArgumentException("cursor must be >= 0 and limit >= 1: " + cursor + ", " + limit);
        }
    }
}

package io.allianceledger.alliance;

import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.Books;
import org.agrona.DirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * The nightly clearing: closing the cycle {@code [end of the previous cycle (or the first event), through)}.
 * <ol>
 *   <li>The expiry sweep runs as of {@code through}, so the cycle's breakage is in the cycle. A close sweeps at most
 *   {@value AllianceLayout#MAX_LOTS_PER_OPERATION} lots; if more are due it is rejected with
 *   {@link ResultCode#SWEEP_REQUIRED} and changes nothing: the host sweeps first (those sweeps are booked in the same
 *   open cycle), then closes again.</li>
 *   <li>Every clearing party's position is its clearing balance: what was carried in plus its movements in the
 *   cycle. A position whose magnitude is at least the minimum settlement amount in force at {@code through} (the
 *   store's own rules for a store, the alliance default for everyone else) is settled whole; a smaller one is
 *   carried forward. A settlement moves the position out of the party's clearing account into the operator's
 *   {@link AccountKind#SETTLEMENT} account, in entries of up to 63 parties, so after the close each clearing
 *   balance is exactly what the party carries into the next cycle.</li>
 *   <li>The operator's line is the negative of the parties' settled amounts, read back from its settlement account;
 *   every settlement sums to zero and every party's balance equals its carried-out amount, or the close throws
 *   (a defect, which halts the engine, never a business rejection).</li>
 * </ol>
 * The cost is O(clearing parties) plus the sweep; it allocates nothing but the engine's room for more than 64
 * entries when it settles more than 4,032 parties.
 */
final class ClearingDesk {
    private static final int PARTIES_PER_ENTRY = 63;
    private final DomainState s;
    private final PointsDesk points;
    private final int settlementLimit;

    ClearingDesk(final DomainState state, final PointsDesk points, final int settlementLimit) {
        this.s = state;
        this.points = points;
        this.settlementLimit = settlementLimit;
    }

    ResultCode close(final DirectBuffer b, final int o, final int length, final long idHigh, final long idLow) {
        if (length != 32) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long through = b.getLong(o + FIELD_0);
        if (!DomainState.validTime(through)) {
            return ResultCode.INVALID_TIME;
        }
        final Cycles cycles = s.cycles;
        if (cycles.endingAt(through) >= 0) {
            return ResultCode.CYCLE_ALREADY_CLOSED;
        }
        if (through < cycles.lastEnd()) {
            return ResultCode.CYCLE_BEFORE_LAST_CLOSE;
        }
        final long firstTime = s.settings.get(Settings.FIRST_TIME);
        final ResultCode order = s.admit(through); // never late: through is at or after the last end
        if (order != null) {
            return order;
        }
        final ResultCode swept = points.sweepDue(through, MAX_LOTS_PER_OPERATION);
        if (swept != ResultCode.CREATED) {
            return swept;
        }
        if (points.lotsDue(through)) {
            return ResultCode.SWEEP_REQUIRED;
        }

        final int lineStart = cycles.openLineStart();
        final int itemStart = cycles.openItemStart();
        final long start = cycles.count() > 0 ? cycles.lastEnd() : firstTime >= 0 ? firstTime : through;
        final int partyStart = cycles.partyRows();
        final Books books = s.books;
        final int operator = s.operator();
        final int settlementAccount = books.accountIndex(AccountKind.SETTLEMENT.accountId(operator));
        final long settlementBefore = books.creditsPosted(settlementAccount) - books.debitsPosted(settlementAccount);
        final Positions positions = s.positions;
        final EntryWriter e = s.entries;
        int instructions = 0;
        int inEntry = 0;
        long entryNet = 0;
        long total = 0;
        for (int row = 0; row < positions.count(); row++) {
            final int party = positions.party(row);
            final long position = balance(party);
            final long carriedIn = positions.get(Positions.CARRIED, row);
            final boolean moved = s.statements.openFirstLine(row) >= 0;
            if (position == 0 && carriedIn == 0 && !moved) {
                continue; // nothing in the cycle; the view shows a line of zeros
            }
            final long minimum = s.minimumSettlement(party, through);
            final long amount = position != 0 && Math.abs(position) >= minimum ? position : 0;
            if (amount != 0) {
                if (++instructions > settlementLimit) {
                    return ResultCode.CYCLE_TOO_LARGE;
                }
                if (inEntry == 0) {
                    e.begin(MovementKind.SETTLEMENT, 0);
                }
                // Settling the party's position zeroes it: a credit position (the operator owes) is debited.
                if (amount > 0) {
                    e.debit(AccountKind.CLEARING, party, amount);
                } else {
                    e.credit(AccountKind.CLEARING, party, -amount);
                }
                if (overflows(entryNet, amount) || overflows(total, amount)) {
                    return ResultCode.OVERFLOW; // sums of positions beyond 64 bits: never posted
                }
                entryNet += amount;
                total += amount;
                if (++inEntry == PARTIES_PER_ENTRY) {
                    final ResultCode posted = finishEntry(e, operator, entryNet);
                    if (posted != ResultCode.CREATED) {
                        return posted;
                    }
                    inEntry = 0;
                    entryNet = 0;
                }
            }
            cycles.addParty(party, carriedIn, position, minimum, amount, s.statements.openFirstLine(row));
            positions.set(Positions.CARRIED, row, position - amount);
        }
        if (inEntry > 0) {
            final ResultCode posted = finishEntry(e, operator, entryNet);
            if (posted != ResultCode.CREATED) {
                return posted;
            }
        }
        final long operatorLine = -(books.creditsPosted(settlementAccount) - books.debitsPosted(settlementAccount)
            - settlementBefore);
        final int number = cycles.count() + 1;
        checkSettlement(number, partyStart, total, operatorLine);

        // Appended last: until now the open cycle's bounds (the last cycle's ends) applied to every line booked.
        final int cycle = cycles.add(start, through, partyStart);
        cycles.set(Cycles.CLOSED_BY_HIGH, cycle, idHigh);
        cycles.set(Cycles.CLOSED_BY_LOW, cycle, idLow);
        cycles.set(Cycles.LINE_START, cycle, lineStart);
        cycles.set(Cycles.LINE_END, cycle, s.statements.lineCount());
        cycles.set(Cycles.ITEM_START, cycle, itemStart);
        cycles.set(Cycles.ITEM_END, cycle, s.statements.itemCount());
        cycles.set(Cycles.PARTICIPANTS, cycle, s.participants.count());
        cycles.set(Cycles.LATE_EVENTS, cycle, s.settings.get(Settings.OPEN_LATE_EVENTS));
        cycles.set(Cycles.SETTLED, cycle, total);
        cycles.set(Cycles.SWEPT_LOTS, cycle, points.sweptLots());
        for (int i = 0; i < Cycles.OPERATOR_ACCOUNTS.length; i++) {
            final int account = books.accountIndex(Cycles.OPERATOR_ACCOUNTS[i].accountId(operator));
            cycles.set(Cycles.OPERATOR_BALANCES + i, cycle, books.creditsPosted(account) - books.debitsPosted(account));
        }
        for (int i = 0; i < Settings.POINTS_COUNTERS; i++) {
            cycles.set(Cycles.POINTS_TOTALS + i, cycle, s.settings.get(Settings.POINTS_ISSUED + i));
        }
        final int issued = books.accountIndex(AccountKind.POINTS_ISSUED.accountId(operator));
        cycles.set(Cycles.POINTS_OUTSTANDING, cycle, books.debitsPosted(issued) - books.creditsPosted(issued));
        s.settings.set(Settings.OPEN_LATE_EVENTS, 0);
        return ResultCode.CREATED;
    }

    private static boolean overflows(final long a, final long b) {
        final long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0;
    }

    /** Closes a settlement entry with the operator's settlement leg: the net of its parties' settled amounts. */
    private static ResultCode finishEntry(final EntryWriter e, final int operator, final long net) {
        e.creditSigned(AccountKind.SETTLEMENT, operator, net);
        return e.commit();
    }

    /**
     * The close's own proof, from the books: the operator's line is the negative of the parties' settled amounts,
     * and each party's clearing balance is now its position less what was settled.
     */
    private void checkSettlement(final int number, final int from, final long total, final long operatorLine) {
        if (total + operatorLine != 0) {
            throw new IllegalStateException("cycle " + number + ": parties settled " + total
                + " but the operator's line is " + operatorLine);
        }
        final Cycles cycles = s.cycles;
        final int to = cycles.partyRows();
        long sum = 0;
        for (int r = from; r < to; r++) {
            final int party = (int)cycles.party(Cycles.PARTY, r);
            final long amount = cycles.party(Cycles.PARTY_SETTLED, r);
            sum += amount;
            if (balance(party) != cycles.party(Cycles.POSITION, r) - amount) {
                throw new IllegalStateException("cycle " + number + ": participant " + party
                    + " does not carry its position less its settlement");
            }
        }
        if (sum != total) {
            throw new IllegalStateException("cycle " + number + ": party lines settle " + sum + ", not " + total);
        }
    }

    /** @return credits minus debits of the party's clearing account: positive when the operator owes the party. */
    private long balance(final int party) {
        final int account = s.books.accountIndex(AccountKind.CLEARING.accountId(party));
        return s.books.creditsPosted(account) - s.books.debitsPosted(account);
    }

}

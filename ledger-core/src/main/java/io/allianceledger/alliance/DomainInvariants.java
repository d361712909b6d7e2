package io.allianceledger.alliance;

import io.allianceledger.alliance.command.Role;
import io.allianceledger.engine.Books;

import java.util.Optional;

/**
 * Full checks of the domain's invariants, O(state): for tests, audits and restores, never per command.
 * <ul>
 *   <li>points outstanding (the operator's issued account) equals the sum of the members' points accounts;</li>
 *   <li>the operator's points liability equals the remaining value of all lots (held parts included);</li>
 *   <li>each member's points account equals its lots' points (free and held) minus the points it owes;</li>
 *   <li>lots: no negative part, no value without points, each member's list holds exactly its lots with points,
 *   in redemption order; held parts equal the open holds' portions;</li>
 *   <li>sales: parts sum to the amount, none negative, remaining parts sum to what is unrefunded;</li>
 *   <li>positions by kind add up to each party's clearing account, and so do its statement lines, kind by kind;
 *   each party's lines are chained in order and what it carries equals its lines up to the last close;</li>
 *   <li>cycles: each settles to zero, its party rows state {@code carriedIn + movements == position}, carry into
 *   the next cycle exactly what they carried out, and its late items are exactly those older than its start.</li>
 * </ul>
 */
final class DomainInvariants {
    private DomainInvariants() {
    }

    static Optional<String> check(final DomainState s) {
        final int operator = s.operator();
        if (operator < 0) {
            return Optional.empty();
        }
        final Books books = s.books;
        final LotStore lots = s.lots;
        final Participants members = s.participants;
        final int n = members.count();
        final long[] lotPoints = new long[n];
        final long[] listed = new long[n];
        long lotValue = 0;
        final long[] heldByPortions = new long[lots.count()];
        final long[] heldValueByPortions = new long[lots.count()];
        for (int h = 0; h < s.holds.rows().size(); h++) {
            if (s.holds.get(HoldBook.STATUS, h) == HoldBook.OPEN) {
                final int start = (int)s.holds.get(HoldBook.PORTION_START, h);
                for (int p = start; p < start + s.holds.get(HoldBook.PORTION_COUNT, h); p++) {
                    final int lot = s.holds.portions().getInt(HoldBook.PORTION_LOT, p);
                    heldByPortions[lot] += s.holds.portions().get(HoldBook.PORTION_POINTS, p);
                    heldValueByPortions[lot] += s.holds.portions().get(HoldBook.PORTION_VALUE, p);
                }
            }
        }
        for (int lot = 0; lot < lots.count(); lot++) {
            final long free = lots.get(LotStore.FREE, lot);
            final long freeValue = lots.get(LotStore.FREE_VALUE, lot);
            final long held = lots.get(LotStore.HELD, lot);
            final long heldValue = lots.get(LotStore.HELD_VALUE, lot);
            if (free < 0 || freeValue < 0 || held < 0 || heldValue < 0 || (free == 0 && freeValue != 0)) {
                return Optional.of("lot " + lot + " has a negative part or value without points");
            }
            if (held != heldByPortions[lot] || heldValue != heldValueByPortions[lot]) {
                return Optional.of("lot " + lot + " held " + held + "/" + heldValue + " but open holds reserve "
                    + heldByPortions[lot] + "/" + heldValueByPortions[lot]);
            }
            final boolean linked = (lots.get(LotStore.FLAGS, lot) & LotStore.FLAG_LINKED) != 0;
            if (linked != (free + held > 0)) {
                return Optional.of("lot " + lot + " linked=" + linked + " with " + free + " free and " + held + " held");
            }
            lotPoints[(int)lots.get(LotStore.MEMBER, lot)] += free + held;
            lotValue += freeValue + heldValue;
        }
        long memberPoints = 0;
        for (int m = 0; m < n; m++) {
            if (members.role(m) != Role.MEMBER) {
                continue;
            }
            final int account = books.accountIndex(AccountKind.MEMBER_POINTS.accountId(m));
            final long balance = books.creditsPosted(account) - books.debitsPosted(account);
            memberPoints += balance;
            final long debt = members.get(Participants.DEBT, m);
            if (debt < 0 || balance != lotPoints[m] - debt) {
                return Optional.of("member " + m + " has " + balance + " points but lots hold " + lotPoints[m]
                    + " and it owes " + debt);
            }
            int previous = -1;
            for (int lot = (int)members.get(Participants.LOT_HEAD, m); lot >= 0; lot = (int)lots.get(LotStore.NEXT, lot)) {
                if (lots.get(LotStore.MEMBER, lot) != m || lots.get(LotStore.PREV, lot) != previous
                    || (previous >= 0 && lots.sortsAfter(previous, lot))) {
                    return Optional.of("member " + m + " lot list is broken at lot " + lot);
                }
                listed[m] += lots.get(LotStore.FREE, lot) + lots.get(LotStore.HELD, lot);
                previous = lot;
            }
            if (previous != members.get(Participants.LOT_TAIL, m) || listed[m] != lotPoints[m]) {
                return Optional.of("member " + m + " lot list does not hold exactly its lots");
            }
        }
        final int issued = books.accountIndex(AccountKind.POINTS_ISSUED.accountId(operator));
        final long outstanding = books.debitsPosted(issued) - books.creditsPosted(issued);
        if (outstanding != memberPoints) {
            return Optional.of("points outstanding " + outstanding + " != members' points " + memberPoints);
        }
        final Settings settings = s.settings;
        final long counted = settings.get(Settings.POINTS_ISSUED) - settings.get(Settings.POINTS_REDEEMED)
            - settings.get(Settings.POINTS_EXPIRED) - settings.get(Settings.POINTS_CLAWED_BACK)
            + settings.get(Settings.POINTS_CORRECTED);
        if (counted != outstanding) {
            return Optional.of("points counters give " + counted + " outstanding, POINTS_ISSUED says " + outstanding);
        }
        final int liability = books.accountIndex(AccountKind.POINTS_LIABILITY.accountId(operator));
        final long owed = books.creditsPosted(liability) - books.debitsPosted(liability);
        if (owed != lotValue) {
            return Optional.of("points liability " + owed + " != remaining lot value " + lotValue);
        }
        final SaleRecords sales = s.sales;
        for (int sale = 0; sale < sales.rows().size(); sale++) {
            long original = 0;
            long remaining = 0;
            final int start = (int)sales.get(SaleRecords.PART_START, sale);
            for (int part = start; part < start + sales.get(SaleRecords.PART_COUNT, sale); part++) {
                final long o = sales.parts().get(SaleRecords.PART_ORIGINAL, part);
                final long r = sales.parts().get(SaleRecords.PART_REMAINING, part);
                if (o < 0 || r < 0 || r > o) {
                    return Optional.of("sale " + sale + " has a part out of range");
                }
                original += o;
                remaining += r;
            }
            final long expected = sales.get(SaleRecords.CORRECTED, sale) != 0 ? 0
                : sales.get(SaleRecords.AMOUNT, sale) - sales.get(SaleRecords.REFUNDED, sale);
            if (original != sales.get(SaleRecords.AMOUNT, sale) || remaining != expected) {
                return Optional.of("sale " + sale + " parts do not add up");
            }
        }
        final Optional<String> clearing = checkClearing(s);
        if (clearing.isPresent()) {
            return clearing;
        }
        return Optional.empty();
    }

    private static Optional<String> checkClearing(final DomainState s) {
        final Books books = s.books;
        final Positions positions = s.positions;
        final Statements st = s.statements;
        final Cycles cycles = s.cycles;
        final int kinds = MovementKind.values().length + 1;
        final long[] byKind = new long[positions.count() * kinds];
        final long[] carried = new long[positions.count()];
        final int[] last = new int[positions.count()];
        java.util.Arrays.fill(last, -1);
        final int openStart = cycles.openLineStart();
        int cycle = 0;
        for (int line = 0; line < st.lineCount(); line++) {
            final int party = (int)st.line(Statements.LINE_PARTY, line);
            final int row = s.participants.position(party);
            if (row < 0 || positions.party(row) != party) {
                return Optional.of("statement line " + line + " names participant " + party + ", not a clearing party");
            }
            final int expected = last[row] < 0 ? (int)positions.get(Positions.FIRST_LINE, row)
                : (int)st.line(Statements.LINE_NEXT, last[row]);
            if (expected != line) {
                return Optional.of("participant " + party + " statement chain is broken at line " + line);
            }
            last[row] = line;
            final long amount = st.line(Statements.LINE_AMOUNT, line);
            byKind[row * kinds + (int)st.line(Statements.LINE_KIND, line)] += amount;
            if (line < openStart) {
                carried[row] += amount;
            }
            while (cycle < cycles.count() && line >= cycles.get(Cycles.LINE_END, cycle)) {
                cycle++;
            }
            final int item = (int)st.line(Statements.LINE_ITEM, line);
            final long start = cycle < cycles.count() ? cycles.get(Cycles.START, cycle) : cycles.lastEnd();
            final boolean late = st.item(Statements.ITEM_LATE, item) != 0;
            if (late != (cycle > 0 && st.item(Statements.ITEM_TIME, item) < start)) {
                return Optional.of("statement item " + item + " late=" + late + " in cycle " + (cycle + 1));
            }
        }
        for (int row = 0; row < positions.count(); row++) {
            final int party = positions.party(row);
            if (last[row] != positions.get(Positions.LAST_LINE, row)) {
                return Optional.of("participant " + party + " last statement line differs");
            }
            final int account = books.accountIndex(AccountKind.CLEARING.accountId(party));
            long debits = 0;
            long credits = 0;
            for (final MovementKind kind : MovementKind.values()) {
                debits += positions.debits(row, kind);
                credits += positions.credits(row, kind);
                if (positions.credits(row, kind) - positions.debits(row, kind) != byKind[row * kinds + kind.code()]) {
                    return Optional.of("participant " + party + " " + kind + " lines differ from its position");
                }
            }
            if (debits != books.debitsPosted(account) || credits != books.creditsPosted(account)) {
                return Optional.of("participant " + party + " positions by kind differ from its clearing account");
            }
            if (carried[row] != positions.get(Positions.CARRIED, row)) {
                return Optional.of("participant " + party + " carries " + positions.get(Positions.CARRIED, row)
                    + " but its lines up to the last close sum to " + carried[row]);
            }
        }
        final long[] carriedOut = new long[positions.count()];
        final long[] inCycle = new long[positions.count()];
        final long[] carriedIn = new long[positions.count()];
        final boolean[] hasRow = new boolean[positions.count()];
        for (int c = 0; c < cycles.count(); c++) {
            java.util.Arrays.fill(inCycle, 0);
            java.util.Arrays.fill(carriedIn, 0);
            java.util.Arrays.fill(hasRow, false);
            for (int line = (int)cycles.get(Cycles.LINE_START, c); line < cycles.get(Cycles.LINE_END, c); line++) {
                if (st.line(Statements.LINE_KIND, line) != MovementKind.SETTLEMENT.code()) {
                    inCycle[s.participants.position((int)st.line(Statements.LINE_PARTY, line))]
                        += st.line(Statements.LINE_AMOUNT, line);
                }
            }
            long settled = 0;
            final int from = (int)cycles.get(Cycles.PARTY_START, c);
            for (int r = from; r < from + cycles.get(Cycles.PARTY_COUNT, c); r++) {
                final int row = s.participants.position((int)cycles.party(Cycles.PARTY, r));
                carriedIn[row] = cycles.party(Cycles.CARRIED_IN, r);
                hasRow[row] = true;
                final long position = cycles.party(Cycles.POSITION, r);
                if (position != cycles.party(Cycles.CARRIED_IN, r) + inCycle[row]) {
                    return Optional.of("cycle " + (c + 1) + " row " + r + ": carried in plus movements is not the position");
                }
                settled += cycles.party(Cycles.PARTY_SETTLED, r);
            }
            if (settled != cycles.get(Cycles.SETTLED, c)) {
                return Optional.of("cycle " + (c + 1) + " does not settle to zero");
            }
            for (int row = 0; row < positions.count(); row++) {
                if (carriedIn[row] != carriedOut[row] || (!hasRow[row] && inCycle[row] != 0)) {
                    return Optional.of("cycle " + (c + 1) + ": participant " + positions.party(row)
                        + " carried in " + carriedIn[row] + " but the previous cycle carried out " + carriedOut[row]);
                }
            }
            java.util.Arrays.fill(carriedOut, 0);
            for (int r = from; r < from + cycles.get(Cycles.PARTY_COUNT, c); r++) {
                carriedOut[s.participants.position((int)cycles.party(Cycles.PARTY, r))] =
                    cycles.party(Cycles.POSITION, r) - cycles.party(Cycles.PARTY_SETTLED, r);
            }
        }
        return Optional.empty();
    }
}

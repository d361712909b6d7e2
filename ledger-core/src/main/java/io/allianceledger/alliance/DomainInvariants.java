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
 *   <li>positions by kind add up to each party's clearing account.</li>
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
        for (int p = 0; p < n; p++) {
            if (!AccountKind.CLEARING.belongsTo(members.role(p))) {
                continue;
            }
            long debits = 0;
            long credits = 0;
            for (final MovementKind kind : MovementKind.values()) {
                debits += s.positions.debits(p, kind);
                credits += s.positions.credits(p, kind);
            }
            final int account = books.accountIndex(AccountKind.CLEARING.accountId(p));
            if (debits != books.debitsPosted(account) || credits != books.creditsPosted(account)) {
                return Optional.of("participant " + p + " positions by kind differ from its clearing account");
            }
        }
        return Optional.empty();
    }
}

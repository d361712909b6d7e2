package io.allianceledger.alliance;

import io.allianceledger.alliance.arithmetic.LargestRemainder;
import io.allianceledger.alliance.arithmetic.Quotient;
import io.allianceledger.alliance.arithmetic.Rounding;
import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.command.ResultCode;
import org.agrona.DirectBuffer;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * Sale settlement with its multi-party fee split (rule 6) and sale refunds (rule 7).
 * <p>
 * The split: fee {@code F = min(roundHalfEven(A × rate / 10000), floor(A × maxSplitRatio / 10000))}; each share's
 * exact part is {@code F × bps / 10000}, capped; a share whose party is not in the store's chain, and everything
 * above a cap, goes to the operator's exact part, which is F minus the others; integer parts by largest remainder
 * over those exact parts, ties to the earlier share in rule order, the operator last.
 */
final class SaleDesk {
    private static final long BPS = Rounding.BASIS_POINTS;

    private final DomainState s;
    private final LargestRemainder split = new LargestRemainder();
    private final Quotient quotient = new Quotient();
    private final int[] agents = new int[MAX_AGENT_DEPTH + 1];
    private final int[] shareParty = new int[MAX_SHARES];
    private final int[] shareRole = new int[MAX_SHARES];

    SaleDesk(final DomainState state) {
        this.s = state;
    }

    ResultCode settle(final DirectBuffer b, final int o, final int length, final long idHigh, final long idLow) {
        final int txnLength = b.getByte(o + FIELD_4) & 0xFF;
        if (length != paddedLength(TRANSACTION_OFFSET, txnLength) || !Enrollment.zero(b, o + FIELD_4 + 1, 7)
            || !Enrollment.zero(b, o + TRANSACTION_OFFSET + txnLength, length - TRANSACTION_OFFSET - txnLength)) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = s.ready();
        if (ready != null) {
            return ready;
        }
        final long amount = b.getLong(o + FIELD_2);
        final long time = b.getLong(o + FIELD_3);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = s.admit(time);
        if (order != null) {
            return order;
        }
        if (amount <= 0) {
            return ResultCode.AMOUNT_MUST_BE_POSITIVE;
        }
        if (txnLength == 0 || txnLength > MAX_TEXT_LENGTH || !ByteStore.isUtf8(b, o + TRANSACTION_OFFSET, txnLength)) {
            return ResultCode.INVALID_TEXT;
        }
        final int store = s.participant(b.getLong(o + FIELD_0), Role.STORE, true);
        if (store < 0) {
            return s.rejection();
        }
        final int channel = s.participant(b.getLong(o + FIELD_1), Role.CHANNEL, true);
        if (channel < 0) {
            return s.rejection();
        }
        if (s.sales.hasTransaction(channel, b, o + TRANSACTION_OFFSET, txnLength)
            || s.refundTransactions.has(channel, b, o + TRANSACTION_OFFSET, txnLength)) {
            return ResultCode.DUPLICATE_CHANNEL_TRANSACTION;
        }
        final int rule = s.ruleAt(store, time);
        if (rule < 0) {
            return s.rejection();
        }
        final RuleBook rules = s.rules;
        final long rounded = s.rounding.roundHalfEven(amount, rules.get(RuleBook.FEE_BPS, rule), BPS);
        final long ceiling = s.rounding.floor(amount, rules.get(RuleBook.MAX_SPLIT_BPS, rule), BPS);
        final long fee = Math.min(rounded, ceiling); // both below the amount, so neither overflows
        final int shares = chain(store, time, rule);

        split.clear();
        long floors = 0;
        long remainders = 0;
        for (int i = 0; i < shares; i++) {
            if (shareParty[i] < 0) {
                split.add(0, 0); // its exact part goes to the operator
                continue;
            }
            quotient.divide(fee, rules.get(RuleBook.share(i, RuleBook.SHARE_BPS), rule), BPS);
            long q = quotient.quotient();
            long r = quotient.remainder();
            final long cap = rules.get(RuleBook.share(i, RuleBook.SHARE_CAP), rule);
            if (cap >= 0 && (q > cap || (q == cap && r > 0))) {
                q = cap;
                r = 0;
            }
            split.add(q, r);
            floors += q;
            remainders += r;
        }
        // Operator: F minus the others' exact parts, as quotient and remainder over the same denominator.
        final long wholeUnits = (remainders + BPS - 1) / BPS;
        split.add(fee - floors - wholeUnits, wholeUnits * BPS - remainders);
        split.allocate(fee);

        final int version = rule + 1;
        final int sale = s.sales.add(store, channel, amount, fee, version, time, b, o + TRANSACTION_OFFSET, txnLength);
        final EntryWriter e = s.entries;
        final int operator = s.operator();
        e.begin(MovementKind.SALE, version);
        e.debit(AccountKind.CLEARING, channel, amount);
        s.sales.addPart(sale, store, SaleRecords.ROLE_STORE, amount - fee);
        e.credit(AccountKind.CLEARING, store, amount - fee);
        for (int i = 0; i < shares; i++) {
            if (shareParty[i] >= 0) {
                s.sales.addPart(sale, shareParty[i], shareRole[i], split.part(i));
                e.credit(AccountKind.CLEARING, shareParty[i], split.part(i));
            }
        }
        s.sales.addPart(sale, operator, SaleRecords.ROLE_OPERATOR, split.part(shares));
        e.credit(AccountKind.FEE_INCOME, operator, split.part(shares));
        s.operations.add(idHigh, idLow, OperationIndex.SALE, sale);
        s.statements.record(sale);
        return e.commit();
    }

    /**
     * Resolves, for each share of a rule, the party in the store's chain at a time (-1 if the chain has none).
     *
     * @return the number of shares.
     */
    private int chain(final int store, final long time, final int rule) {
        final Participants p = s.participants;
        int at = p.parentAt(store, time);
        int hq = -1;
        if (p.role(at) == Role.HQ) {
            hq = at;
            at = p.parent(at);
        }
        int levels = 0;
        while (p.role(at) == Role.AGENT && levels < AllianceLayout.MAX_AGENT_DEPTH) {
            agents[++levels] = at;
            at = p.parent(at);
        }
        final int shares = (int)s.rules.get(RuleBook.SHARE_COUNT, rule);
        for (int i = 0; i < shares; i++) {
            final int target = (int)s.rules.get(RuleBook.share(i, RuleBook.SHARE_TARGET), rule);
            if (target == 0) {
                shareParty[i] = hq;
                shareRole[i] = SaleRecords.ROLE_HQ;
            } else {
                shareParty[i] = target <= levels ? agents[target] : -1;
                shareRole[i] = target;
            }
        }
        return shares;
    }

    /**
     * Refunds part of a sale: the amount is taken from every party's remaining part pro rata, by largest
     * remainder (ties to the store, then the shares in rule order, the operator last), with the sale's own rule
     * version. The channel's receivable falls by the amount. The refund's channel transaction id, if any, must be
     * new among the channel's sales and refunds.
     *
     * @param txnLength 0 when the refund carries no channel transaction id.
     */
    ResultCode refund(final int sale, final long amount, final long originalHigh, final long originalLow,
        final DirectBuffer b, final int txnOffset, final int txnLength) {
        final SaleRecords r = s.sales;
        if (r.get(SaleRecords.CORRECTED, sale) != 0) {
            return ResultCode.NOT_REFUNDABLE;
        }
        final long remaining = r.get(SaleRecords.AMOUNT, sale) - r.get(SaleRecords.REFUNDED, sale);
        if (amount > remaining) {
            return ResultCode.REFUND_EXCEEDS_REMAINING;
        }
        final int channel = (int)r.get(SaleRecords.CHANNEL, sale);
        if (txnLength > 0 && (s.sales.hasTransaction(channel, b, txnOffset, txnLength)
            || s.refundTransactions.has(channel, b, txnOffset, txnLength))) {
            return ResultCode.DUPLICATE_CHANNEL_TRANSACTION;
        }
        final int start = (int)r.get(SaleRecords.PART_START, sale);
        final int count = (int)r.get(SaleRecords.PART_COUNT, sale);
        split.clear();
        for (int i = 0; i < count; i++) {
            split.addProRata(amount, r.parts().get(SaleRecords.PART_REMAINING, start + i), remaining);
        }
        split.allocate(amount);
        final EntryWriter e = s.entries;
        e.begin(MovementKind.SALE_REFUND, (int)r.get(SaleRecords.VERSION, sale), originalHigh, originalLow);
        e.credit(AccountKind.CLEARING, channel, amount);
        s.statements.record(txnLength == 0 ? -1 : s.refundTransactions.add(channel, sale, b, txnOffset, txnLength));
        for (int i = 0; i < count; i++) {
            final int part = start + i;
            final long back = split.part(i);
            r.parts().add(SaleRecords.PART_REMAINING, part, -back);
            debitPart(e, part, back);
        }
        r.set(SaleRecords.REFUNDED, sale, r.get(SaleRecords.REFUNDED, sale) + amount);
        return e.commit();
    }

    /** Reverses an unrefunded sale entirely (rule 8). */
    ResultCode correct(final int sale, final long originalHigh, final long originalLow) {
        final SaleRecords r = s.sales;
        if (r.get(SaleRecords.CORRECTED, sale) != 0) {
            return ResultCode.ALREADY_CORRECTED;
        }
        if (r.get(SaleRecords.REFUNDED, sale) != 0) {
            return ResultCode.NOT_CORRECTABLE;
        }
        final int start = (int)r.get(SaleRecords.PART_START, sale);
        final int count = (int)r.get(SaleRecords.PART_COUNT, sale);
        final EntryWriter e = s.entries;
        e.begin(MovementKind.CORRECTION, (int)r.get(SaleRecords.VERSION, sale), originalHigh, originalLow);
        e.credit(AccountKind.CLEARING, (int)r.get(SaleRecords.CHANNEL, sale), r.get(SaleRecords.AMOUNT, sale));
        for (int part = start; part < start + count; part++) {
            debitPart(e, part, r.parts().get(SaleRecords.PART_REMAINING, part));
            r.parts().set(SaleRecords.PART_REMAINING, part, 0);
        }
        r.set(SaleRecords.CORRECTED, sale, 1);
        return e.commit();
    }

    private void debitPart(final EntryWriter e, final int part, final long amount) {
        final SaleRecords r = s.sales;
        final int party = r.parts().getInt(SaleRecords.PART_PARTY, part);
        if (r.parts().get(SaleRecords.PART_ROLE, part) == SaleRecords.ROLE_OPERATOR) {
            e.debit(AccountKind.FEE_INCOME, party, amount);
        } else {
            e.debit(AccountKind.CLEARING, party, amount);
        }
    }
}

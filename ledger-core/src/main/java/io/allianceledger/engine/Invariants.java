package io.allianceledger.engine;

import io.allianceledger.command.AccountFlags;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Optional;

import static io.allianceledger.command.CommandLayout.*;

/**
 * Full-state invariant checks. O(accounts + records): for tests, audits and restores, not for each command.
 */
final class Invariants {
    private Invariants() {
    }

    static Optional<String> check(final StateMachine machine) {
        final AccountBook accounts = machine.accounts();
        final AssetTable assets = machine.assets();
        final int assetCount = assets.count();
        // Per asset, 128-bit sums of (debits - credits), posted and pending, so no workload can wrap them.
        final long[] postedHigh = new long[assetCount];
        final long[] postedLow = new long[assetCount];
        final long[] pendingHigh = new long[assetCount];
        final long[] pendingLow = new long[assetCount];
        for (int i = 0; i < accounts.count(); i++) {
            final long dp = accounts.total(AccountBook.DEBITS_POSTED, i);
            final long cp = accounts.total(AccountBook.CREDITS_POSTED, i);
            final long dpend = accounts.total(AccountBook.DEBITS_PENDING, i);
            final long cpend = accounts.total(AccountBook.CREDITS_PENDING, i);
            final long id = accounts.id(i);
            if (dp < 0 || cp < 0 || dpend < 0 || cpend < 0) {
                return Optional.of("account " + id + " has a negative total");
            }
            if (dp + dpend < 0 || cp + cpend < 0) {
                return Optional.of("account " + id + " has posted plus pending beyond 64 bits");
            }
            final int flags = accounts.flags(i);
            if ((flags & AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS) != 0 && dp + dpend > cp) {
                return Optional.of("account " + id + " debits " + dp + "+" + dpend + " exceed credits " + cp);
            }
            if ((flags & AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS) != 0 && cp + cpend > dp) {
                return Optional.of("account " + id + " credits " + cp + "+" + cpend + " exceed debits " + dp);
            }
            if ((flags & AccountFlags.CLOSED) != 0 && (dpend != 0 || cpend != 0)) {
                return Optional.of("closed account " + id + " has pending amounts");
            }
            final int a = accounts.asset(i);
            add(postedHigh, postedLow, a, dp - cp);
            add(pendingHigh, pendingLow, a, dpend - cpend);
        }
        for (int a = 0; a < assetCount; a++) {
            if (postedHigh[a] != 0 || postedLow[a] != 0) {
                return Optional.of("asset " + assets.code(a) + " posted debits minus credits is not zero");
            }
            if (pendingHigh[a] != 0 || pendingLow[a] != 0) {
                return Optional.of("asset " + assets.code(a) + " pending debits minus credits is not zero");
            }
        }
        return checkPendingTotals(machine);
    }

    /** Every account's pending totals must equal the sum of what live pending entries reserve on it. */
    private static Optional<String> checkPendingTotals(final StateMachine machine) {
        final AccountBook accounts = machine.accounts();
        final RecordLog records = machine.records();
        final long[] debits = new long[accounts.count()];
        final long[] credits = new long[accounts.count()];
        for (long address = 0; address < records.position(); address = records.next(address)) {
            if (records.status(address) != EntryStatus.PENDING.ordinal()) {
                continue;
            }
            final UnsafeBuffer b = records.buffer(address);
            final int at = RecordLog.offset(address) + RecordLog.HEADER_LENGTH;
            final int d = b.getShort(at + ENTRY_DEBIT_COUNT_OFFSET) & 0xFFFF;
            final int n = d + (b.getShort(at + ENTRY_CREDIT_COUNT_OFFSET) & 0xFFFF);
            for (int i = 0; i < n; i++) {
                final int p = at + ENTRY_POSTINGS_OFFSET + i * POSTING_LENGTH;
                final int account = accounts.indexOf(b.getLong(p));
                if (account < 0) {
                    return Optional.of("pending entry names missing account " + b.getLong(p));
                }
                if (i < d) {
                    debits[account] += b.getLong(p + 8);
                } else {
                    credits[account] += b.getLong(p + 8);
                }
            }
        }
        for (int i = 0; i < accounts.count(); i++) {
            if (debits[i] != accounts.total(AccountBook.DEBITS_PENDING, i)
                || credits[i] != accounts.total(AccountBook.CREDITS_PENDING, i)) {
                return Optional.of("account " + accounts.id(i) + " pending totals differ from its live pending entries");
            }
        }
        return Optional.empty();
    }

    private static void add(final long[] high, final long[] low, final int a, final long value) {
        final long sum = low[a] + value;
        final long carry = Long.compareUnsigned(sum, low[a]) < 0 ? 1 : 0;
        high[a] += (value >> 63) + carry;
        low[a] = sum;
    }
}

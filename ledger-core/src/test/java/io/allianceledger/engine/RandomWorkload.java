package io.allianceledger.engine;

import io.allianceledger.command.AccountFlags;
import io.allianceledger.command.CloseAccount;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.LinkedBatch;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.PostPending;
import io.allianceledger.command.Posting;
import io.allianceledger.command.VoidPending;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Test fixture: a seeded generator of generic-engine commands that hit every path: openings and closings,
 * posted and pending entries of 2..6 legs over two assets, whole and partial posts, voids, timeouts, linked
 * batches, exact retries and conflicting retries, amounts near the 64-bit limit, and commands that must be
 * rejected. The same seed always gives the same commands; the clock advance between commands is part of it.
 */
public final class RandomWorkload {
    /** Asset codes used. */
    public static final int CNY = 156;
    public static final int POINTS = 1;

    private final SplittableRandom random;
    private final List<Long> accounts = new ArrayList<>();
    private final List<Integer> accountAssets = new ArrayList<>();
    private final List<CommandId> pendings = new ArrayList<>();
    private final List<Long> proposedAccounts = new ArrayList<>();
    private final List<Integer> proposedAssets = new ArrayList<>();
    private final List<CommandId> proposedPendings = new ArrayList<>();
    private final List<Command> history = new ArrayList<>();
    private long nextId = 1;
    private long nextAccount = 1;
    private boolean started;

    /** @param seed the seed; print it so a failure can be reproduced. */
    public RandomWorkload(final long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return nanoseconds to advance the engine clock before the next command: mostly small, sometimes a minute. */
    public long nextClockAdvance() {
        return random.nextInt(10) == 0 ? 1 + random.nextLong(60_000_000_000L) : 1 + random.nextLong(1_000_000);
    }

    /** @return the next command. */
    public Command next() {
        if (!started) {
            started = true;
            return remember(new DefineAsset(id(), CNY, 2));
        }
        if (accounts.size() < 3 || (accounts.size() < 40 && random.nextInt(8) == 0)) {
            if (history.size() == 1) {
                return remember(new DefineAsset(id(), POINTS, 0));
            }
            return remember(openAccount());
        }
        final int roll = random.nextInt(100);
        final Command c;
        if (roll < 35) {
            c = entry(false);
        } else if (roll < 50) {
            c = entry(true);
        } else if (roll < 60) {
            c = post();
        } else if (roll < 66) {
            c = voidPending();
        } else if (roll < 74) {
            c = batch();
        } else if (roll < 82 && !history.isEmpty()) {
            return history.get(random.nextInt(history.size())); // exact retry
        } else if (roll < 86 && !history.isEmpty()) {
            c = conflictingRetry();
        } else if (roll < 87) {
            c = new CloseAccount(id(), anyAccount());
        } else if (roll < 92) {
            c = openAccount();
        } else {
            c = PostEntry.transfer(id(), anyAccount(), anyAccount(), hugeOrOdd());
        }
        return remember(c);
    }

    /**
     * Tells the generator the outcome of the command it last returned, so that later commands mostly name
     * accounts and pending entries that exist.
     *
     * @param created true if the command (or the whole batch) was created.
     */
    public void outcome(final boolean created) {
        if (created) {
            accounts.addAll(proposedAccounts);
            accountAssets.addAll(proposedAssets);
            pendings.addAll(proposedPendings);
        }
        proposedAccounts.clear();
        proposedAssets.clear();
        proposedPendings.clear();
    }

    private Command remember(final Command c) {
        history.add(c);
        return c;
    }

    private CommandId id() {
        return CommandId.of(nextId++);
    }

    private OpenAccount openAccount() {
        final long account = random.nextInt(20) == 0 && !accounts.isEmpty() ? anyAccount() : nextAccount++;
        final int asset = random.nextInt(4) == 0 ? POINTS : CNY;
        final int r = random.nextInt(10);
        final int flags = r < 6 ? 0 : r < 8 ? AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS : r < 9
            ? AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS : AccountFlags.OPENABLE; // the last is invalid
        proposedAccounts.add(account);
        proposedAssets.add(asset);
        return new OpenAccount(id(), account, asset, flags);
    }

    private long anyAccount() {
        return random.nextInt(50) == 0 ? 999_999 : accounts.get(random.nextInt(accounts.size()));
    }

    private long amount() {
        return random.nextInt(30) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 100 : 100_000);
    }

    private long hugeOrOdd() {
        return switch (random.nextInt(4)) {
            case 0 -> Long.MAX_VALUE - random.nextInt(3);
            case 1 -> Long.MAX_VALUE / 2 + random.nextInt(3);
            case 2 -> -random.nextInt(5);
            default -> amount();
        };
    }

    /** A balanced entry (usually) of 2..6 legs within one asset, sometimes spanning both. */
    private PostEntry entry(final boolean pending) {
        final int asset = random.nextBoolean() ? CNY : POINTS;
        final List<Posting> debits = new ArrayList<>();
        final List<Posting> credits = new ArrayList<>();
        final int nd = 1 + random.nextInt(3);
        final int nc = 1 + random.nextInt(3);
        long total = 0;
        for (int i = 0; i < nd; i++) {
            final long a = amount();
            total += a;
            debits.add(new Posting(accountOf(asset), a));
        }
        long left = total;
        for (int i = 0; i < nc; i++) {
            final long a = i == nc - 1 ? left : random.nextLong(left + 1);
            left -= a;
            credits.add(new Posting(accountOf(asset), a));
        }
        if (random.nextInt(25) == 0) {
            credits.set(0, new Posting(credits.get(0).accountId(), credits.get(0).amount() + 1)); // unbalanced
        }
        final int timeout = pending && random.nextBoolean() ? 1 + random.nextInt(120) : 0;
        final CommandId id = id();
        if (pending) {
            proposedPendings.add(id);
        }
        return new PostEntry(id, debits, credits, pending, timeout, random.nextInt(5), null);
    }

    private long accountOf(final int asset) {
        for (int tries = 0; tries < 8; tries++) {
            final int i = random.nextInt(accounts.size());
            if (accountAssets.get(i) == asset) {
                return accounts.get(i);
            }
        }
        return anyAccount();
    }

    private Command post() {
        if (pendings.isEmpty()) {
            return PostPending.whole(id(), CommandId.of(123_456_789));
        }
        final CommandId pending = pendings.get(random.nextInt(pendings.size()));
        if (random.nextBoolean()) {
            return PostPending.whole(id(), pending);
        }
        // Partial: 2-leg pendings get a balanced pair; others get random amounts the engine may reject.
        final int legs = 2 + random.nextInt(2);
        final long[] amounts = new long[legs];
        final long a = random.nextInt(60);
        for (int i = 0; i < legs; i++) {
            amounts[i] = a;
        }
        return new PostPending(id(), pending, amounts);
    }

    private Command voidPending() {
        final CommandId pending = pendings.isEmpty() ? CommandId.of(987_654) : pendings.get(random.nextInt(pendings.size()));
        return new VoidPending(id(), pending);
    }

    private Command batch() {
        final int n = random.nextInt(20) == 0 ? 0 : 1 + random.nextInt(4);
        final List<Command> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(switch (random.nextInt(4)) {
                case 0 -> entry(false);
                case 1 -> entry(true);
                case 2 -> post();
                default -> openAccount();
            });
        }
        return new LinkedBatch(items);
    }

    private Command conflictingRetry() {
        final Command old = history.get(random.nextInt(history.size()));
        if (old instanceof PostEntry e && !e.debits().isEmpty()) {
            final List<Posting> debits = new ArrayList<>(e.debits());
            debits.set(0, new Posting(debits.get(0).accountId(), debits.get(0).amount() + 1));
            return new PostEntry(e.id(), debits, e.credits(), e.pending(), e.timeoutSeconds(), e.code(), e.reference());
        }
        return new CloseAccount(old.id().isZero() ? id() : old.id(), anyAccount());
    }
}

package io.allianceledger.journal;

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
 * Test fixture: a deterministic stream of commands exercising every command type, accepted and rejected alike
 * (unknown accounts, overdrafts under balance limits, duplicates, expired or resolved pending entries).
 * Ids are (run, counter), so streams of different runs never collide.
 */
final class Workload {
    static final int POINTS = 1;
    static final int CNY = 156;
    private static final int ACCOUNTS_PER_ASSET = 12;

    private final SplittableRandom random;
    private final long run;
    private long counter;
    private final List<Command> history = new ArrayList<>();
    private final List<CommandId> pending = new ArrayList<>();

    Workload(final long seed, final long run) {
        this.random = new SplittableRandom(seed);
        this.run = run;
    }

    /** The commands every ledger in these tests starts with: two assets and their accounts. */
    static List<Command> setup() {
        final List<Command> commands = new ArrayList<>();
        commands.add(new DefineAsset(new CommandId(-1, 1), POINTS, 0));
        commands.add(new DefineAsset(new CommandId(-1, 2), CNY, 2));
        for (int i = 0; i < ACCOUNTS_PER_ASSET; i++) {
            // Account 0 of each asset is the issuer, free to go negative; the others may not overdraw.
            final int flags = i == 0 ? 0 : AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS;
            commands.add(new OpenAccount(new CommandId(-1, 100 + i), account(POINTS, i), POINTS, flags));
            commands.add(new OpenAccount(new CommandId(-1, 200 + i), account(CNY, i), CNY, flags));
        }
        return commands;
    }

    static long account(final int asset, final int i) {
        return asset * 1000L + i;
    }

    CommandId nextId() {
        return new CommandId(run, ++counter);
    }

    /** @return the next random command. */
    Command next() {
        final int roll = random.nextInt(100);
        final Command c;
        if (roll < 45) {
            c = transfer(nextId(), false);
        } else if (roll < 55) {
            c = issue(nextId());
        } else if (roll < 65) {
            final PostEntry p = transfer(nextId(), true);
            pending.add(p.id());
            c = p;
        } else if (roll < 72 && !pending.isEmpty()) {
            c = resolve(nextId());
        } else if (roll < 82) {
            c = batch();
        } else if (roll < 90 && !history.isEmpty()) {
            c = history.get(random.nextInt(history.size())); // a retry: EXISTS
        } else if (roll < 93) {
            c = PostEntry.transfer(nextId(), 999_999, account(POINTS, 1), 1); // unknown account
        } else if (roll < 94) {
            c = new CloseAccount(nextId(), account(random.nextBoolean() ? POINTS : CNY, 1 + random.nextInt(ACCOUNTS_PER_ASSET - 1)));
        } else {
            c = PostEntry.transfer(nextId(), account(POINTS, 1), account(POINTS, 2), 0); // zero amount
        }
        if (history.size() < 10_000) {
            history.add(c);
        }
        return c;
    }

    private int asset() {
        return random.nextBoolean() ? POINTS : CNY;
    }

    private PostEntry issue(final CommandId id) {
        final int asset = asset();
        return PostEntry.transfer(id, account(asset, 0), account(asset, 1 + random.nextInt(ACCOUNTS_PER_ASSET - 1)),
            1 + random.nextInt(10_000));
    }

    private PostEntry transfer(final CommandId id, final boolean isPending) {
        final int asset = asset();
        final long from = account(asset, 1 + random.nextInt(ACCOUNTS_PER_ASSET - 1));
        long to = account(asset, random.nextInt(ACCOUNTS_PER_ASSET));
        if (to == from) {
            to = account(asset, 0);
        }
        final long amount = 1 + random.nextInt(3_000);
        if (!isPending) {
            if (random.nextInt(4) == 0) {
                // Split credit: three legs.
                final long half = Math.max(1, amount / 2);
                return new PostEntry(id, List.of(new Posting(from, amount + half)),
                    List.of(new Posting(to, amount), new Posting(account(asset, 0), half)), false, 0, 7, null);
            }
            return PostEntry.transfer(id, from, to, amount);
        }
        return PostEntry.pendingTransfer(id, from, to, amount, random.nextInt(3) == 0 ? 1 + random.nextInt(5) : 0);
    }

    private Command resolve(final CommandId id) {
        final CommandId target = pending.remove(random.nextInt(pending.size()));
        final int kind = random.nextInt(3);
        if (kind == 0) {
            return new VoidPending(id, target);
        }
        if (kind == 1) {
            return PostPending.whole(id, target);
        }
        return new PostPending(id, target, new long[] {1, 1});
    }

    private LinkedBatch batch() {
        final int n = 2 + random.nextInt(3);
        final List<Command> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(random.nextInt(3) == 0 ? issue(nextId()) : transfer(nextId(), false));
        }
        return new LinkedBatch(items);
    }
}

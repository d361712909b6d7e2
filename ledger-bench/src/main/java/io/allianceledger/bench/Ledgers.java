package io.allianceledger.bench;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.ResultCode;
import io.allianceledger.ledger.Journal;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.LedgerConfig;
import io.allianceledger.ledger.Result;
import io.allianceledger.ledger.WaitMode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Opens a ledger (the full pipeline) with one asset and some open accounts. */
final class Ledgers {
    private Ledgers() {
    }

    /**
     * @param journal  the journal.
     * @param waitMode how the pipeline threads wait.
     * @param accounts accounts to open, with ids {@link Machines#accountId(int)}.
     * @return the open ledger, every set-up command applied.
     */
    static Ledger open(final Journal journal, final WaitMode waitMode, final int accounts) {
        final Ledger ledger = Ledger.open(LedgerConfig.builder()
            .journal(journal)
            .waitMode(waitMode)
            .initialAccounts(Math.max(accounts, 16))
            .build());
        check(ledger.execute(new DefineAsset(CommandId.of(1), Machines.ASSET, 0)));
        final List<Command> batch = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            batch.add(new OpenAccount(new CommandId(Machines.ID_HIGH - 1, i + 1), Machines.accountId(i), Machines.ASSET, 0));
            if (batch.size() == 4096 || i == accounts - 1) {
                for (final CompletableFuture<Result> f : ledger.submitAll(batch)) {
                    check(f.join());
                }
                batch.clear();
            }
        }
        return ledger;
    }

    private static void check(final Result r) {
        if (r.code() != ResultCode.CREATED) {
            throw new IllegalStateException("set-up command rejected: " + r.code());
        }
    }

    /** @return the ids of {@code accounts} accounts opened by {@link #open}. */
    static long[] accountIds(final int accounts) {
        final long[] ids = new long[accounts];
        for (int i = 0; i < accounts; i++) {
            ids[i] = Machines.accountId(i);
        }
        return ids;
    }
}

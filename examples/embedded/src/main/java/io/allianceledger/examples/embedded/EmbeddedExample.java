package io.allianceledger.examples.embedded;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.PostPending;
import io.allianceledger.engine.AccountView;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.LedgerConfig;
import io.allianceledger.ledger.Result;

import java.io.PrintStream;

/**
 * A host application embedding the ledger: defines CNY, opens a payment channel's clearing account and a
 * store's account, posts a sale, reserves a payout and posts part of it, then reads the balances back.
 * The README's embedding snippet is the part between the tag lines, checked by a test.
 */
public final class EmbeddedExample {
    private EmbeddedExample() {
    }

    /**
     * Runs the example, printing what it did.
     *
     * @param args ignored.
     */
    public static void main(final String[] args) {
        run(System.out);
    }

    static void run(final PrintStream out) {
        // tag::embed[]
        final int cny = 156;          // asset code; scale 2 means amounts are in fen
        final long channel = 1001;    // what the payment channel owes the operator
        final long store = 2001;      // what the operator owes the store
        try (Ledger ledger = Ledger.open(LedgerConfig.builder().build())) {
            ledger.execute(new DefineAsset(CommandId.fromName("asset-cny"), cny, 2));
            ledger.execute(new OpenAccount(CommandId.fromName("open-channel"), channel, cny, 0));
            ledger.execute(new OpenAccount(CommandId.fromName("open-store"), store, cny, 0));

            // A sale of 128.50 CNY: the channel owes it, the store is owed it.
            final Result sale = ledger.execute(
                PostEntry.transfer(CommandId.fromName("sale-0001"), channel, store, 12_850));

            // Retrying with the same id is safe: nothing is posted twice.
            final Result retry = ledger.execute(
                PostEntry.transfer(CommandId.fromName("sale-0001"), channel, store, 12_850));

            // A two-phase payout: reserve 100.00, then post 80.00 and release the rest.
            final CommandId payout = CommandId.fromName("payout-0001");
            ledger.execute(PostEntry.pendingTransfer(payout, store, channel, 10_000, 3600));
            ledger.execute(new PostPending(CommandId.fromName("payout-0001-post"), payout, new long[] {8_000, 8_000}));

            final AccountView owed = ledger.account(store).join().orElseThrow();
            out.println("sale: " + sale.code() + ", retry: " + retry.code());
            out.println("store is owed " + owed.creditBalance() + " fen, pending " + owed.debitsPending());
            out.println("state hash " + ledger.stateHash().join());
        }
        // end::embed[]
    }
}

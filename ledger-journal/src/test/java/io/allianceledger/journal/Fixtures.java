package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.ledger.Ledger;
import io.allianceledger.ledger.LedgerConfig;
import io.allianceledger.ledger.Result;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Test fixture: opening ledgers on journals the way an embedding host does. */
final class Fixtures {
    static final String LEDGER = "test-ledger";
    static final int MAX_ACCOUNTS = 4096;

    private Fixtures() {
    }

    static JournalConfig.Builder config(final Path dir) {
        return JournalConfig.builder(dir, LEDGER).maxAccounts(MAX_ACCOUNTS).snapshotInterval(0);
    }

    static Ledger open(final JournalConfig config, final TestClock clock) {
        return Ledger.open(LedgerConfig.builder()
            .journal(ChronicleJournal.open(config))
            .clock(clock)
            .initialAccounts(64)
            .maxAccounts(MAX_ACCOUNTS)
            .build());
    }

    static List<Result> submitAll(final Ledger ledger, final List<? extends Command> commands) {
        return ledger.submitAll(commands).stream().map(CompletableFuture::join).toList();
    }

    /** @return a full replay of the journal from its first record into a fresh machine, through the reader. */
    static StateMachine fullReplay(final Path dir, final byte[] key) {
        final StateMachine machine = new StateMachine(64, MAX_ACCOUNTS);
        JournalReader.open(dir, key).replayInto(machine, Long.MAX_VALUE);
        return machine;
    }

    static String hash(final Ledger ledger) {
        return ledger.stateHash().join();
    }
}

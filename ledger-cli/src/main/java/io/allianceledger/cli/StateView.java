package io.allianceledger.cli;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.cli.events.Amounts;
import io.allianceledger.engine.StateMachine;
import io.allianceledger.journal.JournalReader;

import java.nio.file.Path;

/**
 * Read-only state of a ledger directory, now or as it was at a time: rebuilt from the journal (and snapshots)
 * without opening its writer, so a query never changes the files.
 */
final class StateView {
    private StateView() {
    }

    /**
     * @param directory a ledger directory.
     * @param asOf      ISO-8601 time with offset, or null for now.
     * @return the alliance domain of the rebuilt state.
     */
    static AllianceDomain at(final Path directory, final String asOf) {
        LedgerHome.properties(directory);
        final long nanos;
        try {
            nanos = asOf == null ? Long.MAX_VALUE : Amounts.parseTime(asOf);
        } catch (final IllegalArgumentException e) {
            throw new UserError("--as-of: " + e.getMessage());
        }
        final StateMachine machine = JournalReader.open(directory).stateAt(nanos, LedgerHome.machines());
        return (AllianceDomain)machine.extension();
    }

    /** @return business time in epoch ms for an --as-of value, or the given default. */
    static long millis(final String asOf, final long otherwise) {
        return asOf == null ? otherwise : EventCommands.millis(Amounts.parseTime(asOf));
    }
}

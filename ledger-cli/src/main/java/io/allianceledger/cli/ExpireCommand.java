package io.allianceledger.cli;

import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.cli.events.Amounts;
import io.allianceledger.command.CommandId;
import io.allianceledger.ledger.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ledger expire DIR --at TIME}: the expiry sweep. */
@Command(name = "expire", mixinStandardHelpOptions = true,
    description = "Run the expiry sweep as of --at: every lot expired by then loses its remaining points and their "
        + "value becomes the operator's breakage. Sweeps in bounded steps until nothing is due; idempotent.")
final class ExpireCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory.")
    Path directory;

    @Option(names = "--at", required = true, paramLabel = "TIME", description = "ISO-8601 time with offset.")
    String at;

    @Override
    public Integer call() {
        final long nanos;
        try {
            nanos = Amounts.parseTime(at);
        } catch (final IllegalArgumentException e) {
            throw new UserError("--at: " + e.getMessage());
        }
        final long asOf = EventCommands.millis(nanos);
        try (LedgerHome home = LedgerHome.open(directory)) {
            final int steps = sweep(home, nanos, asOf, "expire:" + asOf);
            spec.commandLine().getOut().println("expiry sweep as of " + at + ": done in " + steps + " step(s)");
        }
        return ExitCodes.OK;
    }

    /** Sweeps until no lot is due; each step is a journaled command with its own stable id. */
    static int sweep(final LedgerHome home, final long nanos, final long asOf, final String idPrefix) {
        int step = 0;
        do {
            final Result r = home.execute(nanos, new SweepExpiry(CommandId.fromName(idPrefix + ":" + step), asOf,
                AllianceLayout.MAX_LOTS_PER_OPERATION));
            if (!r.isSuccess()) {
                throw new UserError("the ledger refused the expiry sweep: " + r.code());
            }
            step++;
        } while (home.queries().lotsDue(asOf).join() > 0);
        return step;
    }
}

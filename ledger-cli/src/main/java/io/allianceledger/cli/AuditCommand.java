package io.allianceledger.cli;

import io.allianceledger.journal.audit.AuditReport;
import io.allianceledger.journal.audit.JournalAudit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ledger audit DIR}: read-only replay of the whole journal with every check. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Replay the whole journal read-only: verify every record's checksum and the hash chain, apply "
        + "every command to a fresh state machine and check every invariant after every command. Prints a summary "
        + "and the final state hash; exit 1 on any violation.")
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory.")
    Path directory;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() {
        LedgerHome.properties(directory);
        final AuditReport report = JournalAudit.of(directory).stateMachines(LedgerHome.machines()).run();
        if (json) {
            spec.commandLine().getOut().println(toJson(report));
        } else {
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            spec.commandLine().getOut().print(bytes.toString(StandardCharsets.UTF_8));
        }
        return report.ok() ? ExitCodes.OK : ExitCodes.NEEDS_ATTENTION;
    }

    static String toJson(final AuditReport r) {
        final StringBuilder sb = new StringBuilder("{");
        sb.append("\"ok\":").append(r.ok());
        sb.append(",\"ledger\":").append(r.ledgerName() == null ? "null" : Json.quote(r.ledgerName()));
        sb.append(",\"commands\":").append(r.commands());
        sb.append(",\"created\":").append(r.created());
        sb.append(",\"duplicates\":").append(r.duplicates());
        sb.append(",\"rejected\":").append(r.rejected());
        sb.append(",\"entries\":").append(r.entries());
        sb.append(",\"firstTimestamp\":").append(r.firstTimestamp() == Long.MIN_VALUE ? "null" : r.firstTimestamp());
        sb.append(",\"lastTimestamp\":").append(r.lastTimestamp() == Long.MIN_VALUE ? "null" : r.lastTimestamp());
        sb.append(",\"stateHash\":").append(r.finalStateHash() == null ? "null" : Json.quote(r.finalStateHash()));
        sb.append(",\"invariantChecks\":").append(r.invariantChecks());
        sb.append(",\"violations\":[");
        for (int i = 0; i < r.violations().size(); i++) {
            sb.append(i == 0 ? "" : ",").append("{\"sequence\":").append(r.violations().get(i).sequence())
                .append(",\"description\":").append(Json.quote(r.violations().get(i).description())).append('}');
        }
        sb.append("],\"error\":").append(r.error() == null ? "null" : Json.quote(r.error()));
        return sb.append('}').toString();
    }
}

package io.allianceledger.cli;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.ParticipantBalances;
import io.allianceledger.cli.events.Amounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ledger balance DIR CODE [--as-of TIME]}: a participant's balances and position. */
@Command(name = "balance", mixinStandardHelpOptions = true,
    description = "Show a participant's accounts and its clearing position by movement kind, now or --as-of a "
        + "past time (state rebuilt read-only from the journal).")
final class BalanceCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory.")
    Path directory;

    @Parameters(index = "1", paramLabel = "CODE", description = "The participant's code.")
    String code;

    @Option(names = "--as-of", paramLabel = "TIME", description = "ISO-8601 time with offset.")
    String asOf;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        final AllianceDomain domain = StateView.at(directory, asOf);
        final ParticipantBalances b = domain.balances(code)
            .orElseThrow(() -> new UserError("no participant with code " + code));
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            final StringBuilder sb = new StringBuilder("{\"code\":").append(Json.quote(b.code()))
                .append(",\"role\":").append(Json.quote(b.role().name())).append(",\"accounts\":[");
            for (int i = 0; i < b.accounts().size(); i++) {
                final ParticipantBalances.Balance a = b.accounts().get(i);
                sb.append(i == 0 ? "" : ",").append("{\"kind\":").append(Json.quote(a.kind().name()))
                    .append(",\"debits\":").append(a.debits()).append(",\"credits\":").append(a.credits()).append('}');
            }
            sb.append("],\"position\":{\"net\":").append(b.position().net()).append(",\"byKind\":{");
            boolean first = true;
            for (final Map.Entry<?, Long> e : b.position().byKind().entrySet()) {
                sb.append(first ? "" : ",").append(Json.quote(e.getKey().toString())).append(':').append(e.getValue());
                first = false;
            }
            out.println(sb.append("}}}"));
        } else {
            out.println(b.code() + " (" + b.role() + ")" + (asOf == null ? "" : " as of " + asOf));
            for (final ParticipantBalances.Balance a : b.accounts()) {
                out.printf("  %-20s debits %s  credits %s%n", a.kind(), amount(a, a.debits()), amount(a, a.credits()));
            }
            out.println("  position (credit = the operator owes it): " + Amounts.formatFen(b.position().net()) + " CNY");
            for (final Map.Entry<?, Long> e : b.position().byKind().entrySet()) {
                out.printf("    %-18s %s%n", e.getKey(), Amounts.formatFen(e.getValue()));
            }
        }
        return ExitCodes.OK;
    }

    private static String amount(final ParticipantBalances.Balance a, final long value) {
        return a.kind().name().contains("POINTS") ? value + " points" : Amounts.formatFen(value) + " CNY";
    }
}

package io.allianceledger.cli;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.MemberPoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ledger points DIR MEMBER [--as-of TIME]}: a member's points. */
@Command(name = "points", mixinStandardHelpOptions = true,
    description = "Show a member's points: available, pending (locked), held, expired but not yet swept, owed "
        + "(negative balance), and available points by last valid date; now or --as-of a past time.")
final class PointsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory.")
    Path directory;

    @Parameters(index = "1", paramLabel = "MEMBER", description = "The member's code.")
    String member;

    @Option(names = "--as-of", paramLabel = "TIME", description = "ISO-8601 time with offset.")
    String asOf;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() {
        final AllianceDomain domain = StateView.at(directory, asOf);
        final long when = StateView.millis(asOf, System.currentTimeMillis());
        final MemberPoints p = domain.memberPoints(member, when)
            .orElseThrow(() -> new UserError("no member with code " + member));
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            final StringBuilder sb = new StringBuilder("{\"member\":").append(Json.quote(p.member()))
                .append(",\"asOf\":").append(p.asOf()).append(",\"available\":").append(p.available())
                .append(",\"pending\":").append(p.pending()).append(",\"held\":").append(p.held())
                .append(",\"expired\":").append(p.expired()).append(",\"owed\":").append(p.owed())
                .append(",\"byExpiry\":[");
            for (int i = 0; i < p.byExpiryDate().size(); i++) {
                final MemberPoints.ExpiryBucket b = p.byExpiryDate().get(i);
                sb.append(i == 0 ? "" : ",").append("{\"lastValidDate\":").append(Json.quote(b.lastValidDate().toString()))
                    .append(",\"points\":").append(b.points()).append('}');
            }
            out.println(sb.append("]}"));
        } else {
            out.println(p.member() + (asOf == null ? "" : " as of " + asOf) + ": " + p.available() + " available, "
                + p.pending() + " pending, " + p.held() + " held, " + p.expired() + " expired (unswept), " + p.owed()
                + " owed");
            for (final MemberPoints.ExpiryBucket b : p.byExpiryDate()) {
                out.println("  " + b.points() + " valid through " + b.lastValidDate());
            }
        }
        return ExitCodes.OK;
    }
}

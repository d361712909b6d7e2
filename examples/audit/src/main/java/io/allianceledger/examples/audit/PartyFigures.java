package io.allianceledger.examples.audit;

import io.allianceledger.alliance.AccountKind;
import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.MovementKind;
import io.allianceledger.alliance.Page;
import io.allianceledger.alliance.ParticipantBalances;
import io.allianceledger.alliance.StatementLine;
import io.allianceledger.command.CommandId;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What an auditor compares for one clearing party at one moment: its statement so far (every line of every cycle
 * up to the open one, in operation order), its open-cycle position, its clearing account's totals, and the hash of
 * the whole ledger's state. Read the same way from the live ledger and from a replay, so any difference comes from
 * the state, never from how it was read.
 *
 * @param party           the party's code.
 * @param statement       its statement lines, cycle by cycle.
 * @param position        its clearing balance in fen, credit positive (the operator owes the party).
 * @param carriedIn       what the last close carried forward.
 * @param movements       its movements since the last close, by kind, in fen.
 * @param clearingDebits  posted debits of its clearing account, fen.
 * @param clearingCredits posted credits of its clearing account, fen.
 * @param stateHash       the ledger's state hash at that moment.
 */
record PartyFigures(String party, List<StatementLine> statement, long position, long carriedIn,
    SortedMap<MovementKind, Long> movements, long clearingDebits, long clearingCredits, String stateHash) {
    private static final int PAGE = 256;

    /** Copies the collections; the movements are sorted so that printing them is stable. */
    PartyFigures {
        statement = List.copyOf(statement);
        movements = Collections.unmodifiableSortedMap(new TreeMap<>(movements));
    }

    /**
     * Reads a party's figures from the alliance domain of a state machine: on the engine thread through
     * {@code Ledger.queryExtension}, or directly on a replayed machine that nothing else uses.
     *
     * @param domain    the alliance domain.
     * @param party     a clearing party's code.
     * @param stateHash the state hash read at the same moment.
     * @return its figures.
     * @throws IllegalArgumentException if no clearing party has that code.
     */
    static PartyFigures of(final AllianceDomain domain, final String party, final String stateHash) {
        final ParticipantBalances balances = domain.balances(party)
            .filter(b -> b.position() != null)
            .orElseThrow(() -> new IllegalArgumentException("no clearing party with code " + party));
        final List<StatementLine> lines = new ArrayList<>();
        final int openCycle = domain.ledgerTime().closedCycles() + 1;
        for (int cycle = 1; cycle <= openCycle; cycle++) {
            long cursor = Page.FIRST;
            while (cursor != Page.END) {
                final Page<StatementLine> page = domain.statement(cycle, party, cursor, PAGE).orElseThrow();
                lines.addAll(page.items());
                cursor = page.next();
            }
        }
        final ParticipantBalances.Balance clearing = balances.accounts().stream()
            .filter(a -> a.kind() == AccountKind.CLEARING).findFirst().orElseThrow();
        final ParticipantBalances.Position p = balances.position();
        return new PartyFigures(party, lines, p.net(), p.carriedIn(), new TreeMap<>(p.byKind()), clearing.debits(),
            clearing.credits(), stateHash);
    }

    /**
     * @param other the figures to compare with.
     * @return the names of the figures that differ, empty when all match.
     */
    List<String> differences(final PartyFigures other) {
        final List<String> names = new ArrayList<>();
        if (!party.equals(other.party)) {
            names.add("party");
        }
        if (!statement.equals(other.statement)) {
            names.add("statement");
        }
        if (position != other.position || carriedIn != other.carriedIn || !movements.equals(other.movements)) {
            names.add("position");
        }
        if (clearingDebits != other.clearingDebits || clearingCredits != other.clearingCredits) {
            names.add("clearing account");
        }
        if (!stateHash.equals(other.stateHash)) {
            names.add("state hash");
        }
        return names;
    }

    /**
     * Prints the figures, naming operations by the host's own ids where it knows them.
     *
     * @param out   where to.
     * @param names the host's names of command ids.
     * @param zone  the alliance's time zone, for business times.
     */
    void print(final PrintStream out, final Map<CommandId, String> names, final ZoneId zone) {
        out.println("  statement of " + party + ":");
        for (final StatementLine l : statement) {
            out.printf(Locale.ROOT, "    cycle %d  %s  %-11s %+7d  %s%s%n", l.cycle(),
                Instant.ofEpochMilli(l.time()).atZone(zone).toOffsetDateTime(), l.kind(), l.amount(),
                names.getOrDefault(l.operation(), l.operation().toString()), l.late() ? "  (late)" : "");
        }
        out.println("  position " + position + " fen (carried in " + carriedIn + ", movements in the open cycle "
            + movements + ")");
        out.println("  clearing account: debits " + clearingDebits + " fen, credits " + clearingCredits + " fen");
        out.println("  state hash " + stateHash);
    }
}

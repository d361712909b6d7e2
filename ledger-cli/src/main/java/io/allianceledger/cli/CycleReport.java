package io.allianceledger.cli;

import io.allianceledger.alliance.CycleView;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.cli.events.Amounts;
import io.allianceledger.journal.Damage;
import io.allianceledger.journal.audit.AuditReport;
import io.allianceledger.journal.audit.Violation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.html}: one closed cycle on one static page for the operator's finance team: who pays and who is
 * paid, the points, the operator's result, the channels' reconciliations and the journal's audit.
 * <p>
 * The page stands alone: UTF-8, inline CSS and inline SVG, no script and no URL of any kind, so it opens from a
 * mail attachment or an archive years later exactly as it was written. Figures are formatted as in
 * {@code settlement.csv} (yuan with two decimals, whole points) and the ones a check compares carry
 * {@code data-*} attributes naming them. Nothing in it depends on the clock: the same ledger gives the same bytes.
 */
final class CycleReport {
    /** Roles that settle, in the order the page lists them. */
    static final List<Role> ROLES = List.of(Role.AGENT, Role.HQ, Role.STORE, Role.CHANNEL);
    /** Parties listed as top payees and top payers. */
    static final int TOP = 10;
    /** Differing reconciliation lines listed per channel; the rest are counted. */
    static final int DIFFERENCES_SHOWN = 25;
    /** Audit violations listed; the rest are counted. */
    static final int VIOLATIONS_SHOWN = 20;

    private static final String PAYS = "#2f6f9f";
    private static final String COLLECTS = "#d08a3c";
    private static final String UP = "#3f8f5a";
    private static final String DOWN = "#c0533f";
    private static final String LEVEL = "#5b6b82";

    private final String ledgerName;
    private final ZoneId zone;
    private final CycleView cycle;
    private final List<Reconciliation> reconciliations;
    private final Map<Reconciliation, String> billNames;
    private final AuditReport audit;
    private final long auditCheckEvery;
    private final Map<Role, RoleTotals> byRole = new EnumMap<>(Role.class);
    private final RoleTotals all = new RoleTotals();

    /** Settlement totals of one role (or of every party). */
    private static final class RoleTotals {
        int parties;
        int payees;
        int payers;
        long paid;
        long collected;
        int carriedParties;
        long carried;

        void add(final CycleView.PartyLine p) {
            parties++;
            if (p.settled() > 0) {
                payees++;
                paid += p.settled();
            } else if (p.settled() < 0) {
                payers++;
                collected -= p.settled();
            }
            if (p.carriedOut() != 0) {
                carriedParties++;
                carried += p.carriedOut();
            }
        }
    }

    /**
     * @param ledgerName      the ledger's name (ledger.properties).
     * @param zone            the alliance's time zone.
     * @param cycle           the closed cycle.
     * @param reconciliations the channels' bills matched over the cycle, in the order given; may be empty.
     * @param billNames       each reconciliation's bill file name, as the page shows it.
     * @param audit           the journal's audit, run after the close.
     * @param auditCheckEvery the audit's invariant check interval.
     */
    CycleReport(final String ledgerName, final ZoneId zone, final CycleView cycle,
        final List<Reconciliation> reconciliations, final Map<Reconciliation, String> billNames,
        final AuditReport audit, final long auditCheckEvery) {
        this.ledgerName = ledgerName;
        this.zone = zone;
        this.cycle = cycle;
        this.reconciliations = List.copyOf(reconciliations);
        this.billNames = Map.copyOf(billNames);
        this.audit = audit;
        this.auditCheckEvery = auditCheckEvery;
        for (final Role r : ROLES) {
            byRole.put(r, new RoleTotals());
        }
        for (final CycleView.PartyLine p : cycle.parties()) {
            byRole.computeIfAbsent(p.role(), r -> new RoleTotals()).add(p);
            all.add(p);
        }
    }

    /** Writes the page (UTF-8). */
    void write(final Path file) throws IOException {
        Files.writeString(file, render(), StandardCharsets.UTF_8);
    }

    /** @return the page. */
    String render() {
        final Html h = new Html();
        h.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .element("title", "Cycle " + cycle.number() + " · " + ledgerName + " · clearing report").nl()
            .raw("<style>\n").raw(STYLE).raw("</style>\n</head>\n<body>\n<main>\n");
        header(h);
        settlement(h);
        points(h);
        operatorResult(h);
        reconciliation(h);
        audit(h);
        footer(h);
        h.raw("</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private String time(final long millis) {
        return ClearCommand.time(millis, zone);
    }

    private static String fen(final long fen) {
        return Amounts.formatFen(fen);
    }

    /** @return what needs a person, one phrase each; empty when nothing does. */
    List<String> attention() {
        final List<String> items = new ArrayList<>();
        for (final Reconciliation r : reconciliations) {
            if (r.differences() > 0) {
                items.add(r.channel() + ": " + r.differences() + " reconciliation difference"
                    + (r.differences() == 1 ? "" : "s"));
            }
        }
        if (!audit.ok()) {
            items.add(audit.error() != null ? "audit stopped: the journal did not verify to its end"
                : "audit: " + audit.violations().size() + " violation" + (audit.violations().size() == 1 ? "" : "s"));
        }
        return items;
    }

    private void header(final Html h) {
        h.open("header", "id", "cycle").nl();
        h.open("h1").text("Clearing cycle " + cycle.number() + " ").element("span", ledgerName, "class", "ledger")
            .close("h1").nl();
        h.open("p", "class", "period").text("[" + time(cycle.start()) + ", " + time(cycle.end()) + ") · " + zone.getId()
            + " · operator " + cycle.operator().code() + " · late events booked into this cycle: " + cycle.lateEvents())
            .close("p").nl();
        final List<String> attention = attention();
        if (attention.isEmpty()) {
            h.element("p", "Nothing needs a person: the settlement sums to zero"
                + (reconciliations.isEmpty() ? "" : ", every bill matched") + " and the audit found no violation.",
                "class", "status ok", "data-status", "ok").nl();
        } else {
            h.element("p", "Needs a person: " + String.join("; ", attention) + ".", "class", "status attention",
                "data-status", "attention").nl();
        }
        h.open("dl", "class", "cards").nl();
        card(h, "Operator pays", fen(all.paid) + " CNY", "to " + all.payees + " part" + (all.payees == 1 ? "y" : "ies"),
            "paid", fen(all.paid));
        card(h, "Operator collects", fen(all.collected) + " CNY",
            "from " + all.payers + " part" + (all.payers == 1 ? "y" : "ies"), "collected", fen(all.collected));
        card(h, "Operator result", fen(cycle.operator().result()) + " CNY", "fees, spread, breakage, recoveries",
            "result", fen(cycle.operator().result()));
        card(h, "Points outstanding", Long.toString(cycle.points().outstanding()), "at the close",
            "outstanding", Long.toString(cycle.points().outstanding()));
        h.close("dl").nl();
        h.open("nav").raw("<a href=\"#settlement\">Settlement</a> <a href=\"#points\">Points</a> ")
            .raw("<a href=\"#result\">Operator result</a> <a href=\"#reconciliation\">Reconciliation</a> ")
            .raw("<a href=\"#audit\">Audit</a>").close("nav").nl();
        h.close("header").nl();
    }

    /** A summary card; the figure's attribute names it for checks ({@code data-card} so it never doubles a table's). */
    private static void card(final Html h, final String title, final String shown, final String note,
        final String name, final String figure) {
        h.open("div", "class", "card").element("dt", title)
            .open("dd", "data-card", name, "data-value", figure).text(shown).close("dd")
            .element("dd", note, "class", "note").close("div").nl();
    }

    private void settlement(final Html h) {
        h.open("section", "id", "settlement").nl().element("h2", "Settlement: who pays and who is paid").nl();
        h.element("p", "Positive amounts: the operator owes or pays the party; negative: the party owes or pays the "
            + "operator (the signs of settlement.csv). A position below the party's minimum settlement is carried "
            + "forward instead of settled.", "class", "muted").nl();
        h.open("table", "class", "roles").nl().raw("<thead><tr><th>Role</th><th class=\"num\">Parties</th>")
            .raw("<th class=\"num\">Operator pays</th><th class=\"num\">Operator collects</th>")
            .raw("<th class=\"num\">Net settled</th><th class=\"num\">Carried forward</th>")
            .raw("<th class=\"num\">Parties carrying</th></tr></thead>\n<tbody>\n");
        for (final Role r : ROLES) {
            roleRow(h, r.name(), r.name() + "-", byRole.get(r), false);
        }
        h.raw("</tbody>\n<tfoot>\n");
        roleRow(h, "All parties", "", all, true);
        h.raw("</tfoot>\n").close("table").nl();

        final List<SvgBars.Bar> bars = new ArrayList<>();
        for (final Role r : ROLES) {
            final RoleTotals t = byRole.get(r);
            bars.add(new SvgBars.Bar(r.name(), 0, t.paid, PAYS, fen(t.paid), true));
            bars.add(new SvgBars.Bar("", 0, t.collected, COLLECTS, fen(t.collected), false));
        }
        h.open("figure").nl();
        SvgBars.write(h, "Settlement by role, CNY", 900, bars,
            List.of(new SvgBars.Key(PAYS, "operator pays"), new SvgBars.Key(COLLECTS, "operator collects")));
        h.nl().element("figcaption", "Settlement by role, CNY").close("figure").nl();

        long partiesSum = 0;
        for (final CycleView.PartyLine p : cycle.parties()) {
            partiesSum += p.settled();
        }
        final long zeroSum = partiesSum + cycle.operator().settled();
        h.open("p", "class", zeroSum == 0 ? "check ok" : "check failed").text("Zero-sum check: the parties' settled "
                + "amounts sum to " + fen(partiesSum) + " CNY, the operator's settled is " + fen(cycle.operator().settled())
                + " CNY; together ").open("strong", "data-total", "zero-sum").text(fen(zeroSum)).close("strong")
            .text(" CNY.").close("p").nl();
        long owedTo = 0;
        long owedBy = 0;
        for (final CycleView.PartyLine p : cycle.parties()) {
            if (p.carriedOut() > 0) {
                owedTo += p.carriedOut();
            } else {
                owedBy -= p.carriedOut();
            }
        }
        h.open("p").text("Carried forward into the next cycle: ")
            .element("strong", Integer.toString(all.carriedParties), "data-total", "carried-count")
            .text(" part" + (all.carriedParties == 1 ? "y" : "ies") + ", net ")
            .element("strong", fen(all.carried), "data-total", "carried")
            .text(" CNY (the operator owes " + fen(owedTo) + " CNY, parties owe " + fen(owedBy) + " CNY).").close("p").nl();

        h.open("div", "class", "two").nl();
        topParties(h, "Top payees: the operator pays them", true);
        topParties(h, "Top payers: they pay the operator", false);
        h.close("div").nl();
        h.close("section").nl();
    }

    private static void roleRow(final Html h, final String label, final String key, final RoleTotals t,
        final boolean total) {
        h.open("tr", "class", total ? "total" : null).element(total ? "th" : "td", label)
            .element("td", Integer.toString(t.parties), "class", "num", "data-total", key + "parties")
            .element("td", fen(t.paid), "class", "num", "data-total", key + "paid")
            .element("td", fen(t.collected), "class", "num", "data-total", key + "collected")
            .element("td", fen(t.paid - t.collected), "class", "num", "data-total", key + "net")
            .element("td", fen(t.carried), "class", "num", "data-total", key + "carried")
            .element("td", Integer.toString(t.carriedParties), "class", "num", "data-total", key + "carried-count")
            .close("tr").nl();
    }

    private void topParties(final Html h, final String title, final boolean payees) {
        final List<CycleView.PartyLine> list = new ArrayList<>();
        for (final CycleView.PartyLine p : cycle.parties()) {
            if (payees ? p.settled() > 0 : p.settled() < 0) {
                list.add(p);
            }
        }
        // Largest amount first; equal amounts keep registration order (the sort is stable).
        list.sort(Comparator.comparingLong(p -> payees ? -p.settled() : p.settled()));
        h.open("div").element("h3", title).nl();
        if (list.isEmpty()) {
            h.element("p", payees ? "The operator pays no party in this cycle." : "No party pays the operator in this cycle.",
                "class", "muted").close("div").nl();
            return;
        }
        h.open("table", "class", "parties", "data-list", payees ? "payees" : "payers").nl()
            .raw("<thead><tr><th>Party</th><th>Role</th><th class=\"num\">Carried in</th>")
            .raw("<th class=\"num\">Position</th><th class=\"num\">Settled</th></tr></thead>\n<tbody>\n");
        for (final CycleView.PartyLine p : list.subList(0, Math.min(TOP, list.size()))) {
            h.open("tr").element("td", p.code(), "class", "code")
                .element("td", p.role().name())
                .element("td", fen(p.carriedIn()), "class", "num", "data-code", p.code(), "data-field", "carried_in")
                .element("td", fen(p.position()), "class", "num", "data-code", p.code(), "data-field", "position")
                .element("td", fen(p.settled()), "class", "num", "data-code", p.code(), "data-field", "settled")
                .close("tr").nl();
        }
        h.raw("</tbody>\n").close("table").nl();
        if (list.size() > TOP) {
            long rest = 0;
            for (final CycleView.PartyLine p : list.subList(TOP, list.size())) {
                rest += p.settled();
            }
            h.element("p", "… and " + (list.size() - TOP) + " more, " + fen(rest) + " CNY together (settlement.csv).",
                "class", "more").nl();
        }
        h.close("div").nl();
    }

    private void points(final Html h) {
        final CycleView.PointsLine p = cycle.points();
        final long opening = p.outstanding() - p.issued() + p.redeemed() + p.expired() + p.clawedBack() - p.corrected();
        h.open("section", "id", "points").nl().element("h2", "Points").nl();
        h.open("div", "class", "two").nl().open("div").nl();
        h.open("table", "class", "figures").nl()
            .raw("<thead><tr><th>Points</th><th class=\"num\">Points</th></tr></thead>\n<tbody>\n");
        pointsRow(h, "Outstanding at the start", opening, "opening", false);
        pointsRow(h, "Issued (accruals)", p.issued(), "issued", false);
        pointsRow(h, "Redeemed (redemptions and captured holds)", p.redeemed(), "redeemed", false);
        pointsRow(h, "Expired", p.expired(), "expired", false);
        pointsRow(h, "Clawed back (accrual refunds)", p.clawedBack(), "clawedBack", false);
        pointsRow(h, "Corrected (net, + given back)", p.corrected(), "corrected", false);
        h.raw("</tbody>\n<tfoot>\n");
        pointsRow(h, "Outstanding at the close", p.outstanding(), "outstanding", true);
        h.raw("</tfoot>\n").close("table").nl();
        h.element("p", "Outstanding at the close = at the start + issued − redeemed − expired − clawed back + corrected. "
            + "The change in their value, the points liability, is in the operator's result.", "class", "muted").nl();
        h.close("div").nl().open("figure").nl();
        final List<SvgBars.Bar> bars = new ArrayList<>();
        long level = opening;
        bars.add(new SvgBars.Bar("at the start", 0, opening, LEVEL, Long.toString(opening), true));
        level = step(bars, "issued", level, p.issued());
        level = step(bars, "redeemed", level, -p.redeemed());
        level = step(bars, "expired", level, -p.expired());
        level = step(bars, "clawed back", level, -p.clawedBack());
        step(bars, "corrected", level, p.corrected());
        bars.add(new SvgBars.Bar("at the close", 0, p.outstanding(), LEVEL, Long.toString(p.outstanding()), true));
        SvgBars.write(h, "Points outstanding, start to close", 470, bars, List.of(new SvgBars.Key(UP, "+ points"),
            new SvgBars.Key(DOWN, "− points")));
        h.nl().element("figcaption", "Points outstanding from the start of the cycle to its close").close("figure").nl();
        h.close("div").nl().close("section").nl();
    }

    private static long step(final List<SvgBars.Bar> bars, final String label, final long level, final long delta) {
        bars.add(new SvgBars.Bar(label, level, level + delta, delta >= 0 ? UP : DOWN,
            (delta > 0 ? "+" : delta < 0 ? "−" : "") + Math.abs(delta), false));
        return level + delta;
    }

    private static void pointsRow(final Html h, final String label, final long points, final String key,
        final boolean total) {
        h.open("tr", "class", total ? "total" : null).element(total ? "th" : "td", label)
            .element("td", Long.toString(points), "class", "num", "data-points", key).close("tr").nl();
    }

    private void operatorResult(final Html h) {
        final CycleView.OperatorLine o = cycle.operator();
        h.open("section", "id", "result").nl().element("h2", "Operator result").nl();
        h.open("table", "class", "figures narrow").nl()
            .raw("<thead><tr><th>Item</th><th class=\"num\">CNY</th></tr></thead>\n<tbody>\n");
        resultRow(h, "Fee revenue (its share of sale fees)", o.feeIncome(), "fee_revenue", null);
        resultRow(h, "Redemption spread", o.redemptionSpread(), "redemption_spread", null);
        resultRow(h, "Breakage (value of expired points)", o.breakage(), "breakage", null);
        resultRow(h, "Shortfall recovery", o.shortfallRecovery(), "shortfall_recovery", null);
        resultRow(h, "Forgiven shortfall", -o.shortfallLoss(), "forgiven_shortfall", null);
        resultRow(h, "Result for the cycle", o.result(), "result", "total");
        resultRow(h, "Change in points liability", o.liabilityChange(), "points_liability_change", "sep");
        resultRow(h, "Operator's settlement (settled)", o.settled(), "settled", null);
        h.raw("</tbody>\n").close("table").nl();
        h.element("p", "The same figures as operator-result.csv. The settlement is the other side of every party's: "
            + "positive, the operator collects more than it pays.", "class", "muted").nl();
        h.close("section").nl();
    }

    private static void resultRow(final Html h, final String label, final long fen, final String key, final String cls) {
        h.open("tr", "class", cls).element("total".equals(cls) ? "th" : "td", label)
            .element("td", fen(fen), "class", "num", "data-result", key).close("tr").nl();
    }

    private void reconciliation(final Html h) {
        h.open("section", "id", "reconciliation").nl().element("h2", "Reconciliation of channel bills").nl();
        if (reconciliations.isEmpty()) {
            h.element("p", "No channel bill was given for this cycle (ledger clear --bill CHANNEL=FILE).", "class",
                "muted").nl();
        }
        for (final Reconciliation r : reconciliations) {
            h.open("div", "class", "channel", "data-channel", r.channel()).nl();
            h.open("h3").text(r.channel() + " ").element("span", "bill " + billNames.get(r) + ", ["
                + time(r.from()) + ", " + time(r.to()) + ")", "class", "muted").close("h3").nl();
            h.open("table", "class", "figures narrow").nl().raw("<thead><tr><th>Status</th>")
                .raw("<th class=\"num\">Transactions</th><th class=\"num\">CNY</th><th>Amount is</th></tr></thead>\n")
                .raw("<tbody>\n");
            for (final Reconciliation.Status s : Reconciliation.Status.values()) {
                h.open("tr", "class", s != Reconciliation.Status.MATCHED && r.count(s) > 0 ? "differs" : null)
                    .element("td", s.name())
                    .element("td", Long.toString(r.count(s)), "class", "num", "data-channel", r.channel(),
                        "data-status", s.name(), "data-field", "count")
                    .element("td", fen(r.amount(s)), "class", "num", "data-channel", r.channel(), "data-status",
                        s.name(), "data-field", "amount")
                    .element("td", switch (s) {
                        case MATCHED, MISSING_IN_BILL -> "the ledger's total";
                        case MISSING_IN_LEDGER -> "the bill's total";
                        case AMOUNT_DIFFERS -> "net, ledger − bill";
                    }, "class", "muted").close("tr").nl();
            }
            h.raw("</tbody>\n").close("table").nl();
            if (r.differences() == 0) {
                h.element("p", "Every transaction matched.", "class", "check ok").nl();
            } else {
                differences(h, r);
            }
            h.close("div").nl();
        }
        h.close("section").nl();
    }

    private void differences(final Html h, final Reconciliation r) {
        // Fixed layout with explicit widths keeps the nine columns inside the card; times and long ids wrap.
        h.open("table", "class", "lines").nl().raw("<colgroup><col style=\"width:14%\"><col style=\"width:13%\">"
            + "<col style=\"width:8%\"><col style=\"width:8%\"><col style=\"width:10%\"><col style=\"width:13%\">"
            + "<col style=\"width:13%\"><col style=\"width:8%\"><col style=\"width:13%\"></colgroup>\n").raw("<thead><tr><th>Status</th><th>Channel transaction</th>")
            .raw("<th class=\"num\">Bill</th><th class=\"num\">Ledger</th><th class=\"num\">Difference</th>")
            .raw("<th>Bill time</th><th>Ledger time</th><th>Store</th><th>Operation</th></tr></thead>\n<tbody>\n");
        int shown = 0;
        for (final Reconciliation.Row row : r.rows()) {
            if (row.status() == Reconciliation.Status.MATCHED) {
                continue;
            }
            if (shown++ == DIFFERENCES_SHOWN) {
                break;
            }
            h.open("tr", "data-channel", r.channel(), "data-status", row.status().name(), "data-txn",
                    row.txn() == null ? "" : row.txn())
                .element("td", row.status().name())
                .element("td", row.txn() == null ? "(none)" : row.txn(), "class", "code")
                .element("td", amount(row.billAmount()), "class", "num")
                .element("td", amount(row.ledgerAmount()), "class", "num")
                .element("td", amount(row.difference()), "class", "num", "data-field", "difference")
                .element("td", r.time(row.billTime()), "class", "time")
                .element("td", r.time(row.ledgerTime()), "class", "time")
                .element("td", row.store() == null ? "" : row.store(), "class", "code")
                .element("td", row.operation() == null ? "" : row.operation(), "class", "code")
                .close("tr").nl();
        }
        h.raw("</tbody>\n").close("table").nl();
        if (r.differences() > DIFFERENCES_SHOWN) {
            h.element("p", "… and " + (r.differences() - DIFFERENCES_SHOWN) + " more differing lines in reconcile-"
                + r.channel() + ".csv.", "class", "more").nl();
        }
    }

    private static String amount(final Long fen) {
        return fen == null ? "" : fen(fen);
    }

    private void audit(final Html h) {
        h.open("section", "id", "audit").nl().element("h2", "Audit of the journal").nl();
        h.element("p", audit.ok() ? "OK: every record's checksum and the hash chain verified, every command replayed "
                + "with the invariants checked, and no violation."
                : "FAILED: see below; the ledger's figures need a person before anything is paid.",
            "class", audit.ok() ? "status ok" : "status attention", "data-audit", "result").nl();
        h.open("table", "class", "facts").nl().raw("<tbody>\n");
        fact(h, "Ledger (as the journal names it)", audit.ledgerName() == null ? "(none)" : audit.ledgerName(), "ledger");
        fact(h, "Commands verified", audit.commands() + " (created " + audit.created() + ", duplicates "
            + audit.duplicates() + ", rejected " + audit.rejected() + ")", "commands");
        fact(h, "Entries", Long.toString(audit.entries()), "entries");
        fact(h, "Checksums and hash chain", audit.error() == null ? "OK: verified for every record"
            : "stopped: " + audit.error(), "chain");
        fact(h, "Invariant checks", audit.invariantChecks() + " (after every " + auditCheckEvery
            + (auditCheckEvery == 1 ? " command)" : " commands and after the last)"), "invariant-checks");
        fact(h, "Snapshots checked", Integer.toString(audit.snapshotsChecked()), "snapshots");
        if (audit.startSnapshot() != null) {
            fact(h, "Started from snapshot", audit.startSnapshot().getFileName() + " (sequence "
                + audit.firstSequence() + ")", "start-snapshot");
        }
        h.open("tr").element("th", "Final state hash").open("td", "class", "code").open("code", "data-audit",
            "state-hash").text(audit.finalStateHash() == null ? "(none)" : audit.finalStateHash()).close("code")
            .close("td").close("tr").nl();
        fact(h, "Violations", Integer.toString(audit.violations().size()), "violations");
        for (final Damage d : audit.voided()) {
            fact(h, "Voided at an earlier open", d.toString(), null);
        }
        if (audit.tornTail() != null) {
            fact(h, "Torn tail", audit.tornTail() + " (never acknowledged; the next open discards it)", null);
        }
        h.raw("</tbody>\n").close("table").nl();
        if (!audit.violations().isEmpty()) {
            h.open("ul", "class", "violations").nl();
            for (final Violation v : audit.violations().subList(0, Math.min(VIOLATIONS_SHOWN, audit.violations().size()))) {
                h.element("li", v.toString()).nl();
            }
            h.close("ul").nl();
            if (audit.violations().size() > VIOLATIONS_SHOWN) {
                h.element("p", "… and " + (audit.violations().size() - VIOLATIONS_SHOWN) + " more (ledger audit).",
                    "class", "more").nl();
            }
        }
        h.close("section").nl();
    }

    private static void fact(final Html h, final String label, final String value, final String key) {
        h.open("tr").element("th", label).element("td", value, "data-audit", key).close("tr").nl();
    }

    private void footer(final Html h) {
        h.open("footer").nl().open("p").text("Written by ledger clear from the ledger's journal. Amounts in CNY "
                + "(yuan, two decimals) and whole points, as in ")
            .raw("<a href=\"settlement.csv\">settlement.csv</a>, <a href=\"statements.jsonl\">statements.jsonl</a> ")
            .raw("and <a href=\"operator-result.csv\">operator-result.csv</a>");
        for (final Reconciliation r : reconciliations) {
            h.raw(", ").open("a", "href", "reconcile-" + r.channel() + ".csv").text("reconcile-" + r.channel() + ".csv")
                .close("a");
        }
        h.text(", beside this page.").close("p").nl().close("footer").nl();
    }

    private static final String STYLE = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #eef0f3; color: #1d2330;
          font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
        main { max-width: 1100px; margin: 0 auto; padding: 24px 28px 32px; }
        h1 { font-size: 24px; margin: 0 0 2px; }
        h1 .ledger { font-weight: 400; color: #5a6578; margin-left: 6px; }
        h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 2px solid #dde1e7; }
        h3 { font-size: 14.5px; margin: 16px 0 8px; }
        h3 .muted { font-weight: 400; font-size: 13px; }
        .period { margin: 0; color: #3b4556; }
        section { background: #fff; border: 1px solid #dde1e7; border-radius: 6px; padding: 16px 22px 18px;
          margin: 16px 0; }
        table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
        table.narrow { width: auto; min-width: 480px; }
        table.lines { table-layout: fixed; font-size: 12.5px; }
        table.lines td, table.lines th { padding: 4px 6px; overflow-wrap: anywhere; }
        table.lines .time, table.lines .num { white-space: normal; }
        th, td { padding: 5px 10px; border-bottom: 1px solid #e8ebef; text-align: left; vertical-align: top; }
        thead th { font-size: 12.5px; font-weight: 600; color: #4a5568; background: #f6f7f9;
          border-bottom: 1px solid #d5dae1; }
        tbody th, tfoot th { font-weight: 600; }
        .num { text-align: right; white-space: nowrap; }
        tr.total th, tr.total td { font-weight: 700; border-top: 2px solid #c3c9d2; }
        tr.sep td { border-top: 2px solid #c3c9d2; }
        tr.differs td { color: #9a2617; font-weight: 600; }
        .code, code { font-family: "DejaVu Sans Mono", ui-monospace, monospace; font-size: 12.5px; }
        .time { white-space: nowrap; font-size: 12.5px; }
        table.lines td { font-size: 12.5px; }
        table.facts th { width: 260px; font-weight: 600; color: #3b4556; }
        table.facts code { word-break: break-all; }
        .muted { color: #5a6578; }
        .more { color: #5a6578; font-style: italic; margin: 6px 0 0; }
        .status { padding: 9px 14px; border-radius: 6px; font-weight: 600; margin: 12px 0 0; }
        .status.ok { background: #e6f4ea; color: #14532d; border: 1px solid #b5dfc1; }
        .status.attention { background: #fdecea; color: #8a1c12; border: 1px solid #f1bcb5; }
        .check.ok { color: #14532d; }
        .check.failed { color: #8a1c12; font-weight: 700; }
        .cards { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 14px 0 0; }
        .card { background: #fff; border: 1px solid #dde1e7; border-radius: 6px; padding: 10px 14px; }
        .card dt { font-size: 12.5px; color: #5a6578; }
        .card dd { margin: 2px 0 0; font-size: 21px; font-weight: 650; font-variant-numeric: tabular-nums; }
        .card dd.note { font-size: 12px; font-weight: 400; color: #5a6578; }
        nav { margin: 14px 0 0; font-size: 13px; }
        nav a { margin-right: 14px; }
        a { color: #245d8a; }
        .two { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; align-items: start; }
        figure { margin: 14px 0 6px; }
        figcaption { font-size: 12px; color: #5a6578; margin-top: 2px; }
        svg.chart { display: block; max-width: 100%; height: auto; }
        footer { color: #5a6578; font-size: 12.5px; margin-top: 8px; }
        @media print {
          body { background: #fff; }
          section { border: none; padding: 0; break-inside: avoid; }
          nav { display: none; }
        }
        """;
}

package io.allianceledger.alliance;

import io.allianceledger.command.CommandId;
import io.allianceledger.engine.EntryView;
import io.allianceledger.engine.StateExtension;
import io.allianceledger.ledger.Ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Typed queries of the alliance domain through a running {@link Ledger} whose extension is an
 * {@link AllianceDomain}. Each query travels the ring like a command, so it sees every command the same thread
 * submitted before it.
 * <pre>{@code
 * try (Ledger ledger = Ledger.open(LedgerConfig.builder().extension(AllianceDomain::new).build())) {
 *     AllianceQueries alliance = new AllianceQueries(ledger);
 *     MemberPoints points = alliance.memberPoints("member-1", now).join().orElseThrow();
 * }
 * }</pre>
 */
public final class AllianceQueries {
    private final Ledger ledger;

    /** @param ledger a ledger opened with an {@link AllianceDomain} extension. */
    public AllianceQueries(final Ledger ledger) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /**

     * @see AllianceDomain#participant(String)

     * @param code a code.

     * @return the participant.

     */
    public CompletableFuture<Optional<ParticipantView>> participant(final String code) {
        return ask(d -> d.participant(code));
    }

    /**
     * Member points: available, pending, held, expired-unswept, owed, and by expiry date.
     *
     * @param memberCode the member.
     * @param asOf       business time, epoch milliseconds.
     * @return the points, or empty if no such member.
     */
    public CompletableFuture<Optional<MemberPoints>> memberPoints(final String memberCode, final long asOf) {
        return ask(d -> d.memberPoints(memberCode, asOf));
    }

    /**
     * A participant's balances and current-cycle position.
     *
     * @param code the participant.
     * @return its accounts and position, or empty.
     */
    public CompletableFuture<Optional<ParticipantBalances>> balances(final String code) {
        return ask(d -> d.balances(code));
    }

    /**
     * The roll-up of a subtree (an agent and everything under it).
     *
     * @param rootCode the subtree's root.
     * @param asOf     business time deciding where moved stores sit.
     * @return the roll-up, or empty.
     */
    public CompletableFuture<Optional<RollUp>> rollUp(final String rootCode, final long asOf) {
        return ask(d -> d.rollUp(rootCode, asOf));
    }

    /**
     * The entries of an operation, in the order they were posted.
     *
     * @param operationId the operation's command id.
     * @return its entries; each entry's code is {@code ruleVersion << 8 | movement kind}, its reference the
     *     operation it refunds or corrects.
     */
    public CompletableFuture<List<EntryView>> entries(final CommandId operationId) {
        return ledger.entries(operationId);
    }

    /**

     * @param id a sale's command id.

     * @return the sale with its parts.

     */
    public CompletableFuture<Optional<SaleView>> sale(final CommandId id) {
        return ask(d -> d.sale(id));
    }

    /**

     * @param id an accrual's command id.

     * @return the accrual.

     */
    public CompletableFuture<Optional<AccrualView>> accrual(final CommandId id) {
        return ask(d -> d.accrual(id));
    }

    /**

     * @param id a hold's command id.

     * @return the hold.

     */
    public CompletableFuture<Optional<HoldView>> hold(final CommandId id) {
        return ask(d -> d.hold(id));
    }

    /**
     * @param storeCode a store, or null for the alliance default alone.
     * @param time      business time.
     * @return the rule-set version in force then.
     */
    public CompletableFuture<Optional<RuleVersionView>> ruleInForce(final String storeCode, final long time) {
        return ask(d -> d.ruleInForce(storeCode, time));
    }

    /**

     * @param asOf business time.

     * @return lots expiring by then that a sweep has yet to process.

     */
    public CompletableFuture<Long> lotsDue(final long asOf) {
        return ask(d -> d.lotsDue(asOf));
    }

    /**
     * @see AllianceDomain#ledgerTime()
     * @return the newest event time applied, the cycles closed and where the open cycle starts.
     */
    public CompletableFuture<LedgerTime> ledgerTime() {
        return ask(AllianceDomain::ledgerTime);
    }

    /**
     * @see AllianceDomain#cycle(int)
     * @param number a closed cycle's number, from 1.
     * @return the cycle's settlement, or empty.
     */
    public CompletableFuture<Optional<CycleView>> cycle(final int number) {
        return ask(d -> d.cycle(number));
    }

    /**
     * @see AllianceDomain#lastCycle()
     * @return the last closed cycle, or empty.
     */
    public CompletableFuture<Optional<CycleView>> lastCycle() {
        return ask(AllianceDomain::lastCycle);
    }

    /**
     * @see AllianceDomain#cycleEndingAt(long)
     * @param end a cycle's end, epoch milliseconds.
     * @return the closed cycle ending exactly then, or empty.
     */
    public CompletableFuture<Optional<CycleView>> cycleEndingAt(final long end) {
        return ask(d -> d.cycleEndingAt(end));
    }

    /**
     * @see AllianceDomain#statement(int, String, long, int)
     * @param cycle     a closed cycle's number, or the open cycle's.
     * @param partyCode a clearing party.
     * @param cursor    {@link Page#FIRST}, then each page's {@link Page#next()}.
     * @param limit     most lines per page.
     * @return one page of the party's statement, or empty.
     */
    public CompletableFuture<Optional<Page<StatementLine>>> statement(final int cycle, final String partyCode,
        final long cursor, final int limit) {
        return ask(d -> d.statement(cycle, partyCode, cursor, limit));
    }

    /**
     * @see AllianceDomain#statementLines(int, long, int)
     * @param cycle  a closed cycle's number, or the open cycle's.
     * @param cursor {@link Page#FIRST}, then each page's {@link Page#next()}.
     * @param limit  most lines per page.
     * @return one page of every party's lines, or empty.
     */
    public CompletableFuture<Optional<Page<StatementLine>>> statementLines(final int cycle, final long cursor,
        final int limit) {
        return ask(d -> d.statementLines(cycle, cursor, limit));
    }

    /**
     * @see AllianceDomain#channelTransactions(String, long, long, long, int)
     * @param channelCode the channel.
     * @param from        earliest business time, inclusive.
     * @param to          latest business time, exclusive.
     * @param cursor      {@link Page#FIRST}, then each page's {@link Page#next()}.
     * @param limit       most transactions per page.
     * @return one page of the channel's sales and refunds, or empty.
     */
    public CompletableFuture<Optional<Page<ChannelTransaction>>> channelTransactions(final String channelCode,
        final long from, final long to, final long cursor, final int limit) {
        return ask(d -> d.channelTransactions(channelCode, from, to, cursor, limit));
    }

    private <R> CompletableFuture<R> ask(final Function<AllianceDomain, R> query) {
        return ledger.queryExtension((StateExtension e) -> {
            if (!(e instanceof AllianceDomain domain)) {
                throw new IllegalStateException("the ledger's extension is not an AllianceDomain: " + e);
            }
            return query.apply(domain);
        });
    }
}

package io.allianceledger.alliance;

import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.Books;
import io.allianceledger.engine.StateExtension;
import io.allianceledger.engine.StateReader;
import io.allianceledger.engine.StateWriter;
import org.agrona.DirectBuffer;

import java.time.ZoneId;
import java.util.Optional;

import static io.allianceledger.alliance.command.AllianceLayout.*;

/**
 * The merchant-alliance domain as a {@link StateExtension} of the deterministic state machine: participants,
 * versioned rules, points lots with expiry, holds, cross-merchant points clearing, multi-party sale splits,
 * refunds and corrections. Every command of {@link io.allianceledger.alliance.command} is applied atomically as
 * one group of balanced entries, or rejected with a {@link ResultCode} and rolled back.
 * <p>
 * Plug it in with {@code LedgerConfig.builder().extension(AllianceDomain::new)}, or
 * {@code new StateMachine(initial, max, new AllianceDomain())}; read it with {@link AllianceQueries} (through a
 * {@code Ledger}) or with the query methods here (on the engine thread). Single-threaded like the state machine;
 * allocation-free when applying commands once its tables have grown to the working set.
 */
public final class AllianceDomain implements StateExtension {
    // "ALIANCE3": with per-cycle points counters. A state of another layout (e.g. "ALIANCE2") is refused, so a
    // snapshot written by an older version is skipped and the journal replayed (docs/operations.md, upgrading).
    private static final long MAGIC = 0x3345434E41494C41L;
    private final int capacity;
    private final int settlementLimit;
    private DomainState state;
    private Enrollment enrollment;
    private PointsDesk points;
    private SaleDesk sales;
    private Corrections corrections;
    private ClearingDesk clearing;
    private Views views;
    private ClearingViews clearingViews;

    /** A domain with tables sized for a small alliance; they grow as needed. */
    public AllianceDomain() {
        this(1024);
    }

    /** @param capacity rows to size the main tables for up front (lots, records, participants). */
    public AllianceDomain(final int capacity) {
        this(capacity, AllianceLayout.MAX_SETTLEMENTS_PER_CLOSE);
    }

    /**
     * For tests of the close's bound without a quarter of a million parties.
     *
     * @param capacity        rows to size the main tables for.
     * @param settlementLimit most settlement instructions per close.
     */
    AllianceDomain(final int capacity, final int settlementLimit) {
        this.capacity = Math.max(16, capacity);
        this.settlementLimit = settlementLimit;
    }

    @Override
    public void attach(final Books books) {
        if (state != null) {
            throw new IllegalStateException("an AllianceDomain serves one state machine");
        }
        state = new DomainState(books, new Changes(books.undo()), capacity);
        enrollment = new Enrollment(state);
        points = new PointsDesk(state);
        sales = new SaleDesk(state);
        corrections = new Corrections(state);
        clearing = new ClearingDesk(state, points, settlementLimit);
        views = new Views(state);
        clearingViews = new ClearingViews(state, views);
        views.clearing(clearingViews);
    }

    @Override
    public boolean handles(final int type) {
        return type >= TYPE_CONFIGURE_ALLIANCE && type <= AllianceLayout.LAST_TYPE && type != 69;
    }

    @Override
    public ResultCode apply(final int type, final DirectBuffer b, final int o, final int length, final long timestamp) {
        if (length < fixedPart(type)) {
            return ResultCode.MALFORMED_COMMAND; // before any read of the body
        }
        final long idHigh = b.getLong(o + 8);
        final long idLow = b.getLong(o + 16);
        state.statements.begin(idHigh, idLow);
        return switch (type) {
            case TYPE_CONFIGURE_ALLIANCE -> enrollment.configure(b, o, length);
            case TYPE_REGISTER_PARTICIPANT -> enrollment.register(b, o, length, timestamp);
            case TYPE_SET_SUSPENDED -> enrollment.suspend(b, o, length);
            case TYPE_MOVE_STORE -> enrollment.move(b, o, length);
            case TYPE_REGISTER_RULE_SET -> enrollment.registerRules(b, o, length);
            case TYPE_ACCRUE -> points.accrue(b, o, length, idHigh, idLow);
            case TYPE_REDEEM -> points.redeem(b, o, length, idHigh, idLow);
            case TYPE_HOLD -> points.hold(b, o, length, timestamp, idHigh, idLow);
            case TYPE_CAPTURE_HOLD -> points.capture(b, o, length, idHigh, idLow);
            case TYPE_RELEASE_HOLD -> points.release(b, o, length);
            case TYPE_SWEEP_EXPIRY -> points.sweep(b, o, length);
            case TYPE_TRANSFER_POINTS -> points.transfer(b, o, length);
            case TYPE_SETTLE_SALE -> sales.settle(b, o, length, idHigh, idLow);
            case TYPE_REFUND -> refund(b, o, length);
            case TYPE_CORRECT -> correct(b, o, length);
            case TYPE_CLOSE_CYCLE -> clearing.close(b, o, length, idHigh, idLow);
            default -> ResultCode.UNKNOWN_COMMAND_TYPE;
        };
    }

    /** The bytes a command of this type has before any variable text: no shorter command is read. */
    private static int fixedPart(final int type) {
        return switch (type) {
            case TYPE_SETTLE_SALE, TYPE_REFUND -> TRANSACTION_OFFSET;
            case TYPE_CONFIGURE_ALLIANCE -> ZONE_OFFSET;
            case TYPE_REGISTER_PARTICIPANT -> CODE_OFFSET;
            case TYPE_CLOSE_CYCLE -> FIELD_1;
            default -> FIELD_2; // every other command has at least two 8-byte body fields
        };
    }

    private ResultCode refund(final DirectBuffer b, final int o, final int length) {
        final int unit = b.getByte(o + REFUND_UNIT_OFFSET) & 0xFF;
        final int txnLength = b.getByte(o + REFUND_TRANSACTION_LENGTH_OFFSET) & 0xFF;
        if (length != paddedLength(TRANSACTION_OFFSET, txnLength) || unit > Refund.Unit.POINTS.code()
            || !Enrollment.zero(b, o + REFUND_TRANSACTION_LENGTH_OFFSET + 1, 6)
            || !Enrollment.zero(b, o + TRANSACTION_OFFSET + txnLength, length - TRANSACTION_OFFSET - txnLength)) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = state.ready();
        if (ready != null) {
            return ready;
        }
        final long high = b.getLong(o + FIELD_0);
        final long low = b.getLong(o + FIELD_1);
        final long amount = b.getLong(o + FIELD_2);
        final long time = b.getLong(o + FIELD_3);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = state.admit(time);
        if (order != null) {
            return order;
        }
        if (amount <= 0) {
            return ResultCode.AMOUNT_MUST_BE_POSITIVE;
        }
        if (txnLength > MAX_TEXT_LENGTH || !ByteStore.isUtf8(b, o + TRANSACTION_OFFSET, txnLength)) {
            return ResultCode.INVALID_TEXT;
        }
        if (!state.operations.find(high, low)) {
            return ResultCode.ORIGINAL_NOT_FOUND;
        }
        final boolean inPoints = unit == Refund.Unit.POINTS.code();
        return switch (state.operations.foundKind()) {
            case OperationIndex.SALE -> inPoints ? ResultCode.POINTS_REFUND_OF_SALE
                : sales.refund(state.operations.foundRecord(), amount, high, low, b, o + TRANSACTION_OFFSET, txnLength);
            case OperationIndex.ACCRUAL -> txnLength > 0 ? ResultCode.CHANNEL_TRANSACTION_NOT_APPLICABLE
                : points.refundAccrual(state.operations.foundRecord(), amount, inPoints, time, high, low);
            default -> ResultCode.NOT_REFUNDABLE;
        };
    }

    private ResultCode correct(final DirectBuffer b, final int o, final int length) {
        if (length != 48) {
            return ResultCode.MALFORMED_COMMAND;
        }
        final ResultCode ready = state.ready();
        if (ready != null) {
            return ready;
        }
        final long high = b.getLong(o + FIELD_0);
        final long low = b.getLong(o + FIELD_1);
        final long time = b.getLong(o + FIELD_2);
        if (!DomainState.validTime(time)) {
            return ResultCode.INVALID_TIME;
        }
        final ResultCode order = state.admit(time);
        if (order != null) {
            return order;
        }
        if (!state.operations.find(high, low)) {
            return ResultCode.ORIGINAL_NOT_FOUND;
        }
        final int record = state.operations.foundRecord();
        return switch (state.operations.foundKind()) {
            case OperationIndex.SALE -> sales.correct(record, high, low);
            case OperationIndex.ACCRUAL -> corrections.accrual(record, high, low);
            case OperationIndex.REDEMPTION -> corrections.redemption(record, high, low);
            default -> ResultCode.NOT_CORRECTABLE;
        };
    }

    @Override
    public void beforeCommand(final long timestamp) {
        points.releaseDue(timestamp);
    }

    // ---------------------------------------------------------------- canonical state

    @Override
    public void writeState(final StateWriter out) {
        out.putLong(MAGIC);
        state.settings.table().write(out);
        state.text.write(out);
        state.participants.rows().write(out);
        state.participants.moves().write(out);
        state.rules.rows().write(out);
        state.lots.rows().write(out);
        state.holds.rows().write(out);
        state.holds.portions().write(out);
        state.accruals.rows().write(out);
        state.sales.rows().write(out);
        state.sales.parts().write(out);
        state.redemptions.rows().write(out);
        state.redemptions.pieces().write(out);
        state.operations.rows().write(out);
        state.positions.rows().write(out);
        state.statements.items().write(out);
        state.statements.lines().write(out);
        state.refundTransactions.rows().write(out);
        state.cycles.rows().write(out);
        state.cycles.parties().write(out);
    }

    @Override
    public void readState(final StateReader in) {
        final long magic = in.getLong();
        if (magic != MAGIC) {
            throw new IllegalStateException("not an alliance state of this version's layout: read 0x"
                + Long.toHexString(magic) + ", expected 0x" + Long.toHexString(MAGIC) + " (\"ALIANCE3\", little-endian)");
        }
        state.settings.table().read(in);
        state.text.read(in);
        state.participants.rows().read(in);
        state.participants.moves().read(in);
        state.rules.rows().read(in);
        state.lots.rows().read(in);
        state.holds.rows().read(in);
        state.holds.portions().read(in);
        state.accruals.rows().read(in);
        state.sales.rows().read(in);
        state.sales.parts().read(in);
        state.redemptions.rows().read(in);
        state.redemptions.pieces().read(in);
        state.operations.rows().read(in);
        state.positions.rows().read(in);
        state.statements.items().read(in);
        state.statements.lines().read(in);
        state.refundTransactions.rows().read(in);
        state.cycles.rows().read(in);
        state.cycles.parties().read(in);
        // Derived data: indexes, queues and the calendar.
        state.participants.reindex();
        state.lots.requeue();
        state.holds.requeue();
        state.sales.reindex();
        state.refundTransactions.reindex();
        state.operations.reindex();
        if (state.settings.configured()) {
            state.calendar.zone(ZoneId.of(state.text.string((int)state.settings.get(Settings.ZONE_OFFSET),
                (int)state.settings.get(Settings.ZONE_LENGTH))));
        }
    }

    @Override
    public Optional<String> findViolation() {
        return DomainInvariants.check(state);
    }

    // ---------------------------------------------------------------- queries (engine thread)

    /** @return the configured time zone, or empty before configuration. */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(state.settings.configured() ? state.calendar.zone() : null);
    }

    /**
     * @param code a participant's code.
     * @return the participant, or empty.
     */
    public Optional<ParticipantView> participant(final String code) {
        return views.participant(code);
    }

    /**
     * @param memberCode a member's code.
     * @param asOf       business time, epoch milliseconds.
     * @return the member's points then, or empty if no such member.
     */
    public Optional<MemberPoints> memberPoints(final String memberCode, final long asOf) {
        return views.memberPoints(memberCode, asOf);
    }

    /**
     * @param code a participant's code.
     * @return its accounts and current-cycle position, or empty.
     */
    public Optional<ParticipantBalances> balances(final String code) {
        return views.balances(code);
    }

    /**
     * @param rootCode the subtree's root (the operator, an agent, an HQ or a store).
     * @param asOf     business time deciding where moved stores sit.
     * @return the roll-up, or empty if no such participant.
     */
    public Optional<RollUp> rollUp(final String rootCode, final long asOf) {
        return views.rollUp(rootCode, asOf);
    }

    /**

     * @param id a sale's command id.

     * @return the sale, or empty.

     */
    public Optional<SaleView> sale(final CommandId id) {
        return views.sale(id);
    }

    /**

     * @param id an accrual's command id.

     * @return the accrual, or empty.

     */
    public Optional<AccrualView> accrual(final CommandId id) {
        return views.accrual(id);
    }

    /**

     * @param id a hold's command id.

     * @return the hold, or empty.

     */
    public Optional<HoldView> hold(final CommandId id) {
        return views.hold(id);
    }

    /**
     * @param storeCode a store, or null for the alliance default alone.
     * @param time      business time.
     * @return the rule-set version in force for it then, or empty.
     */
    public Optional<RuleVersionView> ruleInForce(final String storeCode, final long time) {
        return views.ruleInForce(storeCode, time);
    }

    /**
     * @param asOf business time.
     * @return how many lots expiring at or before {@code asOf} a sweep has yet to process (O(lots)).
     */
    public long lotsDue(final long asOf) {
        return views.lotsDue(asOf);
    }

    /** @return how many lots consumption has visited since start (the cost measure of rule 2). */
    public long lotVisits() {
        return state.lots.visits();
    }

    /**
     * @param code a participant's code.
     * @param kind a kind of standard account.
     * @return the engine id of that account of the participant, or empty if it has none of that kind.
     */
    public Optional<Long> accountId(final String code, final AccountKind kind) {
        return views.accountId(code, kind);
    }

    // ---------------------------------------------------------------- clearing queries (engine thread)

    /** @return the newest event time applied, the cycles closed and where the open cycle starts. */
    public LedgerTime ledgerTime() {
        return clearingViews.time();
    }

    /**
     * @param number a closed cycle's number, from 1.
     * @return the cycle's settlement: every clearing party's line, the operator's line and result; empty if no such
     *     cycle has been closed.
     */
    public Optional<CycleView> cycle(final int number) {
        return clearingViews.cycle(number);
    }

    /** @return the last closed cycle, or empty before the first close. */
    public Optional<CycleView> lastCycle() {
        return clearingViews.lastCycle();
    }

    /**
     * @param end a cycle's end (the {@code through} of its close), epoch milliseconds.
     * @return the closed cycle ending exactly then, or empty.
     */
    public Optional<CycleView> cycleEndingAt(final long end) {
        return clearingViews.cycleEndingAt(end);
    }

    /**
     * One page of a party's statement for a cycle: its movements in operation order (late items and refunds of
     * earlier cycles included, its settlement last).
     *
     * @param cycle     a closed cycle's number, or the open cycle's (closed cycles + 1).
     * @param partyCode a clearing party's code.
     * @param cursor    {@link Page#FIRST}, then the previous page's {@link Page#next()}.
     * @param limit     most lines on the page, at least 1.
     * @return the page, or empty if there is no such cycle or clearing party.
     */
    public Optional<Page<StatementLine>> statement(final int cycle, final String partyCode, final long cursor,
        final int limit) {
        return clearingViews.statement(cycle, partyCode, cursor, limit);
    }

    /**
     * One page of every statement line of a cycle, all parties, in operation order.
     *
     * @param cycle  a closed cycle's number, or the open cycle's (closed cycles + 1).
     * @param cursor {@link Page#FIRST}, then the previous page's {@link Page#next()}.
     * @param limit  most lines on the page, at least 1.
     * @return the page, or empty if there is no such cycle.
     */
    public Optional<Page<StatementLine>> statementLines(final int cycle, final long cursor, final int limit) {
        return clearingViews.statementLines(cycle, cursor, limit);
    }

    /**
     * One page of a channel's sales (uncorrected) and sale refunds, for reconciliation with its bill.
     *
     * @param channelCode the channel's code.
     * @param from        earliest business time, inclusive ({@link Long#MIN_VALUE} for no bound).
     * @param to          latest business time, exclusive ({@link Long#MAX_VALUE} for no bound).
     * @param cursor      {@link Page#FIRST}, then the previous page's {@link Page#next()}.
     * @param limit       most transactions on the page, at least 1.
     * @return the page in operation order, or empty if there is no such channel.
     */
    public Optional<Page<ChannelTransaction>> channelTransactions(final String channelCode, final long from,
        final long to, final long cursor, final int limit) {
        return clearingViews.channelTransactions(channelCode, from, to, cursor, limit);
    }
}

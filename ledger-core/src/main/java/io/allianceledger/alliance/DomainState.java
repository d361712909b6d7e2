package io.allianceledger.alliance;

import io.allianceledger.alliance.arithmetic.Rounding;
import io.allianceledger.alliance.command.AllianceLayout;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.Books;

/**
 * Every store of the alliance domain, built once per state machine, and the lookups the operations share.
 * Lookups that can fail return -1 and leave the reason in {@link #rejection()}.
 */
final class DomainState {
    final Books books;
    final Changes changes;
    final Settings settings;
    final ByteStore text;
    final Participants participants;
    final RuleBook rules;
    final LotStore lots;
    final HoldBook holds;
    final AccrualRecords accruals;
    final SaleRecords sales;
    final RedemptionRecords redemptions;
    final OperationIndex operations;
    final Positions positions;
    final Cycles cycles;
    final Statements statements;
    final RefundTransactions refundTransactions;
    final EntryWriter entries;
    final LocalCalendar calendar = new LocalCalendar();
    final Rounding rounding = new Rounding();
    private ResultCode rejection;

    DomainState(final Books books, final Changes changes, final int capacity) {
        this.books = books;
        this.changes = changes;
        settings = new Settings(changes);
        text = new ByteStore(changes);
        participants = new Participants(changes, capacity);
        rules = new RuleBook(changes);
        lots = new LotStore(changes, participants, capacity);
        holds = new HoldBook(changes, capacity);
        accruals = new AccrualRecords(changes, capacity);
        sales = new SaleRecords(changes, text, capacity);
        redemptions = new RedemptionRecords(changes, capacity);
        operations = new OperationIndex(changes, capacity);
        positions = new Positions(changes, Math.max(16, capacity / 4));
        cycles = new Cycles(changes, Math.max(16, capacity / 4));
        statements = new Statements(changes, positions, cycles, capacity);
        refundTransactions = new RefundTransactions(changes, text, capacity);
        entries = new EntryWriter(books, participants, positions, statements, settings);
    }

    ResultCode rejection() {
        return rejection;
    }

    /**
     * @param id     a participant id from a command.
     * @param role   the role it must have.
     * @param active true if it must not be suspended (new business).
     * @return its index, or -1 with the rejection set.
     */
    int participant(final long id, final Role role, final boolean active) {
        final int p = participants.indexOf(id);
        if (p < 0) {
            return reject(ResultCode.PARTICIPANT_NOT_FOUND);
        }
        if (participants.role(p) != role) {
            return reject(ResultCode.WRONG_ROLE);
        }
        if (active && participants.suspended(p)) {
            return reject(ResultCode.PARTICIPANT_SUSPENDED);
        }
        return p;
    }

    /** @return the row of the rule version in force for a store (or none) at a time, or -1 with the rejection set. */
    int ruleAt(final int store, final long time) {
        final int storeLatest = store < 0 ? -1 : (int)participants.get(Participants.LATEST_RULE, store);
        final int row = rules.inForce(storeLatest, (int)settings.get(Settings.DEFAULT_RULE), time);
        return row < 0 ? reject(ResultCode.NO_RULE_IN_FORCE) : row;
    }

    /** @return null if the alliance is configured and has its operator, else the rejection. */
    ResultCode ready() {
        if (!settings.configured()) {
            return ResultCode.ALLIANCE_NOT_CONFIGURED;
        }
        return settings.operator() < 0 ? ResultCode.OPERATOR_NOT_REGISTERED : null;
    }

    /**
     * Admits an event at a business time, or rejects it: times must not go backwards, so an event older than the
     * newest time applied is rejected, unless it is older than the end of the last closed cycle: such a late event
     * is admitted into the open cycle and flagged late. Equal times are in order. An admitted event that is not
     * late moves the newest time to its own. Called once per command, after the time's range is checked.
     *
     * @param time the event's business time, in range.
     * @return null when admitted, else {@link ResultCode#TIME_OUT_OF_ORDER}.
     */
    ResultCode admit(final long time) {
        final long newest = settings.get(Settings.NEWEST_TIME);
        if (time >= newest) {
            settings.set(Settings.NEWEST_TIME, time);
            if (settings.get(Settings.FIRST_TIME) < 0) {
                settings.set(Settings.FIRST_TIME, time);
            }
            statements.at(time, false);
            return null;
        }
        if (time < cycles.lastEnd()) {
            settings.set(Settings.OPEN_LATE_EVENTS, settings.get(Settings.OPEN_LATE_EVENTS) + 1);
            statements.at(time, true);
            return null;
        }
        return ResultCode.TIME_OUT_OF_ORDER;
    }

    /**
     * Admits an effective-from instant (a store move, a rule version): not before the newest time applied, so
     * nothing already applied (a closed cycle included) changes meaning after the fact. A change may be scheduled
     * ahead, and does not move the newest time: it is not something that happened then.
     *
     * @param time the instant, in range.
     * @return null when admitted, else {@link ResultCode#TIME_OUT_OF_ORDER}.
     */
    ResultCode admitSchedule(final long time) {
        return time >= settings.get(Settings.NEWEST_TIME) ? null : ResultCode.TIME_OUT_OF_ORDER;
    }

    /**
     * The minimum settlement amount for a clearing party at a cycle's end: a store's rules in force then (its
     * override chain, else the alliance default); the alliance default for agents, HQs and channels; 0, so every
     * non-zero position settles, when no version is in force.
     */
    long minimumSettlement(final int party, final long end) {
        final int storeLatest = participants.role(party) == Role.STORE
            ? (int)participants.get(Participants.LATEST_RULE, party) : -1;
        final int rule = rules.inForce(storeLatest, (int)settings.get(Settings.DEFAULT_RULE), end);
        return rule < 0 ? 0 : rules.get(RuleBook.MIN_SETTLEMENT, rule);
    }

    static boolean validTime(final long time) {
        return time >= 0 && time <= AllianceLayout.MAX_TIME;
    }

    int operator() {
        return settings.operator();
    }

    private int reject(final ResultCode code) {
        rejection = code;
        return -1;
    }
}

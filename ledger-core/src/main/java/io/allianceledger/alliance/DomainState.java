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
        positions = new Positions(changes, capacity);
        entries = new EntryWriter(books, positions);
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

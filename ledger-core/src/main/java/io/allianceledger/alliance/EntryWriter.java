package io.allianceledger.alliance;

import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.Books;

/**
 * Writes the balanced entries of an operation through {@link Books}: the entry's code is the movement kind and
 * the rule version it used, its reference the operation it refunds or corrects. Legs on a party's clearing
 * account also count in the party's position for that movement kind and are lines of its statement; legs on the
 * operator's {@code POINTS_ISSUED} account count in the points counters of {@link Settings}. Zero legs
 * are dropped; a signed leg goes to the side its sign says.
 */
final class EntryWriter {
    private final Books books;
    private final Participants participants;
    private final Positions positions;
    private final Statements statements;
    private final Settings settings;
    private MovementKind kind;
    private long referenceHigh;
    private long referenceLow;

    EntryWriter(final Books books, final Participants participants, final Positions positions,
        final Statements statements, final Settings settings) {
        this.books = books;
        this.settings = settings;
        this.participants = participants;
        this.positions = positions;
        this.statements = statements;
    }

    void begin(final MovementKind movement, final int version, final long refHigh, final long refLow) {
        kind = movement;
        referenceHigh = refHigh;
        referenceLow = refLow;
        books.beginEntry(movement.entryCode(version), refHigh, refLow);
    }

    void begin(final MovementKind movement, final int version) {
        begin(movement, version, 0, 0);
    }

    void debit(final AccountKind account, final int participant, final long amount) {
        books.debit(account.accountId(participant), amount);
        if (account == AccountKind.CLEARING && amount != 0) {
            final int row = participants.position(participant);
            positions.debit(row, kind, amount);
            statements.move(participant, row, kind, -amount, referenceHigh, referenceLow);
        } else if (account == AccountKind.POINTS_ISSUED && amount != 0) {
            settings.countPoints(kind, true, amount);
        }
    }

    void credit(final AccountKind account, final int participant, final long amount) {
        books.credit(account.accountId(participant), amount);
        if (account == AccountKind.CLEARING && amount != 0) {
            final int row = participants.position(participant);
            positions.credit(row, kind, amount);
            statements.move(participant, row, kind, amount, referenceHigh, referenceLow);
        } else if (account == AccountKind.POINTS_ISSUED && amount != 0) {
            settings.countPoints(kind, false, amount);
        }
    }

    /** Credits a positive amount, debits the magnitude of a negative one. */
    void creditSigned(final AccountKind account, final int participant, final long amount) {
        if (amount >= 0) {
            credit(account, participant, amount);
        } else {
            debit(account, participant, -amount);
        }
    }

    ResultCode commit() {
        return books.commitEntry();
    }
}

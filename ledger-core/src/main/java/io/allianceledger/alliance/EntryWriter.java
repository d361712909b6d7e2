package io.allianceledger.alliance;

import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.Books;

/**
 * Writes the balanced entries of an operation through {@link Books}: the entry's code is the movement kind and
 * the rule version it used, its reference the operation it refunds or corrects. Legs on a party's clearing
 * account also count in the party's position for that movement kind. Zero legs are dropped; a signed leg goes
 * to the side its sign says.
 */
final class EntryWriter {
    private final Books books;
    private final Positions positions;
    private MovementKind kind;

    EntryWriter(final Books books, final Positions positions) {
        this.books = books;
        this.positions = positions;
    }

    void begin(final MovementKind movement, final int version, final long referenceHigh, final long referenceLow) {
        kind = movement;
        books.beginEntry(movement.entryCode(version), referenceHigh, referenceLow);
    }

    void begin(final MovementKind movement, final int version) {
        begin(movement, version, 0, 0);
    }

    void debit(final AccountKind account, final int participant, final long amount) {
        books.debit(account.accountId(participant), amount);
        if (account == AccountKind.CLEARING && amount != 0) {
            positions.debit(participant, kind, amount);
        }
    }

    void credit(final AccountKind account, final int participant, final long amount) {
        books.credit(account.accountId(participant), amount);
        if (account == AccountKind.CLEARING && amount != 0) {
            positions.credit(participant, kind, amount);
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

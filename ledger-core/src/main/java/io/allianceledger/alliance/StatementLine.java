package io.allianceledger.alliance;

import io.allianceledger.command.CommandId;

/**
 * One movement on a party's statement: one party's movement of one kind within one operation.
 *
 * @param cycle     the cycle it is booked in (late items and refunds of earlier cycles included).
 * @param party     the party's code.
 * @param operation the operation's command id (a host maps it back to its own id through
 *                  {@link CommandId#fromName}); for a {@link MovementKind#SETTLEMENT} the cycle close's id.
 * @param kind      what moved the party's clearing account.
 * @param amount    fen, signed on the clearing side: positive when the operator owes the party more, negative when
 *                  the party owes more (a settlement is the negative of the position it settles).
 * @param time      the operation's business time, epoch milliseconds.
 * @param late      true if the operation was older than the end of a closed cycle, so booked into this later one.
 * @param original  the operation it refunds or corrects (for a capture, the hold), or null.
 */
public record StatementLine(int cycle, String party, CommandId operation, MovementKind kind, long amount, long time,
    boolean late, CommandId original) {
}

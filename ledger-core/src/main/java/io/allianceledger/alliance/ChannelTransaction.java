package io.allianceledger.alliance;

import io.allianceledger.command.CommandId;

/**
 * A sale or a sale refund through a payment channel, as the channel's bill shows it: what reconciliation matches.
 * Corrected sales are left out (a correction says the sale never happened; its transaction id may be booked again).
 *
 * @param transactionId the channel's transaction id; null for a refund booked without one.
 * @param amount        fen, signed: a sale positive, a refund negative.
 * @param time          business time, epoch milliseconds.
 * @param operation     the sale's or the refund's command id.
 * @param original      for a refund, the sale's command id; null for a sale.
 * @param store         the store's code.
 * @param late          true if it was booked late, into a cycle after the one its time belongs to.
 */
public record ChannelTransaction(String transactionId, long amount, long time, CommandId operation, CommandId original,
    String store, boolean late) {
}

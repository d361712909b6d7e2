package io.allianceledger.engine;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.Posting;

import java.util.List;

/**
 * A copy of an entry, or of the command that posted or voided a pending entry, as recorded.
 *
 * @param id        the command id.
 * @param kind      {@code POST_ENTRY}, {@code POST_PENDING} or {@code VOID_PENDING}.
 * @param timestamp engine timestamp at which it was applied.
 * @param status    for an entry, its status now; {@link EntryStatus#NONE} for post and void commands.
 * @param code      the host's entry code (0 for post and void).
 * @param reference the host's reference, or null.
 * @param pendingId for post and void, the pending entry; null otherwise.
 * @param debits    debit legs; for a post, the amounts posted; for a void, the amounts released.
 * @param credits   credit legs, likewise.
 */
public record EntryView(
    CommandId id,
    String kind,
    long timestamp,
    EntryStatus status,
    int code,
    CommandId reference,
    CommandId pendingId,
    List<Posting> debits,
    List<Posting> credits) {
}

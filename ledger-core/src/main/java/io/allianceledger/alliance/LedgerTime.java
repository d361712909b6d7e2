package io.allianceledger.alliance;

/**
 * Where the alliance ledger stands in business time: what the next event must not be older than.
 *
 * @param newestTime      the newest event time applied, epoch milliseconds, or -1 before the first event.
 * @param closedCycles    how many cycles have been closed; the open cycle's number is this + 1.
 * @param lastCycleEnd    the end of the last closed cycle (where the open cycle starts), or -1 before the first
 *                        close. Events older than it are accepted late; events from it up to {@code newestTime}
 *                        (exclusive) are rejected as out of order.
 * @param openLateEvents  late events taken into the open cycle so far.
 */
public record LedgerTime(long newestTime, int closedCycles, long lastCycleEnd, long openLateEvents) {
}

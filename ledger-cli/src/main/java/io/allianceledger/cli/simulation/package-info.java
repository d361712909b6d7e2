/**
 * A deterministic simulator of an alliance's business: the participant tree, days of events with Zipfian store
 * popularity, a rule change, and the payment channels' bills, written as the files the {@code ledger} command
 * reads. It streams: memory is bounded by the alliance's size (one counter per member, one weight per store and
 * fixed rings of recent sales, accruals and holds), not by the number of events.
 */
package io.allianceledger.cli.simulation;

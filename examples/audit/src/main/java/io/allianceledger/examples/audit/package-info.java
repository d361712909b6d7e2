/**
 * The audit example: rebuild a journaled ledger read-only as it was at a past cycle close, with
 * {@link io.allianceledger.journal.JournalReader}, and check that a party's statement, position and the state hash
 * then are exactly what the live ledger reported at that moment. {@link io.allianceledger.examples.audit.AuditExample}
 * is the program; it builds its own small two-day ledger first so that it runs standalone.
 */
package io.allianceledger.examples.audit;

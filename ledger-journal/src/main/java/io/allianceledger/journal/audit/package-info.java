/**
 * Audit of a ledger directory, read-only: {@link io.allianceledger.journal.audit.JournalAudit} verifies the
 * journal's chain and checksums, replays every command into a fresh state machine checking its invariants, checks
 * every snapshot against the replayed state, and summarizes the result in an
 * {@link io.allianceledger.journal.audit.AuditReport}.
 */
package io.allianceledger.journal.audit;

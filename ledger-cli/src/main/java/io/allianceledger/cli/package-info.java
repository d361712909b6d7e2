/**
 * The {@code ledger} command: the nightly clearing batch (init, rules, post, expire, clear, reconcile, audit,
 * balance, points) as a thin wrapper over the embedding API and the journal. No business rule lives here.
 */
package io.allianceledger.cli;

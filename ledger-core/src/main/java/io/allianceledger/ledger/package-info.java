/**
 * The embedding API and the pipeline behind it: {@link io.allianceledger.ledger.Ledger} opened from a
 * {@link io.allianceledger.ledger.LedgerConfig}, results, back-pressure and fail-stop behaviour, and the
 * {@link io.allianceledger.ledger.Journal} service provider interface that the journal module implements.
 */
package io.allianceledger.ledger;

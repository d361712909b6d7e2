/**
 * The deterministic double-entry state machine: assets, accounts, entries, two-phase pending entries with
 * timeouts, linked batches, idempotency by command id, the canonical state and its hash. Pure: the command's
 * bytes and its engine timestamp are its only inputs.
 */
package io.allianceledger.engine;

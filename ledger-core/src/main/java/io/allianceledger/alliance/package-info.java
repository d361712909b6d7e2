/**
 * The merchant-alliance domain (商家联盟): an operator, a tree of agents, HQs and stores, members earning one
 * shared points currency anywhere and spending it anywhere, payment channels; versioned rule sets; points lots
 * with lock and expiry; holds; cross-merchant points clearing; multi-party sale fee splits; refunds and
 * corrections; time order with late events; the nightly clearing (cycle closes, positions, settlement instructions,
 * statements, channel transactions for reconciliation). {@link io.allianceledger.alliance.AllianceDomain} plugs it into the deterministic state machine;
 * {@link io.allianceledger.alliance.AllianceQueries} reads it through a {@code Ledger}. The chart of accounts,
 * sign conventions and worked examples are in {@code docs/accounting-model.md}.
 */
package io.allianceledger.alliance;

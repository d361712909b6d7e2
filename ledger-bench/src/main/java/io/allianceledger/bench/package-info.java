/**
 * Benchmarks of Alliance Ledger: JMH benchmarks of the state machine, the codec, the journal, the pipeline and
 * replay, each beside its ceiling measured in the same run; a planned-rate latency harness; and a memory
 * footprint probe. Run them with {@code ledger-bench/run.sh} (see {@code docs/performance.md}); nothing here is a
 * timed assertion.
 */
package io.allianceledger.bench;

/**
 * The ledger's language: the commands a host submits, their binary layout, their ids and the codes of their
 * results. Commands are immutable values that encode themselves into the bytes the pipeline carries, the
 * state machine applies and the journal keeps.
 */
package io.allianceledger.command;

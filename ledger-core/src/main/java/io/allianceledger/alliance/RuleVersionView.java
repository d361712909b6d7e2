package io.allianceledger.alliance;

import io.allianceledger.alliance.command.RuleSet;

/**
 * A rule-set version.
 *
 * @param version       its number, as recorded in entries.
 * @param storeCode     the store it overrides for, or null for the alliance default.
 * @param effectiveFrom business time from which it is in force, epoch milliseconds.
 * @param rules         its rules; null for a store override that follows the default again.
 */
public record RuleVersionView(int version, String storeCode, long effectiveFrom, RuleSet rules) {
}

/**
 * Exact money arithmetic of the alliance: half-even rounding of rational products in 128-bit precision without
 * overflow, and largest-remainder allocation whose parts always sum to the whole. Allocation-free; an overflow is
 * reported as a value the caller turns into a rejection, never a wrapped number.
 */
package io.allianceledger.alliance.arithmetic;

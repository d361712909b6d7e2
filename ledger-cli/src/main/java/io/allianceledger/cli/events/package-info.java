/**
 * The text formats a batch reads: event lines (strict JSON, one event a line, streamed in constant memory),
 * exact CNY amounts and ISO-8601 times.
 */
package io.allianceledger.cli.events;

package io.allianceledger.journal;

import org.agrona.DirectBuffer;

/**
 * Receives journaled commands in sequence order, each verified (CRC, chain, sequence) before it is delivered.
 */
@FunctionalInterface
public interface RecordHandler {
    /**
     * @param sequence  the command's sequence.
     * @param timestamp its engine timestamp.
     * @param buffer    holds the command's bytes ({@link io.allianceledger.command.CommandLayout}); valid only
     *                  during the call.
     * @param offset    where they start.
     * @param length    how many.
     * @return true to go on, false to stop reading.
     */
    boolean onRecord(long sequence, long timestamp, DirectBuffer buffer, int offset, int length);
}

package io.allianceledger.engine;

import org.agrona.DirectBuffer;

/** Sequential little-endian writer of canonical state. */
public interface StateWriter {
    /** @param value written as 8 bytes. */
    void putLong(long value);

    /** @param value written as 4 bytes. */
    void putInt(int value);

    /**
     * @param source holds the bytes.
     * @param offset where they start.
     * @param length how many.
     */
    void putBytes(DirectBuffer source, int offset, int length);
}

package io.allianceledger.engine;

import org.agrona.MutableDirectBuffer;

/**
 * Sequential little-endian reader of canonical state. Reading past the end throws
 * {@link CanonicalState.CorruptStateException}.
 */
public interface StateReader {
    /** @return the next 8 bytes. */
    long getLong();

    /** @return the next 4 bytes. */
    int getInt();

    /**
     * @param target receives the bytes.
     * @param offset where to put them.
     * @param length how many.
     */
    void getBytes(MutableDirectBuffer target, int offset, int length);
}

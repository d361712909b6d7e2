package io.allianceledger.journal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The running chain hash: each frame's value is H(previous value || frame content), where H is SHA-256, or
 * HMAC-SHA256 (RFC 2104) when a key is given.
 * <p>
 * HMAC is computed here from two {@link MessageDigest}s rather than with {@code javax.crypto.Mac}, whose
 * {@code doFinal} allocates a result array per call; the output is identical (a test checks it against
 * {@code Mac}). Not thread-safe: one instance per thread.
 */
final class ChainHash {
    static final int LENGTH = Frames.CHAIN_LENGTH;
    private static final int BLOCK = 64;

    private final MessageDigest inner = sha256();
    private final MessageDigest outer;
    private final byte[] innerPad;
    private final byte[] outerPad;
    private final byte[] innerResult = new byte[LENGTH];
    private final byte[] value = new byte[LENGTH];

    /**
     * @param key null for a plain SHA-256 chain, else the HMAC key (any length; longer than 64 bytes is hashed
     *            first, as RFC 2104 says).
     */
    ChainHash(final byte[] key) {
        if (key == null) {
            outer = null;
            innerPad = null;
            outerPad = null;
            return;
        }
        outer = sha256();
        final byte[] k = new byte[BLOCK];
        final byte[] shortKey = key.length > BLOCK ? sha256().digest(key) : key;
        System.arraycopy(shortKey, 0, k, 0, shortKey.length);
        innerPad = new byte[BLOCK];
        outerPad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            innerPad[i] = (byte)(k[i] ^ 0x36);
            outerPad[i] = (byte)(k[i] ^ 0x5c);
        }
        Arrays.fill(k, (byte)0);
    }

    /** @return {@link Frames#ALGORITHM_HMAC_SHA256} when keyed, else {@link Frames#ALGORITHM_SHA256}. */
    int algorithm() {
        return outer == null ? Frames.ALGORITHM_SHA256 : Frames.ALGORITHM_HMAC_SHA256;
    }

    /** Sets the current value, e.g. to a cycle header's previous chain or all zeros at the journal's start. */
    void set(final byte[] source, final int offset) {
        System.arraycopy(source, offset, value, 0, LENGTH);
    }

    /** Sets the current value to all zeros, the value before the first frame. */
    void reset() {
        Arrays.fill(value, (byte)0);
    }

    /** Copies the current value out. */
    void copyTo(final byte[] target, final int offset) {
        System.arraycopy(value, 0, target, offset, LENGTH);
    }

    /** @return a copy of the current value. */
    byte[] value() {
        return value.clone();
    }

    /**
     * Computes H(current || bytes[offset, offset + length)) into {@code out} at {@code outOffset} without
     * changing the current value.
     */
    void compute(final byte[] bytes, final int offset, final int length, final byte[] out, final int outOffset) {
        try {
            if (outer == null) {
                inner.update(value, 0, LENGTH);
                inner.update(bytes, offset, length);
                inner.digest(out, outOffset, LENGTH);
                return;
            }
            inner.update(innerPad, 0, BLOCK);
            inner.update(value, 0, LENGTH);
            inner.update(bytes, offset, length);
            inner.digest(innerResult, 0, LENGTH);
            outer.update(outerPad, 0, BLOCK);
            outer.update(innerResult, 0, LENGTH);
            outer.digest(out, outOffset, LENGTH);
        } catch (final java.security.DigestException e) {
            throw new IllegalStateException("SHA-256 digest into a 32-byte slot failed", e);
        }
    }

    /** Advances the chain over a frame whose content is {@code bytes[offset, offset + length)}. */
    void advance(final byte[] bytes, final int offset, final int length) {
        compute(bytes, offset, length, value, 0);
    }

    /**
     * @return true if {@code bytes[chainOffset, +32)} equals H(current || content); compared in constant time
     *     so that a keyed chain leaks nothing through timing.
     */
    boolean matches(final byte[] bytes, final int contentOffset, final int contentLength, final int chainOffset,
        final byte[] scratch) {
        compute(bytes, contentOffset, contentLength, scratch, 0);
        int diff = 0;
        for (int i = 0; i < LENGTH; i++) {
            diff |= scratch[i] ^ bytes[chainOffset + i];
        }
        return diff == 0;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}

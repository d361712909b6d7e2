package io.allianceledger.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The 128-bit idempotency key every command carries.
 * <p>
 * Hosts choose ids; a natural business key (an order number, a POS receipt) makes retries safe.
 * The all-zero id is reserved and rejected with {@link ResultCode#ID_MUST_NOT_BE_ZERO}.
 *
 * @param high the most significant 64 bits.
 * @param low  the least significant 64 bits.
 */
public record CommandId(long high, long low) {
    // MessageDigest.getInstance looks up providers on every call; batch imports derive an id per line.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    /**
     * Derives a stable id from a business key of at most {@link CommandLayout#MAX_NAME_LENGTH} characters:
     * the first 128 bits of SHA-256 over its UTF-8 bytes. The same key always gives the same id.
     *
     * @param name the business key, e.g. {@code "order-2026-0001"}.
     * @return the derived id.
     */
    public static CommandId fromName(final String name) {
        if (name == null || name.isEmpty() || name.length() > CommandLayout.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a command name must have 1.." + CommandLayout.MAX_NAME_LENGTH
                + " characters: " + name);
        }
        final byte[] d = SHA_256.get().digest(name.getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = (hi << 8) | (d[i] & 0xFF);
            lo = (lo << 8) | (d[i + 8] & 0xFF);
        }
        return new CommandId(hi, lo);
    }

    /**
     * Creates an id from a single 64-bit number (high bits zero), convenient in tests and examples.
     *
     * @param low the number; must not be zero.
     * @return the id.
     */
    public static CommandId of(final long low) {
        return new CommandId(0, low);
    }

    /** @return true when this is the reserved all-zero id. */
    public boolean isZero() {
        return high == 0 && low == 0;
    }

    @Override
    public String toString() {
        return String.format("%016x%016x", high, low);
    }
}

package io.allianceledger.alliance.command;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Maps a participant's code (its business name, e.g. {@code "store-sh-0012"}) to the 64-bit id commands use.
 * The engine derives the same id from the code bytes of the registration, so a host never chooses ids: it
 * computes them. The function is FNV-1a (64-bit) over the UTF-8 bytes followed by the MurmurHash3 64-bit
 * finalizer; 0 is reserved and maps to 1. Two codes with the same id cannot both be registered (the second is
 * rejected), which with 64 bits does not happen in practice.
 */
public final class ParticipantCode {
    private ParticipantCode() {
    }

    /**
     * @param code 1..{@value AllianceLayout#MAX_TEXT_LENGTH} bytes of UTF-8.
     * @return its id.
     */
    public static long idOf(final String code) {
        final byte[] bytes = utf8(code);
        long h = 0xCBF29CE484222325L;
        for (final byte b : bytes) {
            h = (h ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return finish(h);
    }

    /**
     * The id of the code held in a buffer; the same as {@link #idOf(String)} of those bytes. Allocation-free.
     *
     * @param buffer holds the UTF-8 bytes.
     * @param offset where they start.
     * @param length how many.
     * @return the id.
     */
    public static long idOf(final DirectBuffer buffer, final int offset, final int length) {
        long h = 0xCBF29CE484222325L;
        for (int i = 0; i < length; i++) {
            h = (h ^ (buffer.getByte(offset + i) & 0xFF)) * 0x100000001B3L;
        }
        return finish(h);
    }

    /**
     * @param text a code, transaction id or zone id.
     * @return its UTF-8 bytes.
     * @throws IllegalArgumentException if empty or longer than {@value AllianceLayout#MAX_TEXT_LENGTH} bytes.
     */
    static byte[] utf8(final String text) {
        final byte[] bytes = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length > AllianceLayout.MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text must have 1.." + AllianceLayout.MAX_TEXT_LENGTH
                + " UTF-8 bytes: " + text);
        }
        return bytes;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        return h == 0 ? 1 : h;
    }
}

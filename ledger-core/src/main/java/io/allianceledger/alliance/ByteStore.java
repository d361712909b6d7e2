package io.allianceledger.alliance;

import io.allianceledger.engine.StateReader;
import io.allianceledger.engine.StateWriter;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Append-only bytes of the strings the domain keeps for reports: participant codes, channel transaction ids, the
 * time zone. A string is addressed by (offset, length). Appends are logged so a rollback truncates them.
 */
final class ByteStore implements Changes.Reversible {
    private final Changes changes;
    private final int slot;
    private UnsafeBuffer bytes = new UnsafeBuffer(new byte[4096]);
    private int length;

    ByteStore(final Changes changes) {
        this.changes = changes;
        this.slot = changes.register(this);
    }

    int length() {
        return length;
    }

    /** @return the bytes; valid until the next append. */
    DirectBuffer buffer() {
        return bytes;
    }

    /** @return the offset of the copied bytes. */
    int append(final DirectBuffer source, final int offset, final int count) {
        if (length + count > bytes.capacity()) {
            final byte[] grown = new byte[Math.max(bytes.capacity() * 2, length + count)];
            bytes.getBytes(0, grown, 0, length);
            bytes = new UnsafeBuffer(grown);
        }
        changes.record(slot, 0, length, 0);
        bytes.putBytes(length, source, offset, count);
        final int at = length;
        length += count;
        return at;
    }

    boolean equalTo(final int offset, final int count, final DirectBuffer other, final int otherOffset, final int otherCount) {
        if (count != otherCount) {
            return false;
        }
        for (int i = 0; i < count; i++) {
            if (bytes.getByte(offset + i) != other.getByte(otherOffset + i)) {
                return false;
            }
        }
        return true;
    }

    /** For queries and reports: decodes UTF-8 (allocates). */
    String string(final int offset, final int count) {
        final byte[] b = new byte[count];
        bytes.getBytes(offset, b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * @return true if the bytes are well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF),
     *     checked without allocating.
     */
    static boolean isUtf8(final DirectBuffer b, final int offset, final int count) {
        int i = 0;
        while (i < count) {
            final int c = b.getByte(offset + i) & 0xFF;
            final int extra;
            final int min;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                extra = 1;
                min = 0x80;
            } else if (c >= 0xE0 && c <= 0xEF) {
                extra = 2;
                min = 0x800;
            } else if (c >= 0xF0 && c <= 0xF4) {
                extra = 3;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + extra >= count) {
                return false;
            }
            int cp = c & (0x3F >> extra);
            for (int k = 1; k <= extra; k++) {
                final int d = b.getByte(offset + i + k) & 0xFF;
                if ((d & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (d & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }

    @Override
    public void revert(final int op, final long a, final long b) {
        length = (int)a;
    }

    void write(final StateWriter out) {
        out.putInt(length);
        out.putInt(0);
        out.putBytes(bytes, 0, length);
    }

    void read(final StateReader in) {
        final int n = in.getInt();
        if (n < 0 || in.getInt() != 0) {
            throw new IllegalStateException("bad string store length " + n);
        }
        bytes = new UnsafeBuffer(new byte[Math.max(4096, n)]);
        in.getBytes(bytes, 0, n);
        length = n;
    }
}

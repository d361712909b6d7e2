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

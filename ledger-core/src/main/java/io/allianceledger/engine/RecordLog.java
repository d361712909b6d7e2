package io.allianceledger.engine;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.Arrays;

/**
 * The append-only history of applied commands: each record is the command's bytes as applied, its engine
 * timestamp and, for entries, a status. Nothing in it is ever edited except the status of a pending entry.
 * <p>
 * Records live in fixed-size on-heap chunks and never straddle two. An address is
 * {@code chunk << CHUNK_SHIFT | offset}. Record layout, little-endian:
 * <pre>
 *   0  i32  record length, header included, a multiple of 8
 *   4  u8   status (an {@link EntryStatus} ordinal for entries, 0 otherwise)
 *   5       zero
 *   8  i64  engine timestamp
 *  16  ...  the command's bytes
 * </pre>
 * A zero length marks the unused tail of a chunk.
 */
final class RecordLog implements UndoLog.Undoable {
    static final int HEADER_LENGTH = 16;
    static final int LENGTH_OFFSET = 0;
    static final int STATUS_OFFSET = 4;
    static final int TIMESTAMP_OFFSET = 8;
    private static final int CHUNK_SHIFT = 20;
    private static final int CHUNK_SIZE = 1 << CHUNK_SHIFT;
    private static final int OP_APPEND = 1;
    private static final int OP_STATUS = 2;

    private final UndoLog undo;
    private final int owner;
    private UnsafeBuffer[] chunks = new UnsafeBuffer[4];
    private int chunkCount;
    private long position;
    private long recordCount;
    private long entryCount;

    RecordLog(final UndoLog undo) {
        this.undo = undo;
        this.owner = undo.register(this);
        chunks[0] = new UnsafeBuffer(new byte[CHUNK_SIZE]);
        chunkCount = 1;
    }

    /** @return the address after the last record, where the next one goes. */
    long position() {
        return position;
    }

    long recordCount() {
        return recordCount;
    }

    /** @return records of entries: host entries (posted or pending) and entries extensions generated. */
    long entryCount() {
        return entryCount;
    }

    /**
     * Appends a record holding {@code length} bytes of a command.
     *
     * @return the record's address.
     */
    long append(final DirectBuffer command, final int offset, final int length, final long timestamp, final int status) {
        final int recordLength = HEADER_LENGTH + align8(length);
        final long before = position;
        int chunk = (int)(position >>> CHUNK_SHIFT);
        int at = (int)(position & (CHUNK_SIZE - 1));
        if (at + recordLength > CHUNK_SIZE) {
            if (at + 4 <= CHUNK_SIZE) {
                chunks[chunk].putInt(at, 0);
            }
            chunk++;
            at = 0;
        }
        if (chunk == chunkCount) {
            addChunk(); // also when the previous record ended exactly at the end of the last chunk
        }
        final UnsafeBuffer buffer = chunks[chunk];
        buffer.putInt(at + LENGTH_OFFSET, recordLength);
        buffer.putLong(at + STATUS_OFFSET, status & 0xFF); // status byte plus three zero bytes
        buffer.putLong(at + TIMESTAMP_OFFSET, timestamp);
        buffer.putBytes(at + HEADER_LENGTH, command, offset, length);
        buffer.setMemory(at + HEADER_LENGTH + length, recordLength - HEADER_LENGTH - length, (byte)0);
        final long address = ((long)chunk << CHUNK_SHIFT) | at;
        position = address + recordLength;
        recordCount++;
        final int type = command.getShort(offset + io.allianceledger.command.CommandLayout.TYPE_OFFSET) & 0xFFFF;
        final int entry = type == io.allianceledger.command.CommandLayout.TYPE_POST_ENTRY
            || type == io.allianceledger.command.CommandLayout.TYPE_GENERATED_ENTRY ? 1 : 0;
        entryCount += entry;
        undo.record(owner, OP_APPEND, before, entry);
        return address;
    }

    /** @return the chunk holding the record at {@code address}; read it at {@link #offset(long)}. */
    UnsafeBuffer buffer(final long address) {
        return chunks[(int)(address >>> CHUNK_SHIFT)];
    }

    static int offset(final long address) {
        return (int)(address & (CHUNK_SIZE - 1));
    }

    int recordLength(final long address) {
        return buffer(address).getInt(offset(address) + LENGTH_OFFSET);
    }

    int status(final long address) {
        return buffer(address).getByte(offset(address) + STATUS_OFFSET);
    }

    long timestamp(final long address) {
        return buffer(address).getLong(offset(address) + TIMESTAMP_OFFSET);
    }

    void setStatus(final long address, final int status) {
        undo.record(owner, OP_STATUS, address, status(address));
        buffer(address).putByte(offset(address) + STATUS_OFFSET, (byte)status);
    }

    /** @return the address of the record after the one at {@code address}, or {@link #position()} at the end. */
    long next(final long address) {
        final long following = address + recordLength(address);
        if (following >= position) {
            return position;
        }
        final int at = offset(following);
        if (at != 0 && buffer(following).getInt(at + LENGTH_OFFSET) == 0) {
            return ((following >>> CHUNK_SHIFT) + 1) << CHUNK_SHIFT; // the rest of this chunk is unused
        }
        return following;
    }

    @Override
    public void undo(final int op, final long a, final long b) {
        if (op == OP_APPEND) {
            position = a;
            recordCount--;
            entryCount -= b;
        } else if (op == OP_STATUS) {
            buffer(a).putByte(offset(a) + STATUS_OFFSET, (byte)b);
        } else {
            throw new IllegalStateException("unknown record undo op " + op);
        }
    }

    private void addChunk() {
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunks.length * 2);
        }
        chunks[chunkCount++] = new UnsafeBuffer(new byte[CHUNK_SIZE]);
    }

    static int align8(final int length) {
        return (length + 7) & ~7;
    }
}

package io.allianceledger.engine;

import io.allianceledger.command.AccountFlags;
import io.allianceledger.command.CommandLayout;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The canonical byte form of a ledger's whole state, used for {@link StateMachine#stateHash()} and as the body
 * of snapshots. Everything is written in creation order, never in hash-table order, so equal states give
 * equal bytes. Indexes (id and account maps, the timeout heap) are derived and rebuilt on restore.
 * <p>
 * Layout, little-endian:
 * <pre>
 *   8 bytes  magic "ALSTATE1"
 *   i64      last engine timestamp
 *   i64      commands applied (rejected ones included)
 *   i32      asset count, then i32 zero
 *   per asset:   i32 code, i32 scale
 *   i64      account count
 *   per account: i64 id, i32 asset code, i32 flags, i64 debits posted, i64 credits posted,
 *                i64 debits pending, i64 credits pending, i64 opened-at timestamp       (56 bytes)
 *   i64      record count
 *   per record:  the record as kept in memory (see RecordLog): i32 length, u8 status, 3 zero bytes,
 *                i64 timestamp, the command's bytes
 *   i32      1 if an extension section follows, else 0; then i32 zero
 *   ...      the extension's own section, as it writes it
 *   8 bytes  magic "ALSTEND1"
 * </pre>
 */
public final class CanonicalState {
    private static final long MAGIC = 0x3145544154534C41L; // "ALSTATE1"
    private static final long END_MAGIC = 0x31444E4554534C41L; // "ALSTEND1"
    private static final int SCRATCH = 64 * 1024;
    private static final int ACCOUNT_LENGTH = 56;

    private CanonicalState() {
    }

    static void write(final StateMachine machine, final OutputStream out) {
        try (Writer w = new Writer(out)) {
            w.putLong(MAGIC);
            w.putLong(machine.lastTimestamp());
            w.putLong(machine.commandCount());
            final AssetTable assets = machine.assets();
            w.putInt(assets.count());
            w.putInt(0);
            for (int i = 0; i < assets.count(); i++) {
                w.putInt(assets.code(i));
                w.putInt(assets.scale(i));
            }
            final AccountBook accounts = machine.accounts();
            w.putLong(accounts.count());
            for (int i = 0; i < accounts.count(); i++) {
                w.putLong(accounts.id(i));
                w.putInt(assets.code(accounts.asset(i)));
                w.putInt(accounts.flags(i));
                w.putLong(accounts.total(AccountBook.DEBITS_POSTED, i));
                w.putLong(accounts.total(AccountBook.CREDITS_POSTED, i));
                w.putLong(accounts.total(AccountBook.DEBITS_PENDING, i));
                w.putLong(accounts.total(AccountBook.CREDITS_PENDING, i));
                w.putLong(accounts.openedAt(i));
            }
            final RecordLog records = machine.records();
            w.putLong(records.recordCount());
            for (long a = 0; a < records.position(); a = records.next(a)) {
                w.putBytes(records.buffer(a), RecordLog.offset(a), records.recordLength(a));
            }
            final StateExtension extension = machine.extension();
            w.putInt(extension == null ? 0 : 1);
            w.putInt(0);
            if (extension != null) {
                extension.writeState(w);
            }
            w.putLong(END_MAGIC);
        }
    }

    static String hash(final StateMachine machine) {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
        write(machine, new DigestOutputStream(OutputStream.nullOutputStream(), digest));
        final StringBuilder sb = new StringBuilder(64);
        for (final byte b : digest.digest()) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }

    /**
     * Rebuilds a state machine from its canonical form.
     *
     * @param in              the canonical bytes, read to the end marker.
     * @param initialAccounts accounts to size the tables for.
     * @param maxAccounts     the account limit of the restored ledger.
     * @return the restored state machine; its {@code stateHash()} equals the one the bytes were written from.
     * @throws CorruptStateException if the bytes are not a consistent canonical state.
     */
    public static StateMachine read(final InputStream in, final int initialAccounts, final int maxAccounts) {
        return read(in, new StateMachine(initialAccounts, maxAccounts));
    }

    /**
     * Restores canonical state into a fresh state machine, which must have applied nothing and be built with the
     * same kind of extension (or none) as the one the bytes were written from.
     *
     * @param in    the canonical bytes, read to the end marker.
     * @param fresh an empty state machine, with its limits and extension.
     * @return {@code fresh}, restored; its {@code stateHash()} equals the one the bytes were written from.
     * @throws CorruptStateException if the bytes are not a consistent canonical state.
     */
    public static StateMachine read(final InputStream in, final StateMachine fresh) {
        if (fresh.commandCount() != 0 || fresh.accountCount() != 0 || fresh.recordCount() != 0) {
            throw new IllegalArgumentException("restore needs a fresh state machine");
        }
        final Reader r = new Reader(in);
        try {
            if (r.getLong() != MAGIC) {
                throw new CorruptStateException("not a canonical state: bad magic");
            }
            final long lastTimestamp = r.getLong();
            final long commands = r.getLong();
            final int assetCount = r.getInt();
            if (assetCount < 0 || assetCount > CommandLayout.MAX_ASSETS || r.getInt() != 0) {
                throw new CorruptStateException("bad asset count " + assetCount);
            }
            final int[] codes = new int[assetCount];
            final int[] scales = new int[assetCount];
            for (int i = 0; i < assetCount; i++) {
                codes[i] = r.getInt();
                scales[i] = r.getInt();
            }
            final long accountCount = r.getLong();
            if (accountCount < 0 || accountCount > StateMachine.DEFAULT_MAX_ACCOUNTS) {
                throw new CorruptStateException("bad account count " + accountCount);
            }
            final StateMachine machine = fresh;
            machine.beginRestore();
            final AssetTable assets = machine.assets();
            for (int i = 0; i < assetCount; i++) {
                if (codes[i] <= 0 || scales[i] < 0 || scales[i] > CommandLayout.MAX_SCALE || assets.indexOf(codes[i]) >= 0) {
                    throw new CorruptStateException("bad asset " + i + ": code " + codes[i] + " scale " + scales[i]);
                }
                assets.define(codes[i], scales[i]);
            }
            final AccountBook accounts = machine.accounts();
            for (long i = 0; i < accountCount; i++) {
                final long id = r.getLong();
                final int asset = assets.indexOf(r.getInt());
                final int flags = r.getInt();
                if (id == 0 || asset < 0 || accounts.indexOf(id) >= 0 || (flags & ~(AccountFlags.OPENABLE | AccountFlags.CLOSED)) != 0) {
                    throw new CorruptStateException("bad account at position " + i + ": id " + id);
                }
                if (accounts.isFull()) {
                    throw new CorruptStateException("more accounts than this ledger's limit");
                }
                final int index = accounts.open(id, asset, flags, 0);
                for (int column = 0; column < 4; column++) {
                    final long total = r.getLong();
                    if (total < 0) {
                        throw new CorruptStateException("negative total in account " + id);
                    }
                    accounts.setTotal(column, index, total);
                }
                accounts.setOpenedAt(index, r.getLong());
            }
            final long recordCount = r.getLong();
            if (recordCount < 0) {
                throw new CorruptStateException("bad record count " + recordCount);
            }
            final RecordLog records = machine.records();
            final UnsafeBuffer record = new UnsafeBuffer(new byte[RecordLog.HEADER_LENGTH + CommandLayout.MAX_COMMAND_LENGTH]);
            long operationHigh = 0;
            long operationLow = 0;
            for (long i = 0; i < recordCount; i++) {
                r.readFully(record, 0, RecordLog.HEADER_LENGTH + CommandLayout.HEADER_LENGTH);
                final int length = record.getInt(RecordLog.LENGTH_OFFSET);
                final int commandLength = record.getInt(RecordLog.HEADER_LENGTH + CommandLayout.LENGTH_OFFSET);
                final int status = record.getInt(RecordLog.STATUS_OFFSET); // the status byte and three zero bytes
                if (commandLength < CommandLayout.HEADER_LENGTH || commandLength > CommandLayout.MAX_COMMAND_LENGTH
                    || (commandLength & 7) != 0 || length != RecordLog.HEADER_LENGTH + commandLength
                    || status < 0 || status >= EntryStatus.values().length) {
                    throw new CorruptStateException("bad record " + i + ": length " + length + ", status " + status);
                }
                r.readFully(record, RecordLog.HEADER_LENGTH + CommandLayout.HEADER_LENGTH,
                    commandLength - CommandLayout.HEADER_LENGTH);
                final long idHigh = record.getLong(RecordLog.HEADER_LENGTH + CommandLayout.ID_HIGH_OFFSET);
                final long idLow = record.getLong(RecordLog.HEADER_LENGTH + CommandLayout.ID_LOW_OFFSET);
                final int type = record.getShort(RecordLog.HEADER_LENGTH + CommandLayout.TYPE_OFFSET) & 0xFFFF;
                if (type == CommandLayout.TYPE_GENERATED_ENTRY) {
                    // Generated entries follow their operation's record and carry its id.
                    if (idHigh != operationHigh || idLow != operationLow) {
                        throw new CorruptStateException("generated record " + i + " does not follow its operation");
                    }
                } else if ((idHigh == 0 && idLow == 0) || machine.hasId(idHigh, idLow)) {
                    throw new CorruptStateException("record " + i + " has a zero or repeated id");
                } else {
                    operationHigh = idHigh;
                    operationLow = idLow;
                }
                final long address = records.append(record, RecordLog.HEADER_LENGTH, commandLength,
                    record.getLong(RecordLog.TIMESTAMP_OFFSET), status);
                machine.restoreRecord(address);
            }
            final int hasExtension = r.getInt();
            if (r.getInt() != 0 || hasExtension != (machine.extension() == null ? 0 : 1)) {
                throw new CorruptStateException("extension section " + hasExtension + " does not match this ledger's");
            }
            if (machine.extension() != null) {
                machine.extension().readState(r);
            }
            if (r.getLong() != END_MAGIC) {
                throw new CorruptStateException("missing end marker");
            }
            machine.restoreLastTimestamp(lastTimestamp, commands);
            machine.commitRestore();
            final Optional<String> violation = machine.findViolation();
            if (violation.isPresent()) {
                throw new CorruptStateException("restored state violates an invariant: " + violation.get());
            }
            return machine;
        } catch (final RuntimeException e) {
            if (e instanceof CorruptStateException || e instanceof UncheckedIOException) {
                throw e;
            }
            // Corrupt bytes can break a table's internal checks before ours: report them as corruption.
            throw new CorruptStateException("canonical state is inconsistent: " + e, e);
        }
    }

    /** Thrown when canonical bytes are truncated, malformed or inconsistent. */
    public static final class CorruptStateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CorruptStateException(final String message) {
            super(message);
        }

        CorruptStateException(final String message, final Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Writer implements StateWriter, AutoCloseable {
        private final OutputStream out;
        private final byte[] bytes = new byte[SCRATCH];
        private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
        private int position;

        Writer(final OutputStream out) {
            this.out = out;
        }

        @Override
        public void putLong(final long value) {
            ensure(8);
            buffer.putLong(position, value);
            position += 8;
        }

        @Override
        public void putInt(final int value) {
            ensure(4);
            buffer.putInt(position, value);
            position += 4;
        }

        @Override
        public void putBytes(final DirectBuffer source, final int offset, final int length) {
            int done = 0;
            while (done < length) {
                if (position == bytes.length) {
                    flush();
                }
                final int n = Math.min(length - done, bytes.length - position);
                buffer.putBytes(position, source, offset + done, n);
                position += n;
                done += n;
            }
        }

        private void ensure(final int length) {
            if (position + length > bytes.length) {
                flush();
            }
        }

        private void flush() {
            try {
                out.write(bytes, 0, position);
                position = 0;
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            flush();
            try {
                out.flush();
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Reader implements StateReader {
        private final InputStream in;
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[4096]);

        Reader(final InputStream in) {
            this.in = in;
        }

        @Override
        public long getLong() {
            readFully(scratch, 0, 8);
            return scratch.getLong(0);
        }

        @Override
        public int getInt() {
            readFully(scratch, 0, 4);
            return scratch.getInt(0);
        }

        @Override
        public void getBytes(final MutableDirectBuffer target, final int offset, final int length) {
            int done = 0;
            while (done < length) {
                final int n = Math.min(length - done, scratch.capacity());
                readFully(scratch, 0, n);
                target.putBytes(offset + done, scratch, 0, n);
                done += n;
            }
        }

        void readFully(final UnsafeBuffer target, final int offset, final int length) {
            final byte[] array = target.byteArray();
            int done = 0;
            try {
                while (done < length) {
                    final int n = in.read(array, offset + done, length - done);
                    if (n < 0) {
                        throw new CorruptStateException("canonical state ends early");
                    }
                    done += n;
                }
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

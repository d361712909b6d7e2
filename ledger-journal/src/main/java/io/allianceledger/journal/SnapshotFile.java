package io.allianceledger.journal;

import io.allianceledger.engine.CanonicalState;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.UnsafeBuffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/**
 * Snapshot files: the canonical state of a ledger after an exact number of commands, between a header and a
 * trailer that make it self-checking. {@code docs/journal-format.md} describes the layout.
 * <p>
 * A snapshot is written to a temporary file, forced to the device, renamed into place atomically, and the
 * directory forced, so a snapshot file that exists is complete unless the storage itself damaged it. Loading
 * checks the markers, length, CRC32C, HMAC when keyed, ledger and account limit before a byte of state is
 * parsed, and after parsing requires the restored state's hash to equal the one recorded.
 */
final class SnapshotFile {
    static final int FORMAT_VERSION = 1;
    static final long BEGIN_MARKER = 0x4742_5041_4E53_4C41L; // "ALSNAPBG" little-endian
    static final long END_MARKER = 0x444E_5041_4E53_4C41L; // "ALSNAPND" little-endian

    static final int HEADER_LENGTH = 128;
    static final int H_VERSION = 8;
    static final int H_KEYED = 10;
    static final int H_IDENTITY_LENGTH = 11;
    static final int H_MAX_ACCOUNTS = 12;
    static final int H_SEQUENCE = 16;
    static final int H_LAST_TIMESTAMP = 24;
    static final int H_RECORD_COUNT = 32;
    static final int H_RESERVED = 40;
    static final int H_IDENTITY = 64;

    static final int TRAILER_LENGTH = 88;
    static final int T_BODY_LENGTH = 0;
    static final int T_STATE_HASH = 8;
    static final int T_HMAC = 40;
    static final int T_CRC = 72;
    static final int T_RESERVED = 76;
    static final int T_END_MARKER = 80;

    static final String PREFIX = "snapshot-";
    static final String SUFFIX = ".bin";

    private SnapshotFile() {
    }

    /** @return the file name of the snapshot at {@code sequence}; names sort in sequence order. */
    static String name(final long sequence) {
        return PREFIX + String.format("%020d", sequence) + SUFFIX;
    }

    /**
     * Writes a snapshot of {@code machine}, which reflects exactly {@code sequence} commands.
     *
     * @return the file written.
     */
    static Path write(final Path directory, final long sequence, final StateMachine machine, final byte[] identity,
        final int maxAccounts, final byte[] key) {
        if (machine.commandCount() != sequence) {
            throw new IllegalStateException("the state reflects " + machine.commandCount()
                + " commands, not the " + sequence + " the snapshot would claim");
        }
        final Path target = directory.resolve(name(sequence));
        final Path temporary = directory.resolve(name(sequence) + ".tmp");
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                final Sink sink = new Sink(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16), key);
                final byte[] header = new byte[HEADER_LENGTH];
                final UnsafeBuffer h = new UnsafeBuffer(header);
                h.putLong(0, BEGIN_MARKER);
                h.putShort(H_VERSION, (short)FORMAT_VERSION);
                h.putByte(H_KEYED, (byte)(key == null ? 0 : 1));
                h.putByte(H_IDENTITY_LENGTH, (byte)identity.length);
                h.putInt(H_MAX_ACCOUNTS, maxAccounts);
                h.putLong(H_SEQUENCE, sequence);
                h.putLong(H_LAST_TIMESTAMP, machine.lastTimestamp());
                h.putLong(H_RECORD_COUNT, machine.recordCount());
                h.putBytes(H_IDENTITY, identity);
                sink.write(header);
                sink.body = true;
                machine.writeState(sink);
                sink.body = false;
                final byte[] trailer = new byte[TRAILER_LENGTH];
                final UnsafeBuffer t = new UnsafeBuffer(trailer);
                t.putLong(T_BODY_LENGTH, sink.bodyLength);
                t.putBytes(T_STATE_HASH, sink.stateDigest.digest());
                sink.write(trailer, 0, T_HMAC);
                if (sink.mac != null) {
                    t.putBytes(T_HMAC, sink.mac.doFinal());
                }
                sink.crc.update(trailer, T_HMAC, T_CRC - T_HMAC);
                t.putInt(T_CRC, (int)sink.crc.getValue());
                t.putLong(T_END_MARKER, END_MARKER);
                sink.out.write(trailer, T_HMAC, TRAILER_LENGTH - T_HMAC);
                sink.out.flush();
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            forceDirectory(directory);
            return target;
        } catch (final IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (final IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot write snapshot " + target, e);
        }
    }

    /**
     * Reads a snapshot's header.
     *
     * @throws JournalCorruptException           if the file is too short or lacks its markers.
     * @throws UnsupportedJournalFormatException if it has an unknown version.
     */
    static SnapshotInfo info(final Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long size = channel.size();
            if (size < HEADER_LENGTH + TRAILER_LENGTH) {
                throw corrupt(file, "only " + size + " bytes: incomplete");
            }
            final UnsafeBuffer h = new UnsafeBuffer(readFully(channel, 0, HEADER_LENGTH));
            final UnsafeBuffer t = new UnsafeBuffer(readFully(channel, size - TRAILER_LENGTH, TRAILER_LENGTH));
            if (h.getLong(0) != BEGIN_MARKER) {
                throw corrupt(file, "no begin marker");
            }
            if (t.getLong(T_END_MARKER) != END_MARKER) {
                throw corrupt(file, "no end marker: incomplete");
            }
            final int version = h.getShort(H_VERSION) & 0xFFFF;
            if (version != FORMAT_VERSION) {
                throw new UnsupportedJournalFormatException(file, "", version, FORMAT_VERSION);
            }
            final int identityLength = h.getByte(H_IDENTITY_LENGTH) & 0xFF;
            final int keyed = h.getByte(H_KEYED);
            if (identityLength < 1 || identityLength > Frames.MAX_IDENTITY_LENGTH || (keyed != 0 && keyed != 1)
                || !isZero(h, H_RESERVED, H_IDENTITY) || !isZero(h, H_IDENTITY + identityLength, HEADER_LENGTH)) {
                throw corrupt(file, "invalid header fields");
            }
            final long bodyLength = t.getLong(T_BODY_LENGTH);
            if (bodyLength != size - HEADER_LENGTH - TRAILER_LENGTH) {
                throw corrupt(file, "the trailer records a body of " + bodyLength + " bytes but the file holds "
                    + (size - HEADER_LENGTH - TRAILER_LENGTH));
            }
            final byte[] identity = new byte[identityLength];
            h.getBytes(H_IDENTITY, identity);
            return new SnapshotInfo(file, h.getLong(H_SEQUENCE), h.getLong(H_LAST_TIMESTAMP), h.getLong(H_RECORD_COUNT),
                new String(identity, StandardCharsets.UTF_8), h.getInt(H_MAX_ACCOUNTS), keyed == 1,
                HexFormat.of().formatHex(t.byteArray(), T_STATE_HASH, T_HMAC));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    /**
     * Verifies a snapshot file completely and restores the state it holds.
     *
     * @param file        the snapshot.
     * @param identity    the ledger it must belong to, or null for any.
     * @param maxAccounts the account limit it must have been taken under, or 0 for any.
     * @param key         the HMAC key, or null if the journal has none.
     * @param fresh       makes the empty state machine to restore into: the ledger's limits and extension.
     * @return the restored machine; its state hash equals the one recorded when the snapshot was taken.
     * @throws JournalException on any failed check.
     */
    static StateMachine load(final Path file, final byte[] identity, final int maxAccounts, final byte[] key,
        final Supplier<StateMachine> fresh) {
        final SnapshotInfo info = info(file);
        if (identity != null && !info.ledgerName().equals(new String(identity, StandardCharsets.UTF_8))) {
            throw new JournalMismatchException(file, "snapshot of ledger '" + info.ledgerName() + "'");
        }
        if (maxAccounts != 0 && info.maxAccounts() != maxAccounts) {
            throw new JournalMismatchException(file, "snapshot taken under maxAccounts " + info.maxAccounts()
                + ", not " + maxAccounts);
        }
        if (info.keyed() != (key != null)) {
            throw new JournalMismatchException(file, info.keyed() ? "snapshot is HMAC-authenticated: give the key"
                : "snapshot has no HMAC but a key was given");
        }
        final byte[] recordedHash = verifyBytes(file, key);
        final StateMachine machine;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.skipNBytes(HEADER_LENGTH);
            final long bodyLength = Files.size(file) - HEADER_LENGTH - TRAILER_LENGTH;
            final Bounded body = new Bounded(in, bodyLength);
            try {
                machine = CanonicalState.read(body, fresh.get());
            } catch (final RuntimeException e) {
                // Any failure to parse checksummed bytes means writer and reader disagree: reject, never apply.
                throw corrupt(file, "the canonical state does not parse: " + e);
            }
            if (body.remaining != 0) {
                throw corrupt(file, body.remaining + " bytes follow the canonical state's end marker");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
        final String hash = machine.stateHash();
        if (!hash.equals(HexFormat.of().formatHex(recordedHash))) {
            throw corrupt(file, "restored state hash " + hash + " differs from the recorded "
                + HexFormat.of().formatHex(recordedHash));
        }
        if (machine.commandCount() != info.sequence() || machine.lastTimestamp() != info.lastTimestamp()
            || machine.recordCount() != info.recordCount()) {
            throw corrupt(file, "the header disagrees with the state it holds");
        }
        return machine;
    }

    /** Checks CRC32C, HMAC and body hash over the whole file; returns the recorded state hash. */
    private static byte[] verifyBytes(final Path file, final byte[] key) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            final long size = channel.size();
            final byte[] trailer = readFully(channel, size - TRAILER_LENGTH, TRAILER_LENGTH);
            final UnsafeBuffer t = new UnsafeBuffer(trailer);
            final CRC32C crc = new CRC32C();
            final Mac mac = key == null ? null : mac(key);
            final MessageDigest body = sha256();
            final ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
            final long bodyEnd = size - TRAILER_LENGTH;
            long position = 0;
            while (position < bodyEnd) {
                chunk.clear();
                chunk.limit((int)Math.min(chunk.capacity(), bodyEnd - position));
                final int n = channel.read(chunk, position);
                if (n <= 0) {
                    throw corrupt(file, "ends early");
                }
                final byte[] array = chunk.array();
                crc.update(array, 0, n);
                if (mac != null) {
                    mac.update(array, 0, n);
                }
                final int bodyFrom = (int)Math.max(0, Math.min(n, HEADER_LENGTH - position));
                body.update(array, bodyFrom, n - bodyFrom);
                position += n;
            }
            crc.update(trailer, 0, T_CRC);
            if ((int)crc.getValue() != t.getInt(T_CRC) || t.getInt(T_RESERVED) != 0) {
                throw corrupt(file, "CRC32C mismatch");
            }
            if (mac != null) {
                mac.update(trailer, 0, T_HMAC);
                if (!MessageDigest.isEqual(mac.doFinal(), Arrays.copyOfRange(trailer, T_HMAC, T_CRC))) {
                    throw corrupt(file, "HMAC mismatch (altered, or the wrong key)");
                }
            } else if (!isZero(t, T_HMAC, T_CRC)) {
                throw corrupt(file, "an unkeyed snapshot with a non-zero HMAC field");
            }
            final byte[] recorded = Arrays.copyOfRange(trailer, T_STATE_HASH, T_HMAC);
            if (!MessageDigest.isEqual(body.digest(), recorded)) {
                throw corrupt(file, "the body's SHA-256 differs from the recorded state hash");
            }
            return recorded;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read snapshot " + file, e);
        }
    }

    /** @return the snapshot files in a directory, newest (highest sequence) first; unreadable names skipped. */
    static List<Path> list(final Path directory) {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (final Path p : stream) {
                if (sequenceOf(p) >= 0) {
                    files.add(p);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        files.sort((a, b) -> Long.compare(sequenceOf(b), sequenceOf(a)));
        return files;
    }

    /** @return the sequence a snapshot file name claims, or -1 if the name is not a snapshot's. */
    static long sequenceOf(final Path file) {
        final String name = file.getFileName().toString();
        if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)
            || name.length() != PREFIX.length() + 20 + SUFFIX.length()) {
            return -1;
        }
        try {
            return Long.parseLong(name.substring(PREFIX.length(), PREFIX.length() + 20));
        } catch (final NumberFormatException e) {
            return -1;
        }
    }

    static void forceDirectory(final Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (final IOException e) {
            // Some platforms cannot open a directory; the rename is still atomic there.
            if (System.getProperty("os.name", "").startsWith("Linux")) {
                throw e;
            }
        }
    }

    private static JournalCorruptException corrupt(final Path file, final String reason) {
        return new JournalCorruptException(file, JournalCorruptException.NO_INDEX, -1, "snapshot " + reason);
    }

    private static byte[] readFully(final FileChannel channel, final long position, final int length)
        throws IOException {
        final ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (channel.read(b, position + b.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        return b.array();
    }

    private static boolean isZero(final UnsafeBuffer b, final int from, final int to) {
        for (int i = from; i < to; i++) {
            if (b.getByte(i) != 0) {
                return false;
            }
        }
        return true;
    }

    static Mac mac(final byte[] key) {
        try {
            final Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Writes through, feeding the CRC, the HMAC and (inside the body) the state digest. */
    private static final class Sink extends OutputStream {
        final OutputStream out;
        final CRC32C crc = new CRC32C();
        final Mac mac;
        final MessageDigest stateDigest = sha256();
        boolean body;
        long bodyLength;

        Sink(final OutputStream out, final byte[] key) {
            this.out = out;
            this.mac = key == null ? null : mac(key);
        }

        @Override
        public void write(final int b) throws IOException {
            write(new byte[] {(byte)b}, 0, 1);
        }

        @Override
        public void write(final byte[] b, final int off, final int len) throws IOException {
            out.write(b, off, len);
            crc.update(b, off, len);
            if (mac != null) {
                mac.update(b, off, len);
            }
            if (body) {
                stateDigest.update(b, off, len);
                bodyLength += len;
            }
        }

        @Override
        public void write(final byte[] b) throws IOException {
            write(b, 0, b.length);
        }

        @Override
        public void flush() {
            // The canonical writer flushes when done; the file is flushed once, at the end.
        }
    }

    /** An input stream of at most {@code remaining} bytes, counting what is left. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        long remaining;

        Bounded(final InputStream in, final long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            final int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            final int n = in.read(b, off, (int)Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}

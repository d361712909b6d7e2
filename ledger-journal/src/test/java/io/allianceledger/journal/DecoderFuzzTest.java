package io.allianceledger.journal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

import static io.allianceledger.journal.Frames.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fuzz targets for the two parsers that read untrusted bytes: the journal document verifier and the snapshot
 * loader. In CI they run in Jazzer's regression mode over the inputs under {@code DecoderFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} they fuzz. Besides never throwing anything but the journal's own exceptions, every input
 * that is accepted must be byte for byte what the journal's writer produces for the values decoded from it: a
 * parser that accepts only canonical, checksummed, correctly chained bytes applies nothing it did not write.
 * The {@code ...WithValidChecksums} targets fix up CRCs and hashes first, so the fuzzer reaches the field checks
 * behind them instead of stopping at the checksum.
 */
class DecoderFuzzTest {
    static final byte[] IDENTITY = Fixtures.LEDGER.getBytes(StandardCharsets.UTF_8);

    @FuzzTest(maxDuration = "60s")
    void journalDocument(final byte[] input) {
        verifyDocument(input);
    }

    @FuzzTest(maxDuration = "60s")
    void journalDocumentWithValidChecksums(final byte[] input) {
        verifyDocument(sealFrames(input.clone()));
    }

    @FuzzTest(maxDuration = "60s")
    void snapshotFile(final byte[] input) throws IOException {
        loadSnapshot(input);
    }

    @FuzzTest(maxDuration = "60s")
    void snapshotBodyWithValidChecksums(final byte[] input) throws IOException {
        loadSnapshot(sealSnapshot(input));
    }

    /** The oracles are not vacuous: the valid seed inputs are accepted, and a single flipped bit in any is not. */
    @org.junit.jupiter.api.Test
    void validSeedsAreAcceptedAndEveryOneBitFlipRejected() throws Exception {
        final byte[] doc = resource("journalDocument/doc-1");
        assertEquals(DocumentVerifier.OK, new DocumentVerifier(new ChainHash(null), IDENTITY, Fixtures.MAX_ACCOUNTS)
            .verify(doc, doc.length, 0, Path.of("seed")));
        assertArrayEquals(doc, reencode(doc));
        for (int bit = 0; bit < doc.length * 8; bit++) {
            final byte[] flipped = doc.clone();
            flipped[bit / 8] ^= (byte)(1 << (bit % 8));
            assertEquals(DocumentVerifier.FAILED, new DocumentVerifier(new ChainHash(null), IDENTITY,
                Fixtures.MAX_ACCOUNTS).verify(flipped, flipped.length, 0, Path.of("seed")), "bit " + bit);
        }
        for (final String name : new String[] {"snapshot-0", "snapshot-1", "snapshot-2"}) {
            final byte[] snapshot = resource("snapshotFile/" + name);
            final Path dir = Files.createTempDirectory("seed");
            try {
                Files.write(dir.resolve(SnapshotFile.name(0)), snapshot);
                final StateMachine machine = SnapshotFile.load(dir.resolve(SnapshotFile.name(0)), IDENTITY,
                    Fixtures.MAX_ACCOUNTS, null, DecoderFuzzTest::fresh);
                assertEquals(SnapshotFile.info(dir.resolve(SnapshotFile.name(0))).stateHash(), machine.stateHash());
            } finally {
                Surgery.deleteRecursively(dir);
            }
        }
        final byte[] body = resource("snapshotBodyWithValidChecksums/state-2");
        final Path dir = Files.createTempDirectory("seed");
        try {
            Files.write(dir.resolve(SnapshotFile.name(0)), sealSnapshot(body));
            SnapshotFile.load(dir.resolve(SnapshotFile.name(0)), IDENTITY, Fixtures.MAX_ACCOUNTS, null, DecoderFuzzTest::fresh);
        } finally {
            Surgery.deleteRecursively(dir);
        }
    }

    static StateMachine fresh() {
        return new StateMachine(64, Fixtures.MAX_ACCOUNTS);
    }

    private static byte[] resource(final String name) throws IOException {
        try (var in = DecoderFuzzTest.class.getResourceAsStream("DecoderFuzzTestInputs/" + name)) {
            return in.readAllBytes();
        }
    }

    // ---------------------------------------------------------------- journal documents

    private static void verifyDocument(final byte[] doc) {
        final DocumentVerifier verifier = new DocumentVerifier(new ChainHash(null), IDENTITY, Fixtures.MAX_ACCOUNTS);
        final int status;
        try {
            status = verifier.verify(doc, doc.length, 0, Path.of("fuzz.cq4"));
        } catch (final UnsupportedJournalFormatException | JournalMismatchException expected) {
            return;
        }
        if (status != DocumentVerifier.OK) {
            return;
        }
        assertArrayEquals(doc, reencode(doc), "accepted bytes that the writer would not have written");
    }

    /** Re-encodes every frame of an accepted document from its decoded values, chained from the same start. */
    static byte[] reencode(final byte[] doc) {
        final UnsafeBuffer in = new UnsafeBuffer(doc);
        final ChainHash chain = new ChainHash(null);
        if ((in.getShort(KIND_OFFSET) & 0xFFFF) == KIND_HEADER) {
            chain.set(doc, HEADER_PREVIOUS_CHAIN_OFFSET);
        }
        final FrameEncoder encoder = new FrameEncoder(chain);
        final byte[] out = new byte[doc.length];
        int at = 0;
        while (at < doc.length) {
            final int kind = in.getShort(at + KIND_OFFSET) & 0xFFFF;
            final int length = switch (kind) {
                case KIND_COMMAND -> encoder.command(in.getLong(at + COMMAND_SEQUENCE_OFFSET),
                    in.getLong(at + COMMAND_TIMESTAMP_OFFSET), in, at + COMMAND_BYTES_OFFSET,
                    in.getInt(at + COMMAND_LENGTH_OFFSET));
                case KIND_COMMIT -> encoder.commit(in.getLong(at + COMMIT_FIRST_SEQUENCE_OFFSET),
                    in.getLong(at + COMMIT_COUNT_OFFSET));
                case KIND_HEADER -> encoder.header(in.getLong(at + HEADER_FIRST_SEQUENCE_OFFSET),
                    in.getLong(at + HEADER_FIRST_TIMESTAMP_OFFSET), in.getInt(at + HEADER_MAX_ACCOUNTS_OFFSET),
                    Arrays.copyOfRange(doc, at + HEADER_IDENTITY_OFFSET,
                        at + HEADER_IDENTITY_OFFSET + (doc[at + HEADER_IDENTITY_LENGTH_OFFSET] & 0xFF)));
                case KIND_VOID -> encoder.voidFrame(in.getLong(at + VOID_FIRST_INDEX_OFFSET),
                    in.getLong(at + VOID_LAST_INDEX_OFFSET), in.getLong(at + VOID_FIRST_DROPPED_SEQUENCE_OFFSET),
                    in.getLong(at + VOID_DROPPED_RECORDS_OFFSET), in.getInt(at + VOID_REASON_OFFSET));
                default -> throw new AssertionError("accepted an unknown kind " + kind);
            };
            System.arraycopy(encoder.bytes(), 0, out, at, Math.min(length, doc.length - at));
            at += length;
        }
        assertEquals(doc.length, at, "frames do not tile the document");
        return out;
    }

    /**
     * Walks the input as frames by their length fields and writes a correct chain hash (SHA-256 from zeros, or
     * from a HEADER's previous chain) and CRC32C into each, so only the field checks can reject it.
     */
    static byte[] sealFrames(final byte[] doc) {
        final UnsafeBuffer b = new UnsafeBuffer(doc);
        final ChainHash chain = new ChainHash(null);
        final CRC32C crc = new CRC32C();
        int at = 0;
        boolean first = true;
        while (doc.length - at >= PREFIX_LENGTH + TRAILER_LENGTH) {
            final int length = b.getInt(at);
            if (length < PREFIX_LENGTH + TRAILER_LENGTH || length > doc.length - at || (length & 7) != 0) {
                break;
            }
            final int content = length - TRAILER_LENGTH;
            if (first && (b.getShort(at + KIND_OFFSET) & 0xFFFF) == KIND_HEADER && content >= HEADER_CONTENT_LENGTH) {
                chain.set(doc, at + HEADER_PREVIOUS_CHAIN_OFFSET);
            }
            first = false;
            chain.advance(doc, at, content);
            chain.copyTo(doc, at + content);
            crc.reset();
            crc.update(doc, at, content + CHAIN_LENGTH);
            b.putInt(at + content + CHAIN_LENGTH, (int)crc.getValue());
            at += length;
        }
        return doc;
    }

    // ---------------------------------------------------------------- snapshots

    /** @return the record count field of a canonical state (see CanonicalState's layout), or 0 if out of reach. */
    private static long recordCount(final byte[] body) {
        final UnsafeBuffer b = new UnsafeBuffer(body);
        if (body.length < 32) {
            return 0;
        }
        final long assets = b.getInt(24) & 0xFFFFFFFFL;
        final long accountsAt = 32 + assets * 8;
        if (accountsAt + 8 > body.length) {
            return 0;
        }
        final long accounts = b.getLong((int)accountsAt);
        final long recordsAt = accountsAt + 8 + accounts * 56;
        return accounts < 0 || accounts > body.length || recordsAt + 8 > body.length ? 0 : b.getLong((int)recordsAt);
    }

    private static void loadSnapshot(final byte[] bytes) throws IOException {
        final Path dir = Files.createTempDirectory("snapshot-fuzz");
        final Path file = dir.resolve(SnapshotFile.name(0));
        try {
            Files.write(file, bytes);
            final StateMachine machine;
            try {
                machine = SnapshotFile.load(file, IDENTITY, Fixtures.MAX_ACCOUNTS, null, DecoderFuzzTest::fresh);
            } catch (final JournalException expected) {
                return;
            }
            // Accepted: it must be exactly the snapshot the writer makes of the state it restored to.
            final Path again = SnapshotFile.write(dir.resolve("again"), machine.commandCount(), machine, IDENTITY,
                Fixtures.MAX_ACCOUNTS, null);
            assertArrayEquals(bytes, Files.readAllBytes(again), "accepted a snapshot the writer would not write");
        } finally {
            Surgery.deleteRecursively(dir);
        }
    }

    /**
     * Wraps fuzz bytes as a snapshot body with a valid header and trailer (markers, lengths, state hash, CRC)
     * taking the sequence, timestamp and record count from where the canonical layout keeps them in the body, so
     * that the canonical state parser and the consistency checks behind the checksums are what gets fuzzed.
     */
    static byte[] sealSnapshot(final byte[] body) {
        final byte[] out = new byte[SnapshotFile.HEADER_LENGTH + body.length + SnapshotFile.TRAILER_LENGTH];
        final UnsafeBuffer h = new UnsafeBuffer(out);
        final UnsafeBuffer in = new UnsafeBuffer(Arrays.copyOf(body, Math.max(body.length, 24)));
        h.putLong(0, SnapshotFile.BEGIN_MARKER);
        h.putShort(SnapshotFile.H_VERSION, (short)SnapshotFile.FORMAT_VERSION);
        h.putByte(SnapshotFile.H_IDENTITY_LENGTH, (byte)IDENTITY.length);
        h.putInt(SnapshotFile.H_MAX_ACCOUNTS, Fixtures.MAX_ACCOUNTS);
        h.putLong(SnapshotFile.H_LAST_TIMESTAMP, in.getLong(8));
        h.putLong(SnapshotFile.H_SEQUENCE, in.getLong(16));
        h.putLong(SnapshotFile.H_RECORD_COUNT, recordCount(body));
        h.putBytes(SnapshotFile.H_IDENTITY, IDENTITY);
        System.arraycopy(body, 0, out, SnapshotFile.HEADER_LENGTH, body.length);
        final int t = SnapshotFile.HEADER_LENGTH + body.length;
        h.putLong(t + SnapshotFile.T_BODY_LENGTH, body.length);
        h.putBytes(t + SnapshotFile.T_STATE_HASH, SnapshotFile.sha256().digest(body));
        final CRC32C crc = new CRC32C();
        crc.update(out, 0, t + SnapshotFile.T_CRC);
        h.putInt(t + SnapshotFile.T_CRC, (int)crc.getValue());
        h.putLong(t + SnapshotFile.T_END_MARKER, SnapshotFile.END_MARKER);
        return out;
    }
}

package io.allianceledger.journal;

import org.agrona.DirectBuffer;

/**
 * A benchmark's window on the journal's package-private frame codec: it lives in {@code ledger-bench} but in the
 * journal's package (the class path does not seal packages), so the codec benchmark can time exactly what the
 * journal does per command without the journal exposing it. Not part of the journal's API.
 * <ul>
 * <li>{@link #encode}: {@code FrameEncoder.command}, the COMMAND frame around a command's bytes: sequence,
 * timestamp, the SHA-256 chain step over the frame, CRC32C.</li>
 * <li>{@link #decode}: what reading does per frame: {@code FrameDecoder.decode} (length, CRC32C, format version,
 * fields) and the chain step that verification recomputes.</li>
 * </ul>
 */
public final class JournalFrameProbe {
    private final FrameEncoder encoder = new FrameEncoder(new ChainHash(null));
    private final FrameDecoder decoder = new FrameDecoder();
    private final ChainHash verifyChain = new ChainHash(null);
    private final byte[] frame = new byte[Frames.MAX_FRAME_LENGTH];
    private int frameLength;

    /**
     * Frames a command.
     *
     * @param sequence  its sequence.
     * @param timestamp its engine timestamp.
     * @param buffer    holds its bytes.
     * @param offset    where they start.
     * @param length    how many.
     * @return the frame's length.
     */
    public int encode(final long sequence, final long timestamp, final DirectBuffer buffer, final int offset,
        final int length) {
        return encoder.command(sequence, timestamp, buffer, offset, length);
    }

    /** Keeps a copy of the last frame {@link #encode} built, for {@link #decode}. */
    public void keepLastFrame() {
        final int length = java.nio.ByteBuffer.wrap(encoder.bytes()).order(java.nio.ByteOrder.LITTLE_ENDIAN)
            .getInt(Frames.LENGTH_OFFSET);
        System.arraycopy(encoder.bytes(), 0, frame, 0, length);
        frameLength = length;
    }

    /**
     * Decodes the kept frame and recomputes its chain step.
     *
     * @return the number of frames decoded (1), or -1 if the frame did not decode.
     */
    public int decode() {
        if (decoder.decode(frame, frameLength) != FrameDecoder.OK) {
            return -1;
        }
        verifyChain.advance(frame, 0, frameLength - Frames.TRAILER_LENGTH);
        return decoder.count();
    }
}

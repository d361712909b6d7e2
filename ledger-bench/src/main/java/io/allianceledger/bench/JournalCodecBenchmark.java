package io.allianceledger.bench;

import io.allianceledger.command.CommandLayout;
import io.allianceledger.journal.JournalFrameProbe;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The journal's side of the codec, per command: framing an encoded command for the journal (encode) and
 * checking a frame read back (decode), through {@link JournalFrameProbe}. The journal treats a command's bytes
 * as opaque, so the cost depends only on the command's length; the kinds measured span the lengths of the
 * journaled commands (32 to 384 bytes). Decoding a command's fields is not a separate step anywhere: the state
 * machine reads them in place while applying (see {@link StateMachineBenchmark}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class JournalCodecBenchmark {
    /** One encoded command and a frame codec. */
    @State(Scope.Thread)
    public static class Frames {
        /** Which command (see {@link CodecBenchmark}); lengths 32, 64, 88, 96, 184 and 384 bytes. */
        @Param({"CLOSE_CYCLE", "ACCRUE", "TRANSFER", "SETTLE_SALE", "POST_ENTRY_8", "LINKED_BATCH_4"})
        public String command;

        final UnsafeBuffer bytes = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);
        final JournalFrameProbe probe = new JournalFrameProbe();
        int length;
        long sequence;

        /** Encodes the command and keeps one frame of it to decode. */
        @Setup(Level.Trial)
        public void build() {
            length = CodecBenchmark.CoreCommands.sample(command).encode(bytes, 0);
            probe.encode(0, 1, bytes, 0, length);
            probe.keepLastFrame();
        }
    }

    /**
     * Frames the command: copy, sequence and timestamp, SHA-256 chain step, CRC32C.
     *
     * @param f the command.
     * @return the frame's length.
     */
    @Benchmark
    public int frameEncode(final Frames f) {
        return f.probe.encode(f.sequence++, f.sequence, f.bytes, 0, f.length);
    }

    /**
     * Checks a frame: length, CRC32C, version and fields, and the chain step recomputed.
     *
     * @param f the frame.
     * @return frames decoded.
     */
    @Benchmark
    public int frameDecode(final Frames f) {
        return f.probe.decode();
    }
}

package io.allianceledger.journal;

import io.allianceledger.command.Command;
import io.allianceledger.engine.MachineDriver;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the seed inputs of {@link DecoderFuzzTest} (valid documents and snapshots, which its regression mode
 * replays in CI). Run from the module with the test class path:
 * {@code java -cp ... io.allianceledger.journal.FuzzCorpus src/test/resources}.
 */
public final class FuzzCorpus {
    private FuzzCorpus() {
    }

    public static void main(final String[] args) throws Exception {
        final Path base = Path.of(args[0]).resolve("io/allianceledger/journal/DecoderFuzzTestInputs");
        final List<byte[]> docs = documents();
        for (final String target : List.of("journalDocument", "journalDocumentWithValidChecksums")) {
            write(base.resolve(target), "doc", docs);
        }
        final List<byte[]> snapshots = new ArrayList<>();
        final List<byte[]> bodies = new ArrayList<>();
        for (final int commands : new int[] {0, 2, 40}) {
            final StateMachine machine = new StateMachine(64, Fixtures.MAX_ACCOUNTS);
            final MachineDriver driver = new MachineDriver(machine, TestClock.START);
            final Workload workload = new Workload(commands, 1);
            final List<Command> setup = Workload.setup();
            for (int i = 0; i < commands; i++) {
                driver.apply(i < setup.size() ? setup.get(i) : workload.next());
            }
            final Path tmp = Files.createTempDirectory("corpus");
            snapshots.add(Files.readAllBytes(SnapshotFile.write(tmp, machine.commandCount(), machine,
                DecoderFuzzTest.IDENTITY, Fixtures.MAX_ACCOUNTS, null)));
            final ByteArrayOutputStream body = new ByteArrayOutputStream();
            machine.writeState(body);
            bodies.add(body.toByteArray());
            Surgery.deleteRecursively(tmp);
        }
        write(base.resolve("snapshotFile"), "snapshot", snapshots);
        write(base.resolve("snapshotBodyWithValidChecksums"), "state", bodies);
    }

    /** Documents a verifier accepts from its initial state, and some it rejects. */
    private static List<byte[]> documents() {
        final FrameEncoder encoder = new FrameEncoder(new ChainHash(null));
        final UnsafeBuffer command = new UnsafeBuffer(new byte[4096]);
        final List<byte[]> docs = new ArrayList<>();
        final ByteArrayOutputStream doc = new ByteArrayOutputStream();
        doc.write(encoder.bytes(), 0, encoder.header(0, TestClock.START, Fixtures.MAX_ACCOUNTS, DecoderFuzzTest.IDENTITY));
        docs.add(doc.toByteArray());
        final Workload workload = new Workload(5, 1);
        final List<Command> commands = new ArrayList<>(Workload.setup().subList(0, 3));
        for (int i = 0; i < 6; i++) {
            commands.add(workload.next());
        }
        long ts = TestClock.START;
        for (int i = 0; i < commands.size(); i++) {
            final int length = commands.get(i).encode(command, 0);
            doc.write(encoder.bytes(), 0, encoder.command(i, ts += 1000, command, 0, length));
        }
        doc.write(encoder.bytes(), 0, encoder.commit(0, commands.size()));
        docs.add(doc.toByteArray());
        final ByteArrayOutputStream voided = new ByteArrayOutputStream();
        voided.write(encoder.bytes(), 0, encoder.voidFrame(0x4cdb00000007L, 0x4cdb00000009L, 12, 3, Frames.VOID_REASON_TORN_TAIL));
        docs.add(voided.toByteArray());
        return docs;
    }

    private static void write(final Path dir, final String prefix, final List<byte[]> inputs) throws Exception {
        Files.createDirectories(dir);
        for (int i = 0; i < inputs.size(); i++) {
            Files.write(dir.resolve(prefix + "-" + i), inputs.get(i));
        }
    }
}

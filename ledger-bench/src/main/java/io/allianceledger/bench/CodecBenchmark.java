package io.allianceledger.bench;

import io.allianceledger.command.CloseAccount;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.LinkedBatch;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.PostPending;
import io.allianceledger.command.Posting;
import io.allianceledger.command.VoidPending;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The codec: encoding each command that is journaled into the binary layout of {@link CommandLayout}, as
 * {@code submit} does into a ring slot. The commands are built before the measured call, so this is
 * {@code Command.encode} alone: zeroing the slot, the header and the body.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class CodecBenchmark {
    /** One command of a kind, and a slot-sized buffer. */
    @State(Scope.Thread)
    public static class Encode {
        /** Which command. {@code POST_ENTRY_8} is an entry of 4 debits and 4 credits; {@code LINKED_BATCH_4} holds 4 transfers. */
        @Param({"DEFINE_ASSET", "OPEN_ACCOUNT", "CLOSE_ACCOUNT", "TRANSFER", "POST_ENTRY_8", "PENDING_TRANSFER",
            "POST_PENDING_PARTIAL", "VOID_PENDING", "LINKED_BATCH_4"})
        public String command;

        Command value;
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);

        /** Builds the command. */
        @Setup(Level.Trial)
        public void build() {
            value = CoreCommands.sample(command);
        }
    }

    /**
     * Encodes the command into a slot.
     *
     * @param s the command and the slot.
     * @return the encoded length.
     */
    @Benchmark
    public int encode(final Encode s) {
        return s.value.encode(s.slot, 0);
    }

    /** Sample commands of every core type, with realistic ids (business keys hashed) and amounts. */
    static final class CoreCommands {
        private CoreCommands() {
        }

        static Command sample(final String kind) {
            final CommandId id = CommandId.fromName("order-2026-11-22-000123");
            final CommandId other = CommandId.fromName("order-2026-11-22-000122");
            return switch (kind) {
                case "DEFINE_ASSET" -> new DefineAsset(id, 156, 2);
                case "OPEN_ACCOUNT" -> new OpenAccount(id, Machines.accountId(7), 156, 0);
                case "CLOSE_ACCOUNT" -> new CloseAccount(id, Machines.accountId(7));
                case "TRANSFER" -> PostEntry.transfer(id, Machines.accountId(1), Machines.accountId(2), 12_850);
                case "POST_ENTRY_8" -> {
                    final List<Posting> debits = new ArrayList<>();
                    final List<Posting> credits = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        debits.add(new Posting(Machines.accountId(i), 1_000 + i));
                        credits.add(new Posting(Machines.accountId(10 + i), 1_000 + i));
                    }
                    yield new PostEntry(id, debits, credits, false, 0, 7, other);
                }
                case "PENDING_TRANSFER" -> PostEntry.pendingTransfer(id, Machines.accountId(1), Machines.accountId(2), 10_000, 3600);
                case "POST_PENDING_PARTIAL" -> new PostPending(id, other, new long[] {8_000, 8_000});
                case "VOID_PENDING" -> new VoidPending(id, other);
                case "LINKED_BATCH_4" -> {
                    final List<Command> items = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        items.add(PostEntry.transfer(CommandId.fromName("order-" + i), Machines.accountId(i),
                            Machines.accountId(i + 1), 100));
                    }
                    yield new LinkedBatch(items);
                }
                default -> throw new IllegalArgumentException("unknown command " + kind);
            };
        }
    }
}

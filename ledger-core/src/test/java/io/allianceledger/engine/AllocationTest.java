package io.allianceledger.engine;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.LinkedBatch;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.PostPending;
import io.allianceledger.command.VoidPending;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Applying commands allocates nothing once the tables are warm: measured with the JVM's per-thread allocation
 * counter over thousands of posted, pending, posted-pending, voided, rejected, retried and linked commands.
 * (The record log grows in 1 MiB chunks; the measured window stays inside one, so any byte counted is garbage.)
 */
class AllocationTest {
    private static final int WARM = 20_000;
    private static final int MEASURED = 2_000;

    @Test
    void applyingCommandsAllocatesNothingAfterWarmUp() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported());
        final StateMachine machine = new StateMachine(1 << 17, 1 << 20);
        final CommandResult result = new CommandResult();
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);
        long clock = 1;
        clock = apply(machine, buffer, result, clock, new DefineAsset(CommandId.of(1), 156, 2));
        for (int a = 1; a <= 100; a++) {
            clock = apply(machine, buffer, result, clock, new OpenAccount(CommandId.of(10 + a), a, 156, 0));
        }
        // Pre-encode every command so the loop measures the state machine, not the encoders.
        final int total = WARM + MEASURED;
        final byte[][] commands = new byte[total][];
        for (int i = 0; i < total; i++) {
            final long id = 1_000_000L + 10L * i;
            final long from = 1 + i % 100;
            final long to = 1 + (i * 7 + 3) % 100;
            commands[i] = encode(buffer, switch (i % 6) {
                case 0 -> PostEntry.transfer(CommandId.of(id), from, to, 1 + i % 1000);
                case 1 -> PostEntry.pendingTransfer(CommandId.of(id), from, to, 5, i % 2 == 0 ? 1 : 0);
                case 2 -> PostPending.whole(CommandId.of(id), CommandId.of(id - 10));
                case 3 -> new VoidPending(CommandId.of(id), CommandId.of(id - 20)); // usually already posted: rejected
                case 4 -> PostEntry.transfer(CommandId.of(id - 40), from, to, 1 + (i - 4) % 1000); // retry: EXISTS
                default -> new LinkedBatch(List.of(PostEntry.transfer(CommandId.of(id), from, to, 2),
                    PostEntry.transfer(CommandId.of(id + 1), from, 424242, 2))); // fails: rolled back
            });
        }
        final UnsafeBuffer[] views = new UnsafeBuffer[total];
        for (int i = 0; i < total; i++) {
            views[i] = new UnsafeBuffer(commands[i]);
        }
        // Warm up through the same method that is measured, so it is compiled whole (no on-stack replacement).
        for (int start = 0; start < WARM; start += MEASURED) {
            clock = applyAll(machine, views, start, start + MEASURED, clock, result);
        }
        final long thread = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(thread);
        clock = applyAll(machine, views, WARM, total, clock, result);
        final long allocated = threads.getThreadAllocatedBytes(thread) - before;
        System.out.println("bytes allocated applying " + MEASURED + " commands after warm-up: " + allocated);
        assertEquals(0, allocated, "bytes allocated by " + MEASURED + " commands");
        assertTrue(machine.findViolation().isEmpty());
    }

    private static long applyAll(final StateMachine machine, final UnsafeBuffer[] views, final int from, final int to,
        final long start, final CommandResult result) {
        long clock = start;
        for (int i = from; i < to; i++) {
            clock += 1_000_000;
            machine.apply(views[i], 0, views[i].capacity(), clock, result);
        }
        return clock;
    }

    private static byte[] encode(final UnsafeBuffer buffer, final io.allianceledger.command.Command c) {
        final int length = c.encode(buffer, 0);
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        return bytes;
    }

    private static long apply(final StateMachine m, final UnsafeBuffer b, final CommandResult r, final long clock,
        final io.allianceledger.command.Command c) {
        final int length = c.encode(b, 0);
        m.apply(b, 0, length, clock + 1, r);
        return clock + 1;
    }
}

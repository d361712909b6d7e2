package io.allianceledger.engine;

import io.allianceledger.command.Command;
import io.allianceledger.command.ResultCode;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Test fixture: applies command values to a state machine with a deterministic engine clock, the way the
 * pipeline's logic stage does, and keeps the encoded commands so a run can be replayed.
 */
public final class MachineDriver {
    private final StateMachine machine;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[io.allianceledger.command.CommandLayout.MAX_COMMAND_LENGTH]);
    private final CommandResult result = new CommandResult();
    private final java.util.List<byte[]> applied = new java.util.ArrayList<>();
    private final java.util.List<Long> timestamps = new java.util.ArrayList<>();
    private long clock;

    public MachineDriver() {
        this(new StateMachine(), 1_000_000_000L);
    }

    public MachineDriver(final StateMachine machine, final long startTime) {
        this.machine = machine;
        this.clock = startTime;
    }

    public StateMachine machine() {
        return machine;
    }

    /** Advances the clock by one nanosecond and applies the command. */
    public CommandResult apply(final Command command) {
        return applyAt(clock + 1, command);
    }

    /** Applies the command at an explicit engine timestamp, which must increase. */
    public CommandResult applyAt(final long timestamp, final Command command) {
        final int length = command.encode(buffer, 0);
        clock = timestamp;
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        applied.add(bytes);
        timestamps.add(timestamp);
        machine.apply(buffer, 0, length, timestamp, result);
        return result;
    }

    /** Applies raw bytes. */
    public CommandResult applyBytes(final byte[] bytes) {
        clock++;
        applied.add(bytes.clone());
        timestamps.add(clock);
        final UnsafeBuffer b = new UnsafeBuffer(bytes);
        machine.apply(b, 0, bytes.length, clock, result);
        return result;
    }

    public ResultCode code(final Command command) {
        return apply(command).code();
    }

    public long clock() {
        return clock;
    }

    public void advance(final long nanos) {
        clock += nanos;
    }

    /** Replays every command this driver applied into a fresh machine. */
    public StateMachine replay() {
        final StateMachine fresh = new StateMachine();
        final CommandResult r = new CommandResult();
        for (int i = 0; i < applied.size(); i++) {
            final byte[] bytes = applied.get(i);
            fresh.apply(new UnsafeBuffer(bytes), 0, bytes.length, timestamps.get(i), r);
        }
        return fresh;
    }

    public java.util.List<Long> timestamps() {
        return java.util.List.copyOf(timestamps);
    }

    public java.util.List<byte[]> appliedCommands() {
        return java.util.List.copyOf(applied);
    }

    public int appliedCount() {
        return applied.size();
    }
}

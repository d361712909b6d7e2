package io.allianceledger.alliance.support;

import io.allianceledger.alliance.AllianceDomain;
import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.AccountView;
import io.allianceledger.engine.CanonicalState;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: a state machine with the alliance domain, fed commands at an increasing engine clock (nanoseconds,
 * one second apart unless told), keeping the encoded commands so a run can be replayed or restored.
 */
public final class AllianceDriver {
    private final StateMachine machine;
    private final AllianceDomain domain;
    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);
    private final CommandResult result = new CommandResult();
    private final List<byte[]> applied = new ArrayList<>();
    private final List<Long> timestamps = new ArrayList<>();
    private long clock = 1_000_000_000L;
    private long nextId = 1;

    public AllianceDriver() {
        this(new AllianceDomain());
    }

    /** @param domain a fresh domain, e.g. one built with a test bound. */
    public AllianceDriver(final AllianceDomain domain) {
        this.domain = domain;
        machine = new StateMachine(1024, StateMachine.DEFAULT_MAX_ACCOUNTS, domain);
    }

    public StateMachine machine() {
        return machine;
    }

    public AllianceDomain domain() {
        return domain;
    }

    /** @return a fresh command id. */
    public CommandId id() {
        return CommandId.of(nextId++);
    }

    public static long id(final String code) {
        return ParticipantCode.idOf(code);
    }

    public ResultCode apply(final Command command) {
        return applyAt(clock + 1_000_000_000L, command);
    }

    public ResultCode applyAt(final long engineTime, final Command command) {
        final int length = command.encode(buffer, 0);
        clock = engineTime;
        final byte[] bytes = new byte[length];
        buffer.getBytes(0, bytes);
        applied.add(bytes);
        timestamps.add(engineTime);
        machine.apply(buffer, 0, length, engineTime, result);
        return result.code();
    }

    /** Applies and asserts CREATED. */
    public void ok(final Command command) {
        final ResultCode code = apply(command);
        if (code != ResultCode.CREATED) {
            throw new AssertionError(command + " -> " + code);
        }
    }

    public long clock() {
        return clock;
    }

    public void advanceSeconds(final long seconds) {
        clock += seconds * 1_000_000_000L;
    }

    public AccountView account(final long accountId) {
        return machine.account(accountId).orElseThrow(() -> new AssertionError("no account " + accountId));
    }

    /** Replays every applied command into a fresh machine. */
    public StateMachine replay() {
        final StateMachine fresh = new StateMachine(1024, StateMachine.DEFAULT_MAX_ACCOUNTS, new AllianceDomain());
        final CommandResult r = new CommandResult();
        for (int i = 0; i < applied.size(); i++) {
            final byte[] bytes = applied.get(i);
            fresh.apply(new UnsafeBuffer(bytes), 0, bytes.length, timestamps.get(i), r);
        }
        return fresh;
    }

    /** Writes the canonical state and restores it into a fresh machine. */
    public StateMachine restore() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        machine.writeState(out);
        return CanonicalState.read(new ByteArrayInputStream(out.toByteArray()),
            new StateMachine(16, StateMachine.DEFAULT_MAX_ACCOUNTS, new AllianceDomain()));
    }
}

package io.allianceledger.ledger;

import io.allianceledger.command.CommandLayout;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateMachine;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One preallocated ring slot. A host thread fills it (translator), the journal and logic stages read it in
 * parallel, each writing only its own fields, and the result stage completes the future.
 */
final class CommandSlot {
    static final int EMPTY = 0;
    static final int COMMAND = 1;
    static final int QUERY = 2;
    static final int SNAPSHOT = 3;

    /** Written by the host. */
    int kind;
    final UnsafeBuffer buffer = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);
    int length;
    long ingressTime;
    Function<StateMachine, ?> query;
    CompletableFuture<Object> future;
    Throwable translateFailure;

    /** Written by the journal stage. */
    long journalTimestamp;
    long journalSequence;

    /** Written by the logic stage. */
    long timestamp;
    long sequence;
    final CommandResult result = new CommandResult();
    Object response;
    Throwable queryFailure;
}

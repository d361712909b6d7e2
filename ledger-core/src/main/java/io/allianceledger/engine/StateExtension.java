package io.allianceledger.engine;

import io.allianceledger.command.ResultCode;
import org.agrona.DirectBuffer;

import java.util.Optional;

/**
 * A domain plugged into the state machine: it applies the command types
 * {@value io.allianceledger.command.CommandLayout#FIRST_EXTENSION_TYPE}..{@value
 * io.allianceledger.command.CommandLayout#LAST_EXTENSION_TYPE}, keeps its own state, and moves value only by
 * posting balanced entries through {@link Books}.
 * <p>
 * The same determinism rules bind it: its inputs are the command bytes and the engine timestamp; every mutation
 * of its state is logged in {@link Books#undo()} first so a rejection rolls it back; it serializes its state in
 * a canonical order.
 */
public interface StateExtension {
    /**
     * Called once, by the state machine's constructor, before any other method.
     *
     * @param books the ledger's books; register undo owners here.
     */
    void attach(Books books);

    /**
     * @param type a command type in the extension range.
     * @return true if this extension applies it.
     */
    boolean handles(int type);

    /**
     * Applies one command inside its undo scope. The engine has already checked the header, that the id is not
     * zero and that it was not applied before.
     *
     * @param type      the command type.
     * @param buffer    holds the command.
     * @param offset    where it starts (its header).
     * @param length    its length.
     * @param timestamp its engine timestamp.
     * @return {@link ResultCode#CREATED}, or a rejection (then every mutation is rolled back).
     */
    ResultCode apply(int type, DirectBuffer buffer, int offset, int length, long timestamp);

    /**
     * Time-driven work due at or before {@code timestamp}, run before each command (accepted or not) and
     * committed at once. Default: none.
     *
     * @param timestamp the engine timestamp of the command about to be applied.
     */
    default void beforeCommand(final long timestamp) {
    }

    /**
     * Writes the extension's whole state in canonical order.
     *
     * @param out the canonical state being written.
     */
    void writeState(StateWriter out);

    /**
     * Restores the state written by {@link #writeState} into this freshly attached extension. Undo logging is
     * suspended while restoring.
     *
     * @param in the canonical state being read.
     * @throws CanonicalState.CorruptStateException if the bytes are inconsistent.
     */
    void readState(StateReader in);

    /**
     * Full check of the extension's invariants, for tests, audits and restores.
     *
     * @return empty if all hold, else the first violation.
     */
    Optional<String> findViolation();
}

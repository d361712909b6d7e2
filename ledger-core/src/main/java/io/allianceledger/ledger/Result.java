package io.allianceledger.ledger;

import io.allianceledger.command.ResultCode;

import java.util.List;

/**
 * The outcome of one submitted command, released once the command is applied and journaled.
 *
 * @param code      the outcome; see {@link ResultCode}.
 * @param timestamp the engine timestamp of the command, or of the original command for {@code EXISTS}.
 * @param sequence  the command's position in the journal (0-based, across restarts).
 * @param items     for a linked batch, one result per item; empty otherwise.
 */
public record Result(ResultCode code, long timestamp, long sequence, List<Result> items) {
    /** Copies the items so the result is an immutable value. */
    public Result {
        items = List.copyOf(items);
    }

    /** @return true for {@code CREATED} and {@code EXISTS}. */
    public boolean isSuccess() {
        return code.isSuccess();
    }
}

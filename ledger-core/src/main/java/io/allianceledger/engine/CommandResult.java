package io.allianceledger.engine;

import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.ResultCode;

/**
 * The mutable result the state machine writes for one applied command; one lives in each ring slot and is
 * reused, so applying a command allocates nothing.
 */
public final class CommandResult {
    private ResultCode code = ResultCode.CREATED;
    private long timestamp;
    private int itemCount;
    private final ResultCode[] itemCodes = new ResultCode[CommandLayout.MAX_BATCH_ITEMS];
    private final long[] itemTimestamps = new long[CommandLayout.MAX_BATCH_ITEMS];

    /** @return the command's code; for a linked batch, {@code CREATED}, {@code EXISTS} or the failing item's code. */
    public ResultCode code() {
        return code;
    }

    /** @return the engine timestamp of the command, or of the original for {@code EXISTS}. */
    public long timestamp() {
        return timestamp;
    }

    /** @return the number of items for a linked batch, 0 otherwise. */
    public int itemCount() {
        return itemCount;
    }

    /**
     * @param i item index.
     * @return the code of item {@code i} of a linked batch.
     */
    public ResultCode itemCode(final int i) {
        if (i >= itemCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return itemCodes[i];
    }

    /**
     * @param i item index.
     * @return the timestamp of item {@code i}: the batch's, or the original's for {@code EXISTS}.
     */
    public long itemTimestamp(final int i) {
        if (i >= itemCount) {
            throw new IndexOutOfBoundsException(i);
        }
        return itemTimestamps[i];
    }

    void reset(final long timestamp) {
        this.code = ResultCode.CREATED;
        this.timestamp = timestamp;
        this.itemCount = 0;
    }

    void set(final ResultCode code, final long timestamp) {
        this.code = code;
        this.timestamp = timestamp;
    }

    void setItems(final int count) {
        this.itemCount = count;
    }

    void setItem(final int i, final ResultCode code, final long timestamp) {
        itemCodes[i] = code;
        itemTimestamps[i] = timestamp;
    }
}

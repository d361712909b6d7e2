package io.allianceledger.engine;

/**
 * The record of every mutation made by the command being applied, so that a command (or a linked batch)
 * that fails part-way is rolled back exactly: nothing is ever half-applied.
 * <p>
 * Each store registers as an owner and logs (op, a, b) before it mutates; rollback replays the log backwards.
 * The log grows to the largest command seen and is then reused, so it allocates nothing in steady state.
 */
public final class UndoLog {
    /** A store whose mutations can be reverted. */
    public interface Undoable {
        /**
         * Reverts one logged mutation.
         *
         * @param op the store's own operation code.
         * @param a  first operand as logged.
         * @param b  second operand as logged.
         */
        void undo(int op, long a, long b);
    }

    private static final int WIDTH = 3;
    private final Undoable[] owners = new Undoable[32];
    private long[] log = new long[WIDTH * 256];
    private int size;
    private boolean suspended;

    UndoLog() {
    }

    /**
     * Registers a store.
     *
     * @param owner the store.
     * @return its owner number, to pass to {@link #record}.
     */
    public int register(final Undoable owner) {
        for (int i = 0; i < owners.length; i++) {
            if (owners[i] == null) {
                owners[i] = owner;
                return i;
            }
        }
        throw new IllegalStateException("too many undo owners");
    }

    /**
     * Logs a mutation about to be made, with what {@link Undoable#undo} needs to revert it.
     *
     * @param owner the store's owner number.
     * @param op    the store's operation code.
     * @param a     first operand.
     * @param b     second operand.
     */
    public void record(final int owner, final int op, final long a, final long b) {
        if (suspended) {
            return;
        }
        if (size + WIDTH > log.length) {
            log = java.util.Arrays.copyOf(log, log.length * 2);
        }
        log[size] = ((long)owner << 32) | (op & 0xFFFF_FFFFL);
        log[size + 1] = a;
        log[size + 2] = b;
        size += WIDTH;
    }

    /** Reverts every mutation since the last {@link #commit()}, newest first. */
    void rollback() {
        while (size > 0) {
            size -= WIDTH;
            final long head = log[size];
            owners[(int)(head >>> 32)].undo((int)head, log[size + 1], log[size + 2]);
        }
    }

    /** Keeps every mutation logged so far. */
    void commit() {
        size = 0;
    }

    /** Stops logging, for bulk loads that are never rolled back (restoring canonical state). */
    void suspend() {
        suspended = true;
    }

    void resume() {
        suspended = false;
    }

    boolean isEmpty() {
        return size == 0;
    }
}

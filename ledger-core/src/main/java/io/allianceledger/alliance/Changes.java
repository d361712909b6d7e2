package io.allianceledger.alliance;

import io.allianceledger.engine.UndoLog;

import java.util.Arrays;

/**
 * The alliance domain's single undo owner: every store logs each mutation here before making it, and a rollback
 * hands each logged mutation back to the store that made it, newest first. Inside the engine the log is the
 * engine's {@link UndoLog}, so a rejected command or linked batch rolls the domain back together with the books.
 * <p>
 * Standalone (no engine) it keeps its own log, for unit tests of a single store.
 */
final class Changes implements UndoLog.Undoable {
    /** A store whose logged mutations can be reverted. Reverting must not log. */
    interface Reversible {
        /**
         * Reverts one logged mutation.
         *
         * @param op the store's own operation code (0..0xFFFF).
         * @param a  first operand as logged.
         * @param b  second operand as logged.
         */
        void revert(int op, long a, long b);
    }

    private Reversible[] stores = new Reversible[16];
    private int storeCount;
    private final UndoLog undo;
    private final int owner;
    private long[] local;
    private int localSize;

    /** @param undo the engine's undo log. */
    Changes(final UndoLog undo) {
        this.undo = undo;
        this.owner = undo.register(this);
    }

    /** Standalone, with a log of its own. */
    Changes() {
        this.undo = null;
        this.owner = -1;
        this.local = new long[3 * 64];
    }

    int register(final Reversible store) {
        if (storeCount == stores.length) {
            stores = Arrays.copyOf(stores, storeCount * 2);
        }
        stores[storeCount] = store;
        return storeCount++;
    }

    void record(final int store, final int op, final long a, final long b) {
        final int packed = (store << 16) | (op & 0xFFFF);
        if (undo != null) {
            undo.record(owner, packed, a, b);
            return;
        }
        if (localSize + 3 > local.length) {
            local = Arrays.copyOf(local, local.length * 2);
        }
        local[localSize] = packed;
        local[localSize + 1] = a;
        local[localSize + 2] = b;
        localSize += 3;
    }

    @Override
    public void undo(final int op, final long a, final long b) {
        stores[op >>> 16].revert(op & 0xFFFF, a, b);
    }

    /** Standalone only: reverts everything logged since the last {@link #commit()}. */
    void rollback() {
        while (localSize > 0) {
            localSize -= 3;
            undo((int)local[localSize], local[localSize + 1], local[localSize + 2]);
        }
    }

    /** Standalone only: keeps everything logged so far. */
    void commit() {
        localSize = 0;
    }
}

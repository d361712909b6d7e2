package io.allianceledger.engine;

import io.allianceledger.command.CommandLayout;
import org.eclipse.collections.impl.map.mutable.primitive.IntIntHashMap;

/**
 * The assets of a ledger, in the order they were defined. An asset's index is its position in that order.
 */
final class AssetTable implements UndoLog.Undoable {
    private static final int OP_DEFINE = 1;

    private final IntIntHashMap indexByCode = new IntIntHashMap();
    private final int[] codes = new int[CommandLayout.MAX_ASSETS];
    private final int[] scales = new int[CommandLayout.MAX_ASSETS];
    private final UndoLog undo;
    private final int owner;
    private int count;

    AssetTable(final UndoLog undo) {
        this.undo = undo;
        this.owner = undo.register(this);
    }

    int count() {
        return count;
    }

    /** @return the index of the asset, or -1. */
    int indexOf(final int code) {
        return indexByCode.getIfAbsent(code, -1);
    }

    int code(final int index) {
        return codes[index];
    }

    int scale(final int index) {
        return scales[index];
    }

    boolean isFull() {
        return count == CommandLayout.MAX_ASSETS;
    }

    int define(final int code, final int scale) {
        final int index = count++;
        codes[index] = code;
        scales[index] = scale;
        indexByCode.put(code, index);
        undo.record(owner, OP_DEFINE, index, 0);
        return index;
    }

    @Override
    public void undo(final int op, final long a, final long b) {
        if (op != OP_DEFINE || a != count - 1) {
            throw new IllegalStateException("asset undo out of order: op=" + op + " index=" + a + " count=" + count);
        }
        count--;
        indexByCode.remove(codes[count]);
        codes[count] = 0;
        scales[count] = 0;
    }
}

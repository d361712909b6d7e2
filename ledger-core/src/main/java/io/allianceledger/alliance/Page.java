package io.allianceledger.alliance;

import java.util.List;

/**
 * One page of a long answer (a statement, a channel's transactions), so a host can stream a large cycle: ask with
 * {@link #FIRST}, then with each page's {@link #next()} until it is {@link #END}. Pages of a closed cycle never
 * change; the open cycle only grows at its end.
 *
 * @param items the records of this page, in operation order.
 * @param next  the cursor for the following page, or {@link #END} when this page is the last.
 * @param <T>   the record type.
 */
public record Page<T>(List<T> items, long next) {
    /** The cursor of the first page. */
    public static final long FIRST = 0;
    /** The {@link #next()} of the last page. */
    public static final long END = -1;

    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /** @return true if another page follows. */
    public boolean hasMore() {
        return next != END;
    }
}

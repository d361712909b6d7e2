package io.allianceledger.cli.events;

/**
 * One line of an events file, parsed and checked for form (not yet for business rules, which the ledger
 * applies). Amounts are exact fen, points are whole points, times are nanoseconds since the epoch.
 */
public sealed interface Event {
    /** @return the idempotency key, at most 64 characters. */
    String id();

    /** @return the event's time, nanoseconds since the epoch. */
    long time();

    /** @return the 1-based line number it came from. */
    long line();

    /**
     * Registers a participant.
     *
     * @param id     idempotency key.
     * @param time   event time.
     * @param line   source line.
     * @param role   agent, hq, store or member.
     * @param code   the participant's code.
     * @param parent the parent's code, or null for the operator.
     */
    record Register(String id, long time, long line, String role, String code, String parent) implements Event {
    }

    /**
     * Points earned at a store.
     *
     * @param purchaseFen the purchase amount in fen, or -1 when not given.
     */
    record Accrue(String id, long time, long line, String member, String store, long points, long purchaseFen)
        implements Event {
    }

    /** Points spent at a store. */
    record Redeem(String id, long time, long line, String member, String store, long points) implements Event {
    }

    /**
     * Points reserved for an order in progress.
     *
     * @param timeoutSeconds seconds until the hold lapses, or -1 for the rules' default.
     */
    record Hold(String id, long time, long line, String member, String store, long points, long timeoutSeconds)
        implements Event {
    }

    /**
     * A hold captured.
     *
     * @param points the points to capture, or -1 for all of them.
     */
    record Capture(String id, long time, long line, String hold, long points) implements Event {
    }

    /** A hold released. */
    record Release(String id, long time, long line, String hold) implements Event {
    }

    /** Points moved between members. */
    record Transfer(String id, long time, long line, String from, String to, long points) implements Event {
    }

    /** A payment at a store through a channel. */
    record Sale(String id, long time, long line, String store, long amountFen, String channel, String channelTxn)
        implements Event {
    }

    /**
     * A refund of a sale (an amount) or of an accrual (an amount of the purchase, or points).
     *
     * @param amountFen  the amount in fen, or -1 when points are given.
     * @param points     the points, or -1 when an amount is given.
     * @param channelTxn the channel's transaction id of the refund, or null.
     */
    record Refund(String id, long time, long line, String original, long amountFen, long points, String channelTxn)
        implements Event {
    }

    /** The expiry sweep as of its time. */
    record Expire(String id, long time, long line) implements Event {
    }

    /** A store moving to another parent from its time on. */
    record Move(String id, long time, long line, String store, String parent) implements Event {
    }

    /** A participant suspended. */
    record Suspend(String id, long time, long line, String participant) implements Event {
    }
}

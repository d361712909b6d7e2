package io.allianceledger.command;

/**
 * The outcome of a command. Business rejections are codes, never exceptions; a rejected command changes
 * nothing and does not reserve its id, so the host may fix the cause and retry with the same id.
 * <p>
 * When several checks fail, the code reported is the first in the order the engine checks, which is the
 * order of this enum within each command type. Numeric values are stable and appear in files and logs.
 */
public enum ResultCode {
    /** Applied. */
    CREATED(0),
    /** A command with this id was applied before with the same content; nothing changed. The result carries
     * the original's timestamp. */
    EXISTS(1),
    /** A command with this id was applied before with different content; nothing changed. */
    EXISTS_WITH_DIFFERENT_FIELDS(2),
    /** Another item of the same linked batch failed, so this one was not applied. */
    LINKED_EVENT_FAILED(3),

    /** The bytes do not form a valid command (bad length, counts or reserved fields). */
    MALFORMED_COMMAND(10),
    /** The type field names no command this engine knows. */
    UNKNOWN_COMMAND_TYPE(11),
    /** The id is all zeros, which is reserved. */
    ID_MUST_NOT_BE_ZERO(12),
    /** A linked batch holds no item. */
    LINKED_BATCH_EMPTY(13),
    /** A linked batch holds more than {@value CommandLayout#MAX_BATCH_ITEMS} items. */
    LINKED_BATCH_TOO_LARGE(14),
    /** A linked batch contains another linked batch. */
    LINKED_BATCH_NESTED(15),

    /** The asset code is zero or negative. */
    INVALID_ASSET_CODE(20),
    /** The scale is outside 0..{@value CommandLayout#MAX_SCALE}. */
    INVALID_ASSET_SCALE(21),
    /** Another command already defined this asset code. */
    ASSET_ALREADY_DEFINED(22),
    /** The ledger already has {@value CommandLayout#MAX_ASSETS} assets. */
    ASSET_LIMIT_REACHED(23),
    /** No asset has this code. */
    ASSET_NOT_FOUND(24),

    /** The account id is zero, which is reserved. */
    ACCOUNT_ID_MUST_NOT_BE_ZERO(30),
    /** The flags hold an unknown bit, {@link AccountFlags#CLOSED}, or both balance limits at once. */
    INVALID_ACCOUNT_FLAGS(31),
    /** Another command already opened an account with this id. */
    ACCOUNT_ALREADY_EXISTS(32),
    /** The ledger holds as many accounts as its configured limit. */
    ACCOUNT_LIMIT_REACHED(33),
    /** No account has this id. */
    ACCOUNT_NOT_FOUND(34),
    /** The account is closed and accepts no postings. */
    ACCOUNT_CLOSED(35),
    /** The account is already closed. */
    ACCOUNT_ALREADY_CLOSED(36),
    /** The account has pending amounts, so it cannot be closed. */
    ACCOUNT_HAS_PENDING_AMOUNTS(37),

    /** An entry has fewer than two postings, or no debit, or no credit. */
    TOO_FEW_POSTINGS(40),
    /** An entry has more than {@value CommandLayout#MAX_POSTINGS} postings. */
    TOO_MANY_POSTINGS(41),
    /** A posting's amount is zero or negative. */
    AMOUNT_MUST_BE_POSITIVE(42),
    /** The entry flags hold an unknown bit. */
    INVALID_ENTRY_FLAGS(43),
    /** A timeout was given for an entry that is not pending, or is negative. */
    INVALID_TIMEOUT(44),
    /** For some asset the debits do not sum to the credits. */
    UNBALANCED_ENTRY(45),
    /** An account's total, or a sum within the entry, would exceed the range of a signed 64-bit integer. */
    OVERFLOW(46),
    /** An account flagged {@link AccountFlags#DEBITS_MUST_NOT_EXCEED_CREDITS} would have debits exceed credits. */
    EXCEEDS_CREDITS(47),
    /** An account flagged {@link AccountFlags#CREDITS_MUST_NOT_EXCEED_DEBITS} would have credits exceed debits. */
    EXCEEDS_DEBITS(48),

    /** No entry has the pending id. */
    PENDING_ENTRY_NOT_FOUND(50),
    /** The entry named is not a pending entry. */
    NOT_A_PENDING_ENTRY(51),
    /** The pending entry was already posted. */
    PENDING_ENTRY_ALREADY_POSTED(52),
    /** The pending entry was already voided. */
    PENDING_ENTRY_ALREADY_VOIDED(53),
    /** The pending entry timed out before this command. */
    PENDING_ENTRY_EXPIRED(54),
    /** The number of amounts is neither zero nor the pending entry's number of postings. */
    POST_AMOUNT_COUNT_MISMATCH(55),
    /** An amount is negative or larger than what its posting reserved. */
    POST_AMOUNT_EXCEEDS_PENDING(56),
    /** The amounts to post are all zero. */
    POST_AMOUNT_ZERO(57),

    // Alliance domain (io.allianceledger.alliance), 100 and up.
    /** The alliance has not been configured yet (time zone and assets). */
    ALLIANCE_NOT_CONFIGURED(100),
    /** The alliance was configured before; its configuration never changes. */
    ALLIANCE_ALREADY_CONFIGURED(101),
    /** The time-zone id is unknown to the JDK's tz database. */
    INVALID_TIME_ZONE(102),
    /** A code, transaction id or zone id is empty, longer than 64 bytes, or not valid UTF-8. */
    INVALID_TEXT(103),
    /** A participant with this code (or, in theory, this code's 64-bit id) is already registered. */
    PARTICIPANT_ALREADY_REGISTERED(104),
    /** No participant has this id. */
    PARTICIPANT_NOT_FOUND(105),
    /** The role code names no role. */
    INVALID_ROLE(106),
    /** The parent is missing where one is required, given where none is allowed, or of a role that cannot be this participant's parent. */
    INVALID_PARENT(107),
    /** The ledger already has its operator. */
    OPERATOR_ALREADY_REGISTERED(108),
    /** The operator must be registered first. */
    OPERATOR_NOT_REGISTERED(109),
    /** The agent would sit deeper than 8 levels below the operator. */
    TREE_TOO_DEEP(110),
    /** A participant taking part is suspended: no new business. */
    PARTICIPANT_SUSPENDED(111),
    /** A participant named has the wrong role for its place in the command (e.g. a store where a member is expected). */
    WRONG_ROLE(112),
    /** A store move's effective-from is not after the store's previous move. */
    MOVE_NOT_AFTER_PREVIOUS(113),
    /** A rule set is out of range: prices, days, policy, rates, shares (targets, sum above 10000 bps, repeats, caps) or flags. */
    INVALID_RULE_SET(114),
    /** A rule set's effective-from is not after the previous version of the same scope. */
    RULE_NOT_AFTER_PREVIOUS(115),
    /** No rule-set version is in force at the command's business time. */
    NO_RULE_IN_FORCE(116),
    /** A business time is negative or after 9999-12-31. */
    INVALID_TIME(117),
    /** The member has fewer available points (pending, expired, held and owed points excluded) than asked. */
    INSUFFICIENT_POINTS(118),
    /** The operation would visit more than 4096 lots (or the sweep limit is outside 1..4096). */
    LOT_LIMIT_EXCEEDED(119),
    /** No hold has this id. */
    HOLD_NOT_FOUND(120),
    /** The hold was already captured, released or timed out. */
    HOLD_NOT_OPEN(121),
    /** The capture asks for more points than the hold reserves. */
    CAPTURE_EXCEEDS_HOLD(122),
    /** The channel already settled a sale with this transaction id. */
    DUPLICATE_CHANNEL_TRANSACTION(123),
    /** No sale, accrual or redemption has the original id named. */
    ORIGINAL_NOT_FOUND(124),
    /** The original cannot be refunded: not a sale or an accrual, or corrected. */
    NOT_REFUNDABLE(125),
    /** The refund is larger than what remains unrefunded of the original. */
    REFUND_EXCEEDS_REMAINING(126),
    /** The original cannot be corrected: a refunded sale, an accrual whose points were used or refunded, or a kind without corrections. */
    NOT_CORRECTABLE(127),
    /** The original was already corrected. */
    ALREADY_CORRECTED(128),
    /** A transfer names the same member as sender and receiver. */
    SAME_MEMBER(129),
    /** The hold timeout is outside 1..604800 seconds. */
    INVALID_HOLD_TIMEOUT(130),
    /**
     * The business time is older than the newest time the alliance ledger has applied, and not older than the end
     * of the last closed cycle (only such late events are accepted, into the open cycle).
     */
    TIME_OUT_OF_ORDER(131),
    /** A cycle ending at this time was already closed by another command; nothing changed. */
    CYCLE_ALREADY_CLOSED(132),
    /** The time is before the end of the last closed cycle. */
    CYCLE_BEFORE_LAST_CLOSE(133),
    /** More lots expire by the cycle's end than one close sweeps: sweep them first, then close again. */
    SWEEP_REQUIRED(134),
    /** More settlement instructions than one close can book. */
    CYCLE_TOO_LARGE(135),
    /** A refund in points names a sale; only accruals are refunded in points. */
    POINTS_REFUND_OF_SALE(136),
    /** A channel transaction id is given for a refund of an accrual, which went through no channel. */
    CHANNEL_TRANSACTION_NOT_APPLICABLE(137);

    private static final ResultCode[] BY_CODE;

    static {
        int max = 0;
        for (final ResultCode c : values()) {
            max = Math.max(max, c.code);
        }
        BY_CODE = new ResultCode[max + 1];
        for (final ResultCode c : values()) {
            BY_CODE[c.code] = c;
        }
    }

    private final int code;

    ResultCode(final int code) {
        this.code = code;
    }

    /** @return the stable numeric value. */
    public int code() {
        return code;
    }

    /** @return true for {@link #CREATED} and {@link #EXISTS}: the command's effect is in the ledger. */
    public boolean isSuccess() {
        return this == CREATED || this == EXISTS;
    }

    /**
     * @param code a stable numeric value.
     * @return the result code.
     * @throws IllegalArgumentException if no code has that value.
     */
    public static ResultCode fromCode(final int code) {
        if (code < 0 || code >= BY_CODE.length || BY_CODE[code] == null) {
            throw new IllegalArgumentException("unknown result code " + code);
        }
        return BY_CODE[code];
    }
}

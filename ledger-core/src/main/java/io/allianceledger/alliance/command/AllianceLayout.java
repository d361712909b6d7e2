package io.allianceledger.alliance.command;

/**
 * Binary layout of the alliance commands, after the engine's 24-byte header (see
 * {@link io.allianceledger.command.CommandLayout}). Little-endian; every unnamed byte is zero; lengths are
 * multiples of 8. Participants are named by their 64-bit id, {@link ParticipantCode#idOf(String)} of their code.
 * <p>
 * Business times ("event time", "effective from", "as of") are epoch milliseconds in
 * {@code [0, }{@value #MAX_TIME}{@code ]}; the hold timeout runs on the engine clock. Amounts are minor units:
 * fen for CNY (scale 2), whole points for points (scale 0). Prices are in 1/10000 CNY per point; rates and
 * shares in basis points.
 */
public final class AllianceLayout {
    /** Latest business time accepted: 9999-12-31T23:59:59.999Z. */
    public static final long MAX_TIME = 253_402_300_799_999L;
    /** Most bytes in a participant code, a channel transaction id or a time-zone id (UTF-8). */
    public static final int MAX_TEXT_LENGTH = 64;

    /** i32 points asset at 24, i32 CNY asset at 28, u8 zone length at 32, zone bytes (UTF-8) from 40. */
    public static final int TYPE_CONFIGURE_ALLIANCE = 64;
    /** u8 role at 24, u8 code length at 25, i64 parent id at 32 (0 for none), code bytes (UTF-8) from 40. */
    public static final int TYPE_REGISTER_PARTICIPANT = 65;
    /** i64 participant at 24, u8 suspended (0 or 1) at 32, i64 event time at 40; length 48. */
    public static final int TYPE_SET_SUSPENDED = 66;
    /** i64 store at 24, i64 new parent at 32, i64 effective from at 40; length 48. */
    public static final int TYPE_MOVE_STORE = 67;
    /**
     * i64 scope (a store's id, or 0 for the alliance default) at 24, i64 effective from at 32, i64 issue price at
     * 40, i64 redemption price at 48, i32 expiry days at 56, i32 lock days at 60, u8 shortfall policy at 64, u8
     * flags at 65, u8 share count at 66, i32 fee rate at 68, i32 maximum split ratio at 72, i64 minimum settlement
     * at 80, then the shares from 88, 16 bytes each: u8 target (0 HQ, 1..8 agent level) at 0, i32 bps at 4,
     * i64 cap (-1 for none) at 8.
     */
    public static final int TYPE_REGISTER_RULE_SET = 68;
    /** i64 member at 24, i64 store at 32, i64 points at 40, i64 purchase amount at 48, i64 event time at 56; length 64. */
    public static final int TYPE_ACCRUE = 70;
    /** i64 member at 24, i64 store at 32, i64 points at 40, i64 event time at 48; length 56. */
    public static final int TYPE_REDEEM = 71;
    /** i64 member at 24, i64 store at 32, i64 points at 40, i64 event time at 48, i32 timeout seconds at 56; length 64. */
    public static final int TYPE_HOLD = 72;
    /** i64 hold id high at 24, low at 32, i64 points at 40, i64 event time at 48; length 56. */
    public static final int TYPE_CAPTURE_HOLD = 73;
    /** i64 hold id high at 24, low at 32, i64 event time at 40; length 48. */
    public static final int TYPE_RELEASE_HOLD = 74;
    /** i64 as-of time at 24, i32 most lots at 32; length 40. */
    public static final int TYPE_SWEEP_EXPIRY = 75;
    /** i64 sender at 24, i64 receiver at 32, i64 points at 40, i64 event time at 48; length 56. */
    public static final int TYPE_TRANSFER_POINTS = 76;
    /**
     * i64 store at 24, i64 channel at 32, i64 amount at 40, i64 event time at 48, u8 transaction id length at 56,
     * transaction id bytes (UTF-8) from 64.
     */
    public static final int TYPE_SETTLE_SALE = 77;
    /**
     * i64 original id high at 24, low at 32, i64 amount (fen, or points when the unit is points) at 40, i64 event
     * time at 48, u8 unit at 56 (0 fen, 1 points), u8 channel transaction id length at 57 (0 for none), channel
     * transaction id bytes (UTF-8) from 64; length 64 without a transaction id.
     */
    public static final int TYPE_REFUND = 78;
    /** i64 original id high at 24, low at 32, i64 event time at 40; length 48. */
    public static final int TYPE_CORRECT = 79;
    /** i64 through (the cycle's end, exclusive) at 24; length 32. */
    public static final int TYPE_CLOSE_CYCLE = 80;
    /** Last type used by the alliance. */
    public static final int LAST_TYPE = 80;

    /** Most split shares in a rule set: agent levels 1..8 and the HQ. */
    public static final int MAX_SHARES = 9;
    /** Deepest agent level below the operator. */
    public static final int MAX_AGENT_DEPTH = 8;
    /** Largest price: 100,000 CNY per point, in 1/10000 CNY. */
    public static final long MAX_PRICE = 1_000_000_000L;
    /** Longest expiry. */
    public static final int MAX_EXPIRY_DAYS = 36_600;
    /** Longest lock. */
    public static final int MAX_LOCK_DAYS = 3_660;
    /** Longest hold timeout: seven days. */
    public static final int MAX_HOLD_TIMEOUT_SECONDS = 7 * 86_400;
    /**
     * Most lots one operation may visit (take from, skip as pending or expired) in a member's list, and most
     * lots one expiry sweep processes.
     */
    public static final int MAX_LOTS_PER_OPERATION = 4096;

    /** Rule-set flag: a store override that hands the store back to the alliance default from its instant on. */
    public static final int RULE_FOLLOW_DEFAULT = 1;

    // Offsets shared by several commands.
    /** Offset of the first i64 body field. */
    public static final int FIELD_0 = 24;
    /** Offset of the second i64 body field. */
    public static final int FIELD_1 = 32;
    /** Offset of the third i64 body field. */
    public static final int FIELD_2 = 40;
    /** Offset of the fourth i64 body field. */
    public static final int FIELD_3 = 48;
    /** Offset of the fifth i64 body field. */
    public static final int FIELD_4 = 56;
    /** Offset of the sixth i64 body field. */
    public static final int FIELD_5 = 64;

    /** Rule set: offset of the first share. */
    public static final int RULE_SHARES_OFFSET = 88;
    /** Rule set: bytes per share. */
    public static final int RULE_SHARE_LENGTH = 16;
    /** Configure: offset of the zone bytes. */
    public static final int ZONE_OFFSET = 40;
    /** Register participant: offset of the code bytes. */
    public static final int CODE_OFFSET = 40;
    /** Settle sale and refund: offset of the transaction id bytes. */
    public static final int TRANSACTION_OFFSET = 64;
    /** Refund: offset of the unit (0 fen, 1 points). */
    public static final int REFUND_UNIT_OFFSET = 56;
    /** Refund: offset of the channel transaction id's length. */
    public static final int REFUND_TRANSACTION_LENGTH_OFFSET = 57;
    /**
     * Most settlement instructions one cycle close books: 4096 entries per operation, less 64 for the close's
     * expiry sweep, of 63 parties each.
     */
    public static final int MAX_SETTLEMENTS_PER_CLOSE = (4096 - 64) * 63;

    private AllianceLayout() {
    }

    /**
     * @param textLength bytes of text that follow a fixed part.
     * @param fixed      the fixed part's length.
     * @return the command's length, padded to 8.
     */
    public static int paddedLength(final int fixed, final int textLength) {
        return (fixed + textLength + 7) & ~7;
    }
}

package io.allianceledger.command;

/**
 * The binary layout of commands, and the limits the engine enforces.
 * <p>
 * Every command is a little-endian record starting with a 24-byte header:
 * <pre>
 *   0  u16  type            one of the TYPE_ constants
 *   2  u16  reserved        zero
 *   4  i32  length          total bytes including this header, a multiple of 8
 *   8  i64  id high
 *  16  i64  id low
 *  24  ...  body            per type, described on each TYPE_ constant
 * </pre>
 * These bytes are what the pipeline carries, what the state machine decodes, what the journal stores and
 * what idempotency compares. Reserved bytes must be zero; anything else is {@link ResultCode#MALFORMED_COMMAND}.
 */
public final class CommandLayout {
    /** Header: offset of the type. */
    public static final int TYPE_OFFSET = 0;
    /** Header: offset of the reserved field. */
    public static final int RESERVED_OFFSET = 2;
    /** Header: offset of the total length. */
    public static final int LENGTH_OFFSET = 4;
    /** Header: offset of the high half of the id. */
    public static final int ID_HIGH_OFFSET = 8;
    /** Header: offset of the low half of the id. */
    public static final int ID_LOW_OFFSET = 16;
    /** Header length; the body starts here. */
    public static final int HEADER_LENGTH = 24;

    /** Body: i32 asset code at 24, u8 scale at 28, zero to 32. */
    public static final int TYPE_DEFINE_ASSET = 1;
    /** Body: i64 account id at 24, i32 asset code at 32, i32 flags at 36; length 40. */
    public static final int TYPE_OPEN_ACCOUNT = 2;
    /** Body: i64 account id at 24; length 32. */
    public static final int TYPE_CLOSE_ACCOUNT = 3;
    /**
     * Body: i32 entry flags at 24, i32 timeout seconds at 28, i32 code at 32, u16 debit count at 36,
     * u16 credit count at 38, i64 reference high at 40, i64 reference low at 48, then the postings from 56,
     * debits first, 16 bytes each: i64 account id, i64 amount.
     */
    public static final int TYPE_POST_ENTRY = 4;
    /** Body: i64 pending id high at 24, low at 32, u16 amount count at 40, zero to 48, i64 amounts from 48. */
    public static final int TYPE_POST_PENDING = 5;
    /** Body: i64 pending id high at 24, low at 32; length 40. */
    public static final int TYPE_VOID_PENDING = 6;
    /** Id zero. Body: u16 item count at 24, zero to 32, then each item, a whole command, from 32. */
    public static final int TYPE_LINKED_BATCH = 7;
    /**
     * Not a command a host can submit: the record of an entry an extension generated while applying an
     * operation. Same body as {@link #TYPE_POST_ENTRY}; its id is the operation's id.
     */
    public static final int TYPE_GENERATED_ENTRY = 8;
    /** First command type reserved for state extensions (the alliance domain). */
    public static final int FIRST_EXTENSION_TYPE = 64;
    /** Last command type reserved for state extensions. */
    public static final int LAST_EXTENSION_TYPE = 1023;
    /**
     * Most entries one operation of an extension may generate. Ordinary operations generate a few; a cycle close
     * of the alliance domain books one settlement entry per 63 parties settled.
     */
    public static final int MAX_GENERATED_ENTRIES = 4096;

    /** Entry flag: the entry reserves (pending) instead of posting. */
    public static final int ENTRY_PENDING = 1;

    /** Most postings in one entry. */
    public static final int MAX_POSTINGS = 64;
    /** Most commands in one linked batch. */
    public static final int MAX_BATCH_ITEMS = 32;
    /** Most bytes in one encoded command, a linked batch included; also the size of a ring slot. */
    public static final int MAX_COMMAND_LENGTH = 4096;
    /** Most assets in one ledger. */
    public static final int MAX_ASSETS = 256;
    /** Largest asset scale (decimal places of the minor unit). */
    public static final int MAX_SCALE = 18;
    /** Most characters in a business key given to {@link CommandId#fromName(String)}. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Define asset: offset of the asset code. */
    public static final int ASSET_CODE_OFFSET = 24;
    /** Define asset: offset of the scale. */
    public static final int ASSET_SCALE_OFFSET = 28;
    /** Define asset: total length. */
    public static final int DEFINE_ASSET_LENGTH = 32;

    /** Open and close account: offset of the account id. */
    public static final int ACCOUNT_ID_OFFSET = 24;
    /** Open account: offset of the asset code. */
    public static final int ACCOUNT_ASSET_OFFSET = 32;
    /** Open account: offset of the flags. */
    public static final int ACCOUNT_FLAGS_OFFSET = 36;
    /** Open account: total length. */
    public static final int OPEN_ACCOUNT_LENGTH = 40;
    /** Close account: total length. */
    public static final int CLOSE_ACCOUNT_LENGTH = 32;

    /** Post entry: offset of the entry flags. */
    public static final int ENTRY_FLAGS_OFFSET = 24;
    /** Post entry: offset of the timeout in seconds. */
    public static final int ENTRY_TIMEOUT_OFFSET = 28;
    /** Post entry: offset of the host's entry code. */
    public static final int ENTRY_CODE_OFFSET = 32;
    /** Post entry: offset of the debit count. */
    public static final int ENTRY_DEBIT_COUNT_OFFSET = 36;
    /** Post entry: offset of the credit count. */
    public static final int ENTRY_CREDIT_COUNT_OFFSET = 38;
    /** Post entry: offset of the reference's high half. */
    public static final int ENTRY_REFERENCE_HIGH_OFFSET = 40;
    /** Post entry: offset of the reference's low half. */
    public static final int ENTRY_REFERENCE_LOW_OFFSET = 48;
    /** Post entry: offset of the first posting. */
    public static final int ENTRY_POSTINGS_OFFSET = 56;
    /** Post entry: bytes per posting. */
    public static final int POSTING_LENGTH = 16;

    /** Post and void pending: offset of the pending entry id's high half. */
    public static final int PENDING_ID_HIGH_OFFSET = 24;
    /** Post and void pending: offset of the pending entry id's low half. */
    public static final int PENDING_ID_LOW_OFFSET = 32;
    /** Post pending: offset of the amount count. */
    public static final int POST_AMOUNT_COUNT_OFFSET = 40;
    /** Post pending: offset of the first amount. */
    public static final int POST_AMOUNTS_OFFSET = 48;
    /** Void pending: total length. */
    public static final int VOID_PENDING_LENGTH = 40;

    /** Linked batch: offset of the item count. */
    public static final int BATCH_COUNT_OFFSET = 24;
    /** Linked batch: offset of the first item. */
    public static final int BATCH_ITEMS_OFFSET = 32;

    private CommandLayout() {
    }

    /**
     * @param type a type code.
     * @return its name, or {@code UNKNOWN(n)}.
     */
    public static String typeName(final int type) {
        switch (type) {
            case TYPE_DEFINE_ASSET: return "DEFINE_ASSET";
            case TYPE_OPEN_ACCOUNT: return "OPEN_ACCOUNT";
            case TYPE_CLOSE_ACCOUNT: return "CLOSE_ACCOUNT";
            case TYPE_POST_ENTRY: return "POST_ENTRY";
            case TYPE_POST_PENDING: return "POST_PENDING";
            case TYPE_VOID_PENDING: return "VOID_PENDING";
            case TYPE_LINKED_BATCH: return "LINKED_BATCH";
            case TYPE_GENERATED_ENTRY: return "GENERATED_ENTRY";
            default: return "UNKNOWN(" + type + ")";
        }
    }
}

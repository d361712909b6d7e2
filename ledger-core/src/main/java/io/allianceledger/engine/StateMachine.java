package io.allianceledger.engine;

import io.allianceledger.command.AccountFlags;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.Posting;
import io.allianceledger.command.ResultCode;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.allianceledger.command.CommandLayout.*;

/**
 * The deterministic double-entry state machine.
 * <p>
 * Its only inputs are the bytes of a command and the command's engine timestamp: no wall clock, randomness,
 * I/O or hash-map iteration order reaches it, so applying the same commands with the same timestamps to a fresh
 * instance always gives the same {@link #stateHash()}. That makes it replayable from a journal and able to run
 * unchanged as a replicated-log service.
 * <p>
 * Single-threaded: one thread applies and queries. Applying allocates nothing once its tables have grown to
 * the working set. Each command is applied atomically: every mutation is logged in an undo log and rolled back
 * if any check fails, so a rejected command, or a linked batch with one failing item, changes nothing.
 * <p>
 * Timeouts of pending entries are processed first, at the start of each command, for every deadline at or
 * before the command's timestamp, in deadline order and then creation order.
 */
public final class StateMachine {
    /** Default limit on the number of accounts. */
    public static final int DEFAULT_MAX_ACCOUNTS = 1 << 27;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final UndoLog undo = new UndoLog();
    private final Books books;
    private final AssetTable assets;
    private final AccountBook accounts;
    private final RecordLog records = new RecordLog(undo);
    private final IdIndex ids;
    private final PendingTimeouts timeouts = new PendingTimeouts();
    private final StateExtension extension;

    // Scratch state for one command; sized to the bounds, never reallocated.
    private final long[] postAmounts = new long[MAX_POSTINGS];
    private final long[] newDeadlines = new long[MAX_BATCH_ITEMS];
    private final long[] newDeadlineAddresses = new long[MAX_BATCH_ITEMS];
    private int newDeadlineCount;
    private long existingTimestamp;

    private long lastTimestamp = Long.MIN_VALUE;
    private long commandCount;

    /** Creates an empty ledger with the default account limit. */
    public StateMachine() {
        this(1024, DEFAULT_MAX_ACCOUNTS);
    }

    /**
     * Creates an empty ledger.
     *
     * @param initialAccounts accounts to size the tables for up front.
     * @param maxAccounts     most accounts the ledger accepts; beyond it, {@link ResultCode#ACCOUNT_LIMIT_REACHED}.
     */
    public StateMachine(final int initialAccounts, final int maxAccounts) {
        this(initialAccounts, maxAccounts, null);
    }

    /**
     * Creates an empty ledger with a domain extension.
     *
     * @param initialAccounts accounts to size the tables for up front.
     * @param maxAccounts     most accounts the ledger accepts; beyond it, {@link ResultCode#ACCOUNT_LIMIT_REACHED}.
     * @param extension       applies the extension command types, or null for none; one instance per machine.
     */
    public StateMachine(final int initialAccounts, final int maxAccounts, final StateExtension extension) {
        if (maxAccounts < 1 || initialAccounts < 0) {
            throw new IllegalArgumentException("account limits must be positive: " + initialAccounts + ", " + maxAccounts);
        }
        books = new Books(undo, initialAccounts, maxAccounts);
        assets = books.assets();
        accounts = books.accounts();
        ids = new IdIndex(undo, Math.min(initialAccounts, maxAccounts) * 2);
        this.extension = extension;
        if (extension != null) {
            extension.attach(books);
            undo.commit();
        }
    }

    /** @return the extension this machine was built with, or null. */
    public StateExtension extension() {
        return extension;
    }

    /** @return the timestamp of the last command applied, or {@link Long#MIN_VALUE} before the first. */
    public long lastTimestamp() {
        return lastTimestamp;
    }

    /** @return how many commands were applied, rejected ones included. */
    public long commandCount() {
        return commandCount;
    }

    /** @return the number of accounts. */
    public int accountCount() {
        return accounts.count();
    }

    /** @return the number of entries recorded: host entries, posted or pending, and entries extensions generated. */
    public long entryCount() {
        return records.entryCount();
    }

    /** @return the number of records: successful commands (their ids are reserved) and generated entries. */
    public long recordCount() {
        return records.recordCount();
    }

    /**
     * Applies one command.
     *
     * @param buffer    holds the command.
     * @param offset    where it starts.
     * @param length    its length in bytes.
     * @param timestamp its engine timestamp; must be greater than every timestamp applied before.
     * @param result    receives the outcome.
     * @throws IllegalStateException if the timestamp does not increase: the caller is broken, not the command.
     */
    public void apply(
        final DirectBuffer buffer, final int offset, final int length, final long timestamp, final CommandResult result) {
        if (timestamp <= lastTimestamp) {
            throw new IllegalStateException("engine timestamp " + timestamp + " is not after " + lastTimestamp);
        }
        if (offset < 0 || length < 0 || (long)offset + length > buffer.capacity()) {
            throw new IllegalArgumentException("command [" + offset + ", +" + length + ") is outside the buffer");
        }
        assert undo.isEmpty();
        lastTimestamp = timestamp;
        commandCount++;
        expireDue(timestamp);
        if (extension != null) {
            extension.beforeCommand(timestamp);
            undo.commit();
        }
        result.reset(timestamp);

        if (!isWellFormedHeader(buffer, offset, length)) {
            result.set(ResultCode.MALFORMED_COMMAND, timestamp);
            return;
        }
        if (type(buffer, offset) == TYPE_LINKED_BATCH) {
            applyBatch(buffer, offset, length, timestamp, result);
            return;
        }
        final ResultCode code = applyOne(buffer, offset, length, timestamp);
        finish(code == ResultCode.CREATED);
        result.set(code, code == ResultCode.EXISTS ? existingTimestamp : timestamp);
    }

    private void applyBatch(
        final DirectBuffer buffer, final int offset, final int length, final long timestamp, final CommandResult result) {
        if (buffer.getLong(offset + ID_HIGH_OFFSET) != 0 || buffer.getLong(offset + ID_LOW_OFFSET) != 0
            || length < BATCH_ITEMS_OFFSET || !isZero(buffer, offset + BATCH_COUNT_OFFSET + 2, 6)) {
            result.set(ResultCode.MALFORMED_COMMAND, timestamp);
            return;
        }
        final int count = buffer.getShort(offset + BATCH_COUNT_OFFSET) & 0xFFFF;
        if (count == 0) {
            result.set(ResultCode.LINKED_BATCH_EMPTY, timestamp);
            return;
        }
        if (count > MAX_BATCH_ITEMS) {
            result.set(ResultCode.LINKED_BATCH_TOO_LARGE, timestamp);
            return;
        }
        // Structure first: every item a well-formed, non-batch command, exactly filling the envelope.
        int at = offset + BATCH_ITEMS_OFFSET;
        final int end = offset + length;
        for (int i = 0; i < count; i++) {
            final int itemLength = at + HEADER_LENGTH <= end ? buffer.getInt(at + LENGTH_OFFSET) : -1;
            if (itemLength < HEADER_LENGTH || itemLength > end - at || !isWellFormedHeader(buffer, at, itemLength)) {
                result.set(ResultCode.MALFORMED_COMMAND, timestamp);
                return;
            }
            if (type(buffer, at) == TYPE_LINKED_BATCH) {
                result.set(ResultCode.LINKED_BATCH_NESTED, timestamp);
                return;
            }
            at += itemLength;
        }
        if (at != end) {
            result.set(ResultCode.MALFORMED_COMMAND, timestamp);
            return;
        }
        result.setItems(count);

        // A retry of a committed batch: every item already exists with the same content.
        boolean allExist = true;
        at = offset + BATCH_ITEMS_OFFSET;
        for (int i = 0; i < count && allExist; i++) {
            final int itemLength = buffer.getInt(at + LENGTH_OFFSET);
            final long address = ids.get(buffer.getLong(at + ID_HIGH_OFFSET), buffer.getLong(at + ID_LOW_OFFSET));
            allExist = address >= 0 && sameCommand(address, buffer, at, itemLength);
            if (allExist) {
                result.setItem(i, ResultCode.EXISTS, records.timestamp(address));
            }
            at += itemLength;
        }
        if (allExist) {
            result.set(ResultCode.EXISTS, timestamp);
            return;
        }

        at = offset + BATCH_ITEMS_OFFSET;
        for (int i = 0; i < count; i++) {
            final int itemLength = buffer.getInt(at + LENGTH_OFFSET);
            final ResultCode code = applyOne(buffer, at, itemLength, timestamp);
            if (code != ResultCode.CREATED) {
                finish(false);
                for (int j = 0; j < count; j++) {
                    result.setItem(j, j == i ? code : ResultCode.LINKED_EVENT_FAILED,
                        j == i && code == ResultCode.EXISTS ? existingTimestamp : timestamp);
                }
                result.set(code, timestamp);
                return;
            }
            result.setItem(i, ResultCode.CREATED, timestamp);
            at += itemLength;
        }
        finish(true);
        result.set(ResultCode.CREATED, timestamp);
    }

    private void finish(final boolean commit) {
        books.discardGenerated();
        if (commit) {
            undo.commit();
            for (int i = 0; i < newDeadlineCount; i++) {
                timeouts.add(newDeadlines[i], newDeadlineAddresses[i]);
            }
        } else {
            undo.rollback();
        }
        newDeadlineCount = 0;
    }

    /** Applies one non-batch command inside the current undo scope; the caller commits or rolls back. */
    private ResultCode applyOne(final DirectBuffer buffer, final int offset, final int length, final long timestamp) {
        final int type = type(buffer, offset);
        final ResultCode structure = checkStructure(type, buffer, offset, length);
        if (structure != null) {
            return structure;
        }
        final long idHigh = buffer.getLong(offset + ID_HIGH_OFFSET);
        final long idLow = buffer.getLong(offset + ID_LOW_OFFSET);
        if (idHigh == 0 && idLow == 0) {
            return ResultCode.ID_MUST_NOT_BE_ZERO;
        }
        final long existing = ids.get(idHigh, idLow);
        if (existing >= 0) {
            existingTimestamp = records.timestamp(existing);
            return sameCommand(existing, buffer, offset, length)
                ? ResultCode.EXISTS : ResultCode.EXISTS_WITH_DIFFERENT_FIELDS;
        }
        final ResultCode code;
        int status = EntryStatus.NONE.ordinal();
        books.startOperation(idHigh, idLow);
        switch (type) {
            case TYPE_DEFINE_ASSET -> code = books.defineAsset(
                buffer.getInt(offset + ASSET_CODE_OFFSET), buffer.getByte(offset + ASSET_SCALE_OFFSET));
            case TYPE_OPEN_ACCOUNT -> code = books.openAccount(buffer.getLong(offset + ACCOUNT_ID_OFFSET),
                buffer.getInt(offset + ACCOUNT_ASSET_OFFSET), buffer.getInt(offset + ACCOUNT_FLAGS_OFFSET), timestamp);
            case TYPE_CLOSE_ACCOUNT -> code = closeAccount(buffer, offset);
            case TYPE_POST_ENTRY -> {
                code = postEntry(buffer, offset);
                final boolean pending = (buffer.getInt(offset + ENTRY_FLAGS_OFFSET) & ENTRY_PENDING) != 0;
                status = (pending ? EntryStatus.PENDING : EntryStatus.POSTED).ordinal();
            }
            case TYPE_POST_PENDING -> code = resolvePending(buffer, offset, true);
            case TYPE_VOID_PENDING -> code = resolvePending(buffer, offset, false);
            default -> code = extension.apply(type, buffer, offset, length, timestamp);
        }
        if (code != ResultCode.CREATED) {
            return code;
        }
        final long address = records.append(buffer, offset, length, timestamp, status);
        ids.insert(idHigh, idLow, address);
        for (int i = 0; i < books.generatedCount(); i++) {
            records.append(books.generated(), books.generatedOffset(i), books.generatedLength(i), timestamp,
                EntryStatus.POSTED.ordinal());
        }
        if (type == TYPE_POST_ENTRY && status == EntryStatus.PENDING.ordinal()) {
            final int timeoutSeconds = buffer.getInt(offset + ENTRY_TIMEOUT_OFFSET);
            if (timeoutSeconds > 0) {
                newDeadlines[newDeadlineCount] = timestamp + timeoutSeconds * NANOS_PER_SECOND;
                newDeadlineAddresses[newDeadlineCount] = address;
                newDeadlineCount++;
            }
        }
        return ResultCode.CREATED;
    }

    // ---------------------------------------------------------------- structure

    private static boolean isWellFormedHeader(final DirectBuffer buffer, final int offset, final int length) {
        return length >= HEADER_LENGTH && length <= MAX_COMMAND_LENGTH && (length & 7) == 0
            && buffer.getInt(offset + LENGTH_OFFSET) == length
            && buffer.getShort(offset + RESERVED_OFFSET) == 0;
    }

    private static int type(final DirectBuffer buffer, final int offset) {
        return buffer.getShort(offset + TYPE_OFFSET) & 0xFFFF;
    }

    /** @return MALFORMED_COMMAND if the body does not fit the type, UNKNOWN_COMMAND_TYPE, or null if fine. */
    private ResultCode checkStructure(final int type, final DirectBuffer buffer, final int offset, final int length) {
        return switch (type) {
            case TYPE_DEFINE_ASSET -> length == DEFINE_ASSET_LENGTH && isZero(buffer, offset + ASSET_SCALE_OFFSET + 1, 3)
                ? null : ResultCode.MALFORMED_COMMAND;
            case TYPE_OPEN_ACCOUNT -> length == OPEN_ACCOUNT_LENGTH ? null : ResultCode.MALFORMED_COMMAND;
            case TYPE_CLOSE_ACCOUNT -> length == CLOSE_ACCOUNT_LENGTH ? null : ResultCode.MALFORMED_COMMAND;
            case TYPE_POST_ENTRY -> {
                if (length < ENTRY_POSTINGS_OFFSET) {
                    yield ResultCode.MALFORMED_COMMAND;
                }
                final int n = (buffer.getShort(offset + ENTRY_DEBIT_COUNT_OFFSET) & 0xFFFF)
                    + (buffer.getShort(offset + ENTRY_CREDIT_COUNT_OFFSET) & 0xFFFF);
                yield length == ENTRY_POSTINGS_OFFSET + POSTING_LENGTH * n ? null : ResultCode.MALFORMED_COMMAND;
            }
            case TYPE_POST_PENDING -> {
                if (length < POST_AMOUNTS_OFFSET || !isZero(buffer, offset + POST_AMOUNT_COUNT_OFFSET + 2, 6)) {
                    yield ResultCode.MALFORMED_COMMAND;
                }
                final int n = buffer.getShort(offset + POST_AMOUNT_COUNT_OFFSET) & 0xFFFF;
                yield length == POST_AMOUNTS_OFFSET + 8 * n ? null : ResultCode.MALFORMED_COMMAND;
            }
            case TYPE_VOID_PENDING -> length == VOID_PENDING_LENGTH ? null : ResultCode.MALFORMED_COMMAND;
            default -> extension != null && type >= FIRST_EXTENSION_TYPE && type <= LAST_EXTENSION_TYPE
                && extension.handles(type) ? null : ResultCode.UNKNOWN_COMMAND_TYPE;
        };
    }

    private static boolean isZero(final DirectBuffer buffer, final int offset, final int length) {
        for (int i = 0; i < length; i++) {
            if (buffer.getByte(offset + i) != 0) {
                return false;
            }
        }
        return true;
    }

    private boolean sameCommand(final long address, final DirectBuffer buffer, final int offset, final int length) {
        final UnsafeBuffer stored = records.buffer(address);
        final int at = RecordLog.offset(address) + RecordLog.HEADER_LENGTH;
        if (records.recordLength(address) != RecordLog.HEADER_LENGTH + length) {
            return false;
        }
        for (int i = 0; i < length; i += 8) {
            if (stored.getLong(at + i) != buffer.getLong(offset + i)) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- assets and accounts

    private ResultCode closeAccount(final DirectBuffer buffer, final int offset) {
        final int index = accounts.indexOf(buffer.getLong(offset + ACCOUNT_ID_OFFSET));
        if (index < 0) {
            return ResultCode.ACCOUNT_NOT_FOUND;
        }
        final int flags = accounts.flags(index);
        if ((flags & AccountFlags.CLOSED) != 0) {
            return ResultCode.ACCOUNT_ALREADY_CLOSED;
        }
        if (accounts.total(AccountBook.DEBITS_PENDING, index) != 0 || accounts.total(AccountBook.CREDITS_PENDING, index) != 0) {
            return ResultCode.ACCOUNT_HAS_PENDING_AMOUNTS;
        }
        accounts.setFlags(index, flags | AccountFlags.CLOSED);
        return ResultCode.CREATED;
    }

    // ---------------------------------------------------------------- entries

    private ResultCode postEntry(final DirectBuffer buffer, final int offset) {
        final int flags = buffer.getInt(offset + ENTRY_FLAGS_OFFSET);
        final int timeout = buffer.getInt(offset + ENTRY_TIMEOUT_OFFSET);
        final int debits = buffer.getShort(offset + ENTRY_DEBIT_COUNT_OFFSET) & 0xFFFF;
        final int credits = buffer.getShort(offset + ENTRY_CREDIT_COUNT_OFFSET) & 0xFFFF;
        final int n = debits + credits;
        if ((flags & ~ENTRY_PENDING) != 0) {
            return ResultCode.INVALID_ENTRY_FLAGS;
        }
        final boolean pending = flags == ENTRY_PENDING;
        if (timeout < 0 || (timeout > 0 && !pending)) {
            return ResultCode.INVALID_TIMEOUT;
        }
        if (debits == 0 || credits == 0) {
            return ResultCode.TOO_FEW_POSTINGS;
        }
        if (n > MAX_POSTINGS) {
            return ResultCode.TOO_MANY_POSTINGS;
        }
        loadPostings(buffer, offset, n);
        return books.post(n, debits, pending);
    }

    /** Copies the legs of the entry at {@code offset} into the books' posting arrays. */
    private void loadPostings(final DirectBuffer buffer, final int offset, final int n) {
        final long[] postingIds = books.postingIds();
        final long[] postingAmounts = books.postingAmounts();
        final int postings = offset + ENTRY_POSTINGS_OFFSET;
        for (int i = 0; i < n; i++) {
            postingIds[i] = buffer.getLong(postings + i * POSTING_LENGTH);
            postingAmounts[i] = buffer.getLong(postings + i * POSTING_LENGTH + 8);
        }
    }

    /**
     * Posts or voids a pending entry. Posting takes either no amounts (the whole entry) or one per posting.
     */
    private ResultCode resolvePending(final DirectBuffer buffer, final int offset, final boolean post) {
        final long pendingAddress = ids.get(
            buffer.getLong(offset + PENDING_ID_HIGH_OFFSET), buffer.getLong(offset + PENDING_ID_LOW_OFFSET));
        if (pendingAddress < 0) {
            return ResultCode.PENDING_ENTRY_NOT_FOUND;
        }
        final EntryStatus status = EntryStatus.of(records.status(pendingAddress));
        switch (status) {
            case NONE, POSTED -> {
                if (status == EntryStatus.NONE || !wasPending(pendingAddress)) {
                    return ResultCode.NOT_A_PENDING_ENTRY;
                }
                return ResultCode.PENDING_ENTRY_ALREADY_POSTED;
            }
            case VOIDED -> {
                return ResultCode.PENDING_ENTRY_ALREADY_VOIDED;
            }
            case EXPIRED -> {
                return ResultCode.PENDING_ENTRY_EXPIRED;
            }
            default -> {
            }
        }
        final UnsafeBuffer pendingBuffer = records.buffer(pendingAddress);
        final int entry = RecordLog.offset(pendingAddress) + RecordLog.HEADER_LENGTH;
        final int debits = pendingBuffer.getShort(entry + ENTRY_DEBIT_COUNT_OFFSET) & 0xFFFF;
        final int n = debits + (pendingBuffer.getShort(entry + ENTRY_CREDIT_COUNT_OFFSET) & 0xFFFF);
        loadPostings(pendingBuffer, entry, n);
        final int amountCount = post ? buffer.getShort(offset + POST_AMOUNT_COUNT_OFFSET) & 0xFFFF : 0;
        long[] amounts = null;
        if (post && amountCount == 0) {
            amounts = postAmounts;
            System.arraycopy(books.postingAmounts(), 0, postAmounts, 0, n);
        } else if (post) {
            if (amountCount != n) {
                return ResultCode.POST_AMOUNT_COUNT_MISMATCH;
            }
            boolean allZero = true;
            for (int i = 0; i < n; i++) {
                final long amount = buffer.getLong(offset + POST_AMOUNTS_OFFSET + 8 * i);
                if (amount < 0 || amount > books.postingAmounts()[i]) {
                    return ResultCode.POST_AMOUNT_EXCEEDS_PENDING;
                }
                allZero &= amount == 0;
                postAmounts[i] = amount;
            }
            if (allZero) {
                return ResultCode.POST_AMOUNT_ZERO;
            }
            amounts = postAmounts;
        }
        final ResultCode code = books.resolve(n, debits, amounts);
        if (code != ResultCode.CREATED) {
            return code;
        }
        records.setStatus(pendingAddress, (post ? EntryStatus.POSTED : EntryStatus.VOIDED).ordinal());
        return ResultCode.CREATED;
    }

    private boolean wasPending(final long address) {
        final int entry = RecordLog.offset(address) + RecordLog.HEADER_LENGTH;
        final UnsafeBuffer b = records.buffer(address);
        return type(b, entry) == TYPE_POST_ENTRY && (b.getInt(entry + ENTRY_FLAGS_OFFSET) & ENTRY_PENDING) != 0;
    }

    // ---------------------------------------------------------------- timeouts

    private void expireDue(final long timestamp) {
        while (timeouts.hasDue(timestamp)) {
            final long address = timeouts.poll();
            if (records.status(address) != EntryStatus.PENDING.ordinal()) {
                continue; // posted or voided before its deadline
            }
            releasePending(address);
            records.setStatus(address, EntryStatus.EXPIRED.ordinal());
        }
        undo.commit();
    }

    private void releasePending(final long address) {
        final UnsafeBuffer b = records.buffer(address);
        final int entry = RecordLog.offset(address) + RecordLog.HEADER_LENGTH;
        final int debits = b.getShort(entry + ENTRY_DEBIT_COUNT_OFFSET) & 0xFFFF;
        final int n = debits + (b.getShort(entry + ENTRY_CREDIT_COUNT_OFFSET) & 0xFFFF);
        loadPostings(b, entry, n);
        final ResultCode code = books.resolve(n, debits, null);
        if (code != ResultCode.CREATED) {
            throw new IllegalStateException("releasing pending entry at " + address + " failed: " + code);
        }
    }

    // ---------------------------------------------------------------- queries

    /**
     * @param accountId an account id.
     * @return a copy of the account, or empty.
     */
    public Optional<AccountView> account(final long accountId) {
        final int index = accounts.indexOf(accountId);
        if (index < 0) {
            return Optional.empty();
        }
        final int asset = accounts.asset(index);
        return Optional.of(new AccountView(accountId, assets.code(asset), assets.scale(asset), accounts.flags(index),
            accounts.total(AccountBook.DEBITS_POSTED, index), accounts.total(AccountBook.CREDITS_POSTED, index),
            accounts.total(AccountBook.DEBITS_PENDING, index), accounts.total(AccountBook.CREDITS_PENDING, index),
            accounts.openedAt(index)));
    }

    /**
     * @param id the id of a {@code PostEntry}, {@code PostPending} or {@code VoidPending} command.
     * @return a copy of what it recorded, or empty if no such command was applied.
     */
    public Optional<EntryView> entry(final CommandId id) {
        final long address = ids.get(id.high(), id.low());
        if (address < 0) {
            return Optional.empty();
        }
        final UnsafeBuffer b = records.buffer(address);
        final int at = RecordLog.offset(address) + RecordLog.HEADER_LENGTH;
        final int type = type(b, at);
        final long timestamp = records.timestamp(address);
        if (type == TYPE_POST_ENTRY) {
            return Optional.of(entryView(id, "POST_ENTRY", timestamp, EntryStatus.of(records.status(address)), b, at));
        }
        if (type == TYPE_POST_PENDING || type == TYPE_VOID_PENDING) {
            final CommandId pendingId = new CommandId(b.getLong(at + PENDING_ID_HIGH_OFFSET), b.getLong(at + PENDING_ID_LOW_OFFSET));
            final EntryView pending = entry(pendingId).orElseThrow();
            final int amountCount = type == TYPE_POST_PENDING ? b.getShort(at + POST_AMOUNT_COUNT_OFFSET) & 0xFFFF : 0;
            final List<Posting> debits = new ArrayList<>();
            final List<Posting> credits = new ArrayList<>();
            int i = 0;
            for (final Posting p : pending.debits()) {
                debits.add(new Posting(p.accountId(), amountCount == 0 ? p.amount() : b.getLong(at + POST_AMOUNTS_OFFSET + 8 * i)));
                i++;
            }
            for (final Posting p : pending.credits()) {
                credits.add(new Posting(p.accountId(), amountCount == 0 ? p.amount() : b.getLong(at + POST_AMOUNTS_OFFSET + 8 * i)));
                i++;
            }
            return Optional.of(new EntryView(id, type == TYPE_POST_PENDING ? "POST_PENDING" : "VOID_PENDING", timestamp,
                EntryStatus.NONE, 0, null, pendingId, List.copyOf(debits), List.copyOf(credits)));
        }
        return Optional.empty();
    }

    /**
     * @param operationId the id of an operation applied by the extension.
     * @return the entries it generated, in the order they were posted; empty if none or no such operation.
     */
    public List<EntryView> entries(final CommandId operationId) {
        final long address = ids.get(operationId.high(), operationId.low());
        if (address < 0) {
            return List.of();
        }
        final List<EntryView> result = new ArrayList<>();
        for (long a = records.next(address); a < records.position(); a = records.next(a)) {
            final UnsafeBuffer b = records.buffer(a);
            final int at = RecordLog.offset(a) + RecordLog.HEADER_LENGTH;
            if (type(b, at) != TYPE_GENERATED_ENTRY) {
                break;
            }
            result.add(entryView(operationId, "GENERATED_ENTRY", records.timestamp(a), EntryStatus.POSTED, b, at));
        }
        return List.copyOf(result);
    }

    private static EntryView entryView(final CommandId id, final String kind, final long timestamp,
        final EntryStatus status, final UnsafeBuffer b, final int at) {
        final int debits = b.getShort(at + ENTRY_DEBIT_COUNT_OFFSET) & 0xFFFF;
        final int n = debits + (b.getShort(at + ENTRY_CREDIT_COUNT_OFFSET) & 0xFFFF);
        final List<Posting> postings = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            final int p = at + ENTRY_POSTINGS_OFFSET + i * POSTING_LENGTH;
            postings.add(new Posting(b.getLong(p), b.getLong(p + 8)));
        }
        final long refHigh = b.getLong(at + ENTRY_REFERENCE_HIGH_OFFSET);
        final long refLow = b.getLong(at + ENTRY_REFERENCE_LOW_OFFSET);
        return new EntryView(id, kind, timestamp, status, b.getInt(at + ENTRY_CODE_OFFSET),
            refHigh == 0 && refLow == 0 ? null : new CommandId(refHigh, refLow), null,
            List.copyOf(postings.subList(0, debits)), List.copyOf(postings.subList(debits, n)));
    }

    // ---------------------------------------------------------------- canonical state

    /**
     * Writes the canonical form of the whole state: the same bytes for the same state, whatever history of
     * rejected commands, rollbacks or restarts led to it.
     *
     * @param sink receives the bytes in order.
     */
    public void writeState(final java.io.OutputStream sink) {
        CanonicalState.write(this, sink);
    }

    /**
     * @return SHA-256 over {@link #writeState canonical state}, as 64 hex digits.
     */
    public String stateHash() {
        return CanonicalState.hash(this);
    }

    /**
     * Checks every invariant of the ledger over the whole state: per asset, the sum over all accounts of debits
     * minus credits is zero, posted and pending alike; no total is negative; no flag is violated; every
     * account's pending totals equal what its live pending entries reserve; then the extension's own invariants.
     *
     * @return empty when all hold, otherwise a description of the first violation.
     */
    public Optional<String> findViolation() {
        final Optional<String> engine = Invariants.check(this);
        if (engine.isPresent() || extension == null) {
            return engine;
        }
        return extension.findViolation();
    }

    // Package access for CanonicalState and Invariants.
    AssetTable assets() {
        return assets;
    }

    AccountBook accounts() {
        return accounts;
    }

    RecordLog records() {
        return records;
    }

    void restoreLastTimestamp(final long timestamp, final long commands) {
        lastTimestamp = timestamp;
        commandCount = commands;
    }

    /** Re-indexes a record appended while restoring canonical state. */
    void restoreRecord(final long address) {
        final UnsafeBuffer b = records.buffer(address);
        final int at = RecordLog.offset(address) + RecordLog.HEADER_LENGTH;
        if (type(b, at) == TYPE_GENERATED_ENTRY) {
            return; // carries its operation's id, which indexes the operation's own record
        }
        ids.insert(b.getLong(at + ID_HIGH_OFFSET), b.getLong(at + ID_LOW_OFFSET), address);
        if (type(b, at) == TYPE_POST_ENTRY && records.status(address) == EntryStatus.PENDING.ordinal()) {
            final int timeoutSeconds = b.getInt(at + ENTRY_TIMEOUT_OFFSET);
            if (timeoutSeconds > 0) {
                timeouts.add(records.timestamp(address) + timeoutSeconds * NANOS_PER_SECOND, address);
            }
        }
    }

    Books books() {
        return books;
    }

    boolean hasId(final long high, final long low) {
        return ids.get(high, low) >= 0;
    }

    void beginRestore() {
        undo.suspend();
    }

    void commitRestore() {
        undo.resume();
        undo.commit();
    }
}

package io.allianceledger.engine;

import io.allianceledger.command.AccountFlags;
import io.allianceledger.command.CloseAccount;
import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.LinkedBatch;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.PostEntry;
import io.allianceledger.command.PostPending;
import io.allianceledger.command.Posting;
import io.allianceledger.command.ResultCode;
import io.allianceledger.command.VoidPending;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.allianceledger.command.ResultCode.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One test per result code of the generic engine; {@link #everyCodeIsCovered()} fails if a code of the engine's
 * range (below 100) gains no test. Each rejection is also checked to change nothing.
 */
class ResultCodeTest {
    private static final Set<ResultCode> SEEN = EnumSet.noneOf(ResultCode.class);
    private static final int CNY = 156;
    private static final int POINTS = 1;
    private static final long A = 10;
    private static final long B = 11;
    private static final long LIMITED = 12; // debits must not exceed credits
    private static final long CAPPED = 13; // credits must not exceed debits
    private static final long P1 = 20; // points

    private MachineDriver d;
    private long nextId = 1000;

    @BeforeEach
    void setUp() {
        d = new MachineDriver();
        expect(CREATED, new DefineAsset(id(), CNY, 2));
        expect(CREATED, new DefineAsset(id(), POINTS, 0));
        expect(CREATED, new OpenAccount(id(), A, CNY, 0));
        expect(CREATED, new OpenAccount(id(), B, CNY, 0));
        expect(CREATED, new OpenAccount(id(), LIMITED, CNY, AccountFlags.DEBITS_MUST_NOT_EXCEED_CREDITS));
        expect(CREATED, new OpenAccount(id(), CAPPED, CNY, AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS));
        expect(CREATED, new OpenAccount(id(), P1, POINTS, 0));
    }

    @AfterAll
    static void everyCodeIsCovered() {
        final Set<ResultCode> missing = EnumSet.noneOf(ResultCode.class);
        for (final ResultCode c : ResultCode.values()) {
            if (c.code() < 100 && !SEEN.contains(c)) {
                missing.add(c);
            }
        }
        assertTrue(missing.isEmpty(), "result codes without a test: " + missing);
    }

    private CommandId id() {
        return CommandId.of(nextId++);
    }

    /** Applies a command, checks its code and, for a rejection, that the state did not change. */
    private CommandResult expect(final ResultCode code, final Command command) {
        final String before = stateBody(d.machine());
        final CommandResult r = d.apply(command);
        assertEquals(code, r.code(), () -> "for " + command);
        SEEN.add(code);
        if (!code.equals(CREATED)) {
            assertEquals(before, stateBody(d.machine()), "a rejection changed the state: " + command);
        }
        assertEquals(java.util.Optional.empty(), d.machine().findViolation());
        return r;
    }

    /** The canonical state without its clock and command count, which every command advances. */
    static String stateBody(final StateMachine machine) {
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        machine.writeState(out);
        final byte[] bytes = out.toByteArray();
        return java.util.HexFormat.of().formatHex(bytes, 24, bytes.length);
    }

    private static PostEntry entry(final CommandId id, final long[] debits, final long[] credits) {
        final List<Posting> ds = new ArrayList<>();
        final List<Posting> cs = new ArrayList<>();
        for (int i = 0; i < debits.length; i += 2) {
            ds.add(new Posting(debits[i], debits[i + 1]));
        }
        for (int i = 0; i < credits.length; i += 2) {
            cs.add(new Posting(credits[i], credits[i + 1]));
        }
        return new PostEntry(id, ds, cs, false, 0, 0, null);
    }

    private CommandResult applyBytes(final ResultCode code, final byte[] bytes) {
        final CommandResult r = d.applyBytes(bytes);
        assertEquals(code, r.code());
        SEEN.add(code);
        return r;
    }

    private static byte[] encode(final Command c) {
        final UnsafeBuffer b = new UnsafeBuffer(new byte[c.encodedLength()]);
        c.encode(b, 0);
        return b.byteArray();
    }

    @Test
    void created() {
        expect(CREATED, PostEntry.transfer(id(), A, B, 100));
        assertEquals(100, d.machine().account(A).orElseThrow().debitsPosted());
        assertEquals(100, d.machine().account(B).orElseThrow().creditsPosted());
    }

    @Test
    void existsReturnsTheOriginalTimestamp() {
        final CommandId t = id();
        final long original = expect(CREATED, PostEntry.transfer(t, A, B, 100)).timestamp();
        final CommandResult again = expect(EXISTS, PostEntry.transfer(t, A, B, 100));
        assertEquals(original, again.timestamp());
        assertEquals(100, d.machine().account(A).orElseThrow().debitsPosted(), "applied once");
    }

    @Test
    void existsWithDifferentFields() {
        final CommandId t = id();
        expect(CREATED, PostEntry.transfer(t, A, B, 100));
        expect(EXISTS_WITH_DIFFERENT_FIELDS, PostEntry.transfer(t, A, B, 101));
        expect(EXISTS_WITH_DIFFERENT_FIELDS, new OpenAccount(t, 99, CNY, 0));
    }

    @Test
    void rejectedCommandDoesNotReserveItsId() {
        final CommandId t = id();
        expect(ACCOUNT_NOT_FOUND, PostEntry.transfer(t, A, 404, 100));
        expect(CREATED, PostEntry.transfer(t, A, B, 100));
    }

    @Test
    void linkedEventFailedAndTheFailingItemsOwnCode() {
        final CommandId first = id();
        final CommandResult r = expect(ACCOUNT_NOT_FOUND, new LinkedBatch(List.of(
            PostEntry.transfer(first, A, B, 5), PostEntry.transfer(id(), A, 404, 5), PostEntry.transfer(id(), A, B, 5))));
        SEEN.add(LINKED_EVENT_FAILED);
        assertEquals(3, r.itemCount());
        assertEquals(LINKED_EVENT_FAILED, r.itemCode(0));
        assertEquals(ACCOUNT_NOT_FOUND, r.itemCode(1));
        assertEquals(LINKED_EVENT_FAILED, r.itemCode(2));
        expect(CREATED, PostEntry.transfer(first, A, B, 5)); // the rolled-back item's id is free
    }

    @Test
    void linkedBatchRetryReportsExistsForEveryItem() {
        final LinkedBatch batch = new LinkedBatch(List.of(PostEntry.transfer(id(), A, B, 5), PostEntry.transfer(id(), B, A, 2)));
        final CommandResult first = expect(CREATED, batch);
        final long t = first.itemTimestamp(0);
        final CommandResult again = expect(EXISTS, batch);
        assertEquals(EXISTS, again.itemCode(0));
        assertEquals(EXISTS, again.itemCode(1));
        assertEquals(t, again.itemTimestamp(1));
        assertEquals(5, d.machine().account(A).orElseThrow().debitsPosted());
    }

    @Test
    void malformedCommand() {
        final byte[] bytes = encode(PostEntry.transfer(id(), A, B, 5));
        final byte[] shortLength = bytes.clone();
        new UnsafeBuffer(shortLength).putInt(CommandLayout.LENGTH_OFFSET, bytes.length - 8);
        applyBytes(MALFORMED_COMMAND, shortLength);
        final byte[] reserved = bytes.clone();
        reserved[CommandLayout.RESERVED_OFFSET] = 1;
        applyBytes(MALFORMED_COMMAND, reserved);
        final byte[] wrongCount = bytes.clone();
        new UnsafeBuffer(wrongCount).putShort(CommandLayout.ENTRY_DEBIT_COUNT_OFFSET, (short)2);
        applyBytes(MALFORMED_COMMAND, wrongCount);
        applyBytes(MALFORMED_COMMAND, new byte[8]);
    }

    @Test
    void unknownCommandType() {
        final byte[] bytes = encode(new CloseAccount(id(), A));
        new UnsafeBuffer(bytes).putShort(CommandLayout.TYPE_OFFSET, (short)CommandLayout.TYPE_GENERATED_ENTRY);
        applyBytes(UNKNOWN_COMMAND_TYPE, bytes);
        new UnsafeBuffer(bytes).putShort(CommandLayout.TYPE_OFFSET, (short)500);
        applyBytes(UNKNOWN_COMMAND_TYPE, bytes);
    }

    @Test
    void idMustNotBeZero() {
        expect(ID_MUST_NOT_BE_ZERO, PostEntry.transfer(new CommandId(0, 0), A, B, 5));
    }

    @Test
    void linkedBatchEmptyTooLargeNested() {
        expect(LINKED_BATCH_EMPTY, new LinkedBatch(List.of()));
        final List<Command> many = new ArrayList<>();
        for (int i = 0; i <= CommandLayout.MAX_BATCH_ITEMS; i++) {
            many.add(new CloseAccount(id(), A));
        }
        expect(LINKED_BATCH_TOO_LARGE, new LinkedBatch(many));
        expect(LINKED_BATCH_NESTED, new LinkedBatch(List.of(new LinkedBatch(List.of(new CloseAccount(id(), A))))));
    }

    @Test
    void assetCodes() {
        expect(INVALID_ASSET_CODE, new DefineAsset(id(), 0, 2));
        expect(INVALID_ASSET_SCALE, new DefineAsset(id(), 840, 19));
        expect(INVALID_ASSET_SCALE, new DefineAsset(id(), 840, -1));
        expect(ASSET_ALREADY_DEFINED, new DefineAsset(id(), CNY, 2));
        expect(ASSET_NOT_FOUND, new OpenAccount(id(), 77, 999, 0));
    }

    @Test
    void assetLimitReached() {
        final int defined = 2;
        for (int code = 1000; code < 1000 + CommandLayout.MAX_ASSETS - defined; code++) {
            expect(CREATED, new DefineAsset(id(), code, 0));
        }
        expect(ASSET_LIMIT_REACHED, new DefineAsset(id(), 5000, 0));
    }

    @Test
    void accountCodes() {
        expect(ACCOUNT_ID_MUST_NOT_BE_ZERO, new OpenAccount(id(), 0, CNY, 0));
        expect(INVALID_ACCOUNT_FLAGS, new OpenAccount(id(), 30, CNY, AccountFlags.OPENABLE));
        expect(INVALID_ACCOUNT_FLAGS, new OpenAccount(id(), 30, CNY, AccountFlags.CLOSED));
        expect(INVALID_ACCOUNT_FLAGS, new OpenAccount(id(), 30, CNY, 1 << 9));
        expect(ACCOUNT_ALREADY_EXISTS, new OpenAccount(id(), A, CNY, 0));
        expect(ACCOUNT_NOT_FOUND, PostEntry.transfer(id(), A, 404, 5));
        expect(ACCOUNT_NOT_FOUND, new CloseAccount(id(), 404));
    }

    @Test
    void accountLimitReached() {
        d = new MachineDriver(new StateMachine(4, 3), 1);
        expect(CREATED, new DefineAsset(id(), CNY, 2));
        for (int i = 0; i < 3; i++) {
            expect(CREATED, new OpenAccount(id(), 100 + i, CNY, 0));
        }
        expect(ACCOUNT_LIMIT_REACHED, new OpenAccount(id(), 200, CNY, 0));
    }

    @Test
    void closedAccounts() {
        expect(CREATED, PostEntry.transfer(id(), A, B, 5));
        expect(CREATED, new CloseAccount(id(), B));
        expect(ACCOUNT_CLOSED, PostEntry.transfer(id(), A, B, 5));
        expect(ACCOUNT_ALREADY_CLOSED, new CloseAccount(id(), B));
        assertEquals(AccountFlags.CLOSED, d.machine().account(B).orElseThrow().flags());
        assertEquals(5, d.machine().account(B).orElseThrow().creditsPosted(), "a closed account keeps its balances");
    }

    @Test
    void accountHasPendingAmounts() {
        expect(CREATED, PostEntry.pendingTransfer(id(), A, B, 5, 0));
        expect(ACCOUNT_HAS_PENDING_AMOUNTS, new CloseAccount(id(), B));
    }

    @Test
    void postingCountsAndAmounts() {
        expect(TOO_FEW_POSTINGS, entry(id(), new long[] {A, 5}, new long[] {}));
        expect(TOO_FEW_POSTINGS, entry(id(), new long[] {}, new long[] {B, 5}));
        final long[] debits = new long[2 * (CommandLayout.MAX_POSTINGS)];
        for (int i = 0; i < debits.length; i += 2) {
            debits[i] = A;
            debits[i + 1] = 1;
        }
        expect(TOO_MANY_POSTINGS, entry(id(), debits, new long[] {B, CommandLayout.MAX_POSTINGS}));
        expect(AMOUNT_MUST_BE_POSITIVE, PostEntry.transfer(id(), A, B, 0));
        expect(AMOUNT_MUST_BE_POSITIVE, PostEntry.transfer(id(), A, B, -5));
    }

    @Test
    void entryFlagsAndTimeouts() {
        final byte[] bytes = encode(PostEntry.transfer(id(), A, B, 5));
        new UnsafeBuffer(bytes).putInt(CommandLayout.ENTRY_FLAGS_OFFSET, 4);
        applyBytes(INVALID_ENTRY_FLAGS, bytes);
        expect(INVALID_TIMEOUT, new PostEntry(id(), List.of(new Posting(A, 5)), List.of(new Posting(B, 5)), false, 10, 0, null));
        expect(INVALID_TIMEOUT, PostEntry.pendingTransfer(id(), A, B, 5, -1));
    }

    @Test
    void unbalancedPerAsset() {
        expect(UNBALANCED_ENTRY, entry(id(), new long[] {A, 5}, new long[] {B, 4}));
        // Balanced in total (8 = 8) but not per asset: 5 fen and 3 points against 3 fen and 5 points.
        expect(CREATED, new OpenAccount(id(), 21, POINTS, 0));
        expect(UNBALANCED_ENTRY, entry(id(), new long[] {A, 5, P1, 3}, new long[] {B, 3, 21, 5}));
        expect(CREATED, entry(id(), new long[] {A, 5, P1, 3}, new long[] {B, 5, 21, 3}));
    }

    @Test
    void overflowIsARejectionNotAWrap() {
        expect(CREATED, PostEntry.transfer(id(), A, B, Long.MAX_VALUE - 10));
        expect(OVERFLOW, PostEntry.transfer(id(), A, B, 11));
        expect(CREATED, PostEntry.transfer(id(), A, B, 10));
        // Sums within an entry overflow too.
        expect(OVERFLOW, entry(id(), new long[] {A, Long.MAX_VALUE, A, 1}, new long[] {B, 1}));
        // Posted plus pending of one side must fit.
        expect(OVERFLOW, PostEntry.pendingTransfer(id(), A, B, 1, 0));
    }

    @Test
    void balanceLimits() {
        expect(EXCEEDS_CREDITS, PostEntry.transfer(id(), LIMITED, A, 1));
        expect(CREATED, PostEntry.transfer(id(), A, LIMITED, 10));
        expect(CREATED, PostEntry.transfer(id(), LIMITED, A, 10));
        expect(EXCEEDS_CREDITS, PostEntry.transfer(id(), LIMITED, A, 1));
        expect(EXCEEDS_DEBITS, PostEntry.transfer(id(), A, CAPPED, 1));
        expect(CREATED, PostEntry.transfer(id(), CAPPED, A, 7));
        expect(EXCEEDS_DEBITS, PostEntry.transfer(id(), A, CAPPED, 8));
        // Pending debits count against the limit.
        expect(CREATED, PostEntry.transfer(id(), A, LIMITED, 10));
        expect(CREATED, PostEntry.pendingTransfer(id(), LIMITED, A, 6, 0));
        expect(EXCEEDS_CREDITS, PostEntry.transfer(id(), LIMITED, A, 5));
    }

    @Test
    void pendingCodes() {
        expect(PENDING_ENTRY_NOT_FOUND, PostPending.whole(id(), CommandId.of(424242)));
        final CommandId posted = id();
        expect(CREATED, PostEntry.transfer(posted, A, B, 5));
        expect(NOT_A_PENDING_ENTRY, PostPending.whole(id(), posted));
        final CommandId account = id();
        expect(CREATED, new OpenAccount(account, 55, CNY, 0));
        expect(NOT_A_PENDING_ENTRY, new VoidPending(id(), account));

        final CommandId p1 = id();
        expect(CREATED, PostEntry.pendingTransfer(p1, A, B, 50, 0));
        expect(POST_AMOUNT_COUNT_MISMATCH, new PostPending(id(), p1, new long[] {10}));
        expect(POST_AMOUNT_EXCEEDS_PENDING, new PostPending(id(), p1, new long[] {51, 51}));
        expect(POST_AMOUNT_EXCEEDS_PENDING, new PostPending(id(), p1, new long[] {-1, -1}));
        expect(POST_AMOUNT_ZERO, new PostPending(id(), p1, new long[] {0, 0}));
        expect(UNBALANCED_ENTRY, new PostPending(id(), p1, new long[] {20, 10}));
        expect(CREATED, new PostPending(id(), p1, new long[] {20, 20}));
        expect(PENDING_ENTRY_ALREADY_POSTED, new VoidPending(id(), p1));
        assertEquals(20, d.machine().account(A).orElseThrow().debitsPosted() - 5);
        assertEquals(0, d.machine().account(A).orElseThrow().debitsPending(), "the rest is released");
        assertEquals(EntryStatus.POSTED, d.machine().entry(p1).orElseThrow().status());

        final CommandId p2 = id();
        expect(CREATED, PostEntry.pendingTransfer(p2, A, B, 7, 0));
        expect(CREATED, new VoidPending(id(), p2));
        expect(PENDING_ENTRY_ALREADY_VOIDED, PostPending.whole(id(), p2));
        assertEquals(EntryStatus.VOIDED, d.machine().entry(p2).orElseThrow().status());
    }

    @Test
    void pendingEntryExpiredOnTheEngineClock() {
        final CommandId p = id();
        final long created = expect(CREATED, PostEntry.pendingTransfer(p, A, B, 9, 30)).timestamp();
        final long deadline = created + 30_000_000_000L;
        assertEquals(9, d.machine().account(A).orElseThrow().debitsPending());
        // One nanosecond before the deadline it is still pending...
        d.applyAt(deadline - 1, new DefineAsset(id(), 978, 2));
        assertEquals(EntryStatus.PENDING, d.machine().entry(p).orElseThrow().status());
        // ...and at the deadline it has expired, before the command at that instant is applied.
        assertEquals(PENDING_ENTRY_EXPIRED, d.applyAt(deadline, PostPending.whole(id(), p)).code());
        SEEN.add(PENDING_ENTRY_EXPIRED);
        assertEquals(EntryStatus.EXPIRED, d.machine().entry(p).orElseThrow().status());
        assertEquals(0, d.machine().account(A).orElseThrow().debitsPending());
        assertEquals(0, d.machine().account(A).orElseThrow().debitsPosted());
    }
}

package io.allianceledger.bench;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.ResultCode;
import io.allianceledger.engine.CommandResult;
import io.allianceledger.engine.StateExtension;
import io.allianceledger.engine.StateMachine;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A state machine with one asset and a number of open accounts, plus the engine clock and id counter the
 * benchmarks drive it with: timestamps strictly increase by one nanosecond per command, and every command gets
 * a fresh id (high half {@link #ID_HIGH}, low half a counter), so nothing is ever a retry.
 */
final class Machines {
    /** The high half of every id a benchmark makes, so ids never collide with the set-up's. */
    static final long ID_HIGH = 0x42454E4348L; // "BENCH"
    /** The asset every benchmark account holds (points, scale 0). */
    static final int ASSET = 1;

    final StateMachine machine;
    final long[] accountIds;
    final CommandResult result = new CommandResult();
    private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);
    private long clock = 1_000_000_000L;
    private long nextId = 1;
    private long rejected;

    private Machines(final StateMachine machine, final int accounts) {
        this.machine = machine;
        this.accountIds = new long[accounts];
    }

    /**
     * A plain double-entry ledger with {@code accounts} open accounts, tables sized for them up front.
     *
     * @param accounts how many accounts to open.
     * @return the loaded machine.
     */
    static Machines withAccounts(final int accounts) {
        return withAccounts(accounts, null);
    }

    /**
     * @param accounts  how many accounts to open.
     * @param extension a domain extension, or null.
     * @return the loaded machine.
     */
    static Machines withAccounts(final int accounts, final StateExtension extension) {
        final Machines m = new Machines(new StateMachine(Math.max(accounts, 16), Math.max(accounts, 16) * 2, extension),
            accounts);
        m.applyChecked(new DefineAsset(CommandId.of(1), ASSET, 0).encode(m.scratch, 0));
        m.openAccounts(accounts);
        return m;
    }

    /**
     * An empty machine: no asset, no account.
     *
     * @param machine the machine.
     * @return it, with a clock and an id counter.
     */
    static Machines of(final StateMachine machine) {
        return new Machines(machine, 0);
    }

    /**
     * A plain ledger whose tables start at their default size and grow as the accounts are opened.
     *
     * @param accounts how many accounts to open.
     * @return the loaded machine.
     */
    static Machines grownWithAccounts(final int accounts) {
        final Machines m = new Machines(new StateMachine(), accounts);
        m.applyChecked(new DefineAsset(CommandId.of(1), ASSET, 0).encode(m.scratch, 0));
        m.openAccounts(accounts);
        return m;
    }

    private void openAccounts(final int accounts) {
        final int length = new OpenAccount(new CommandId(ID_HIGH, 1), 1, ASSET, 0).encode(scratch, 0);
        for (int i = 0; i < accounts; i++) {
            accountIds[i] = accountId(i);
            scratch.putLong(CommandLayout.ID_LOW_OFFSET, nextId());
            scratch.putLong(CommandLayout.ACCOUNT_ID_OFFSET, accountIds[i]);
            applyChecked(length);
        }
    }

    /**
     * A 64-bit account id for an index: a bijective mix of {@code index + 1}, so ids are distinct, never zero and
     * spread like real ids rather than counting up.
     *
     * @param index the account's index.
     * @return its id.
     */
    static long accountId(final int index) {
        long x = index + 1L;
        x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /** @return a fresh id's low half. */
    long nextId() {
        return nextId++;
    }

    /** @return the next engine timestamp. */
    long nextTimestamp() {
        return ++clock;
    }

    /**
     * Applies a command and counts it if it was not {@code CREATED}.
     *
     * @param buffer holds the command.
     * @param offset where it starts.
     * @param length its length.
     * @return the result code.
     */
    ResultCode apply(final DirectBuffer buffer, final int offset, final int length) {
        machine.apply(buffer, offset, length, ++clock, result);
        final ResultCode code = result.code();
        if (code != ResultCode.CREATED) {
            rejected++;
        }
        return code;
    }

    /** @return the scratch buffer commands of the set-up are encoded into. */
    UnsafeBuffer scratch() {
        return scratch;
    }

    /** Applies the command in {@link #scratch()} and fails unless it was created. */
    void applyChecked(final int length) {
        applyChecked(scratch, length);
    }

    /** Applies a set-up command at offset 0 of {@code buffer} and fails unless it was created. */
    void applyChecked(final DirectBuffer buffer, final int length) {
        final ResultCode code = apply(buffer, 0, length);
        if (code != ResultCode.CREATED) {
            throw new IllegalStateException("set-up command of type "
                + (buffer.getShort(0) & 0xFFFF) + " was rejected: " + code);
        }
        rejected = 0;
    }

    /** @return commands not {@code CREATED} since the set-up; benchmarks fail their tear-down if any. */
    long rejected() {
        return rejected;
    }

    /** Throws unless every measured command was created: a benchmark of rejections would measure the wrong thing. */
    void checkNoneRejected(final String what) {
        if (rejected != 0) {
            throw new IllegalStateException(what + ": " + rejected + " commands were rejected; the code of the last: "
                + result.code());
        }
    }
}

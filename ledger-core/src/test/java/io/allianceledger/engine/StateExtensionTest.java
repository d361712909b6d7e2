package io.allianceledger.engine;

import io.allianceledger.command.Command;
import io.allianceledger.command.CommandId;
import io.allianceledger.command.CommandLayout;
import io.allianceledger.command.DefineAsset;
import io.allianceledger.command.LinkedBatch;
import io.allianceledger.command.OpenAccount;
import io.allianceledger.command.ResultCode;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension SPI: generated entries are posted through the same checks and recorded under the operation's
 * id; a rejection rolls back both the books and the extension's own state; the extension's section of the
 * canonical state survives a restore.
 */
class StateExtensionTest {
    static final int TYPE_AWARD = CommandLayout.FIRST_EXTENSION_TYPE;

    /** A tiny domain: an award moves {@code amount} from one account to another, in two entries of half each. */
    static final class AwardExtension implements StateExtension, UndoLog.Undoable {
        Books books;
        int owner;
        long[] awards = new long[4];
        int count;

        @Override
        public void attach(final Books books) {
            this.books = books;
            this.owner = books.undo().register(this);
        }

        @Override
        public boolean handles(final int type) {
            return type == TYPE_AWARD;
        }

        @Override
        public ResultCode apply(final int type, final DirectBuffer b, final int offset, final int length, final long ts) {
            if (length != 48) {
                return ResultCode.MALFORMED_COMMAND;
            }
            final long from = b.getLong(offset + 24);
            final long to = b.getLong(offset + 32);
            final long amount = b.getLong(offset + 40);
            books.undo().record(owner, 1, count, 0);
            if (count == awards.length) {
                awards = Arrays.copyOf(awards, count * 2);
            }
            awards[count++] = amount;
            books.beginEntry(7);
            books.debit(from, amount / 2);
            books.credit(to, amount / 2);
            final ResultCode first = books.commitEntry();
            if (first != ResultCode.CREATED) {
                return first;
            }
            books.beginEntry(8, 0, 99);
            books.debit(from, amount - amount / 2);
            books.credit(to, amount - amount / 2);
            return books.commitEntry();
        }

        @Override
        public void undo(final int op, final long a, final long b) {
            count = (int)a;
        }

        @Override
        public void writeState(final StateWriter out) {
            out.putInt(count);
            out.putInt(0);
            for (int i = 0; i < count; i++) {
                out.putLong(awards[i]);
            }
        }

        @Override
        public void readState(final StateReader in) {
            count = in.getInt();
            in.getInt();
            awards = new long[Math.max(4, count)];
            for (int i = 0; i < count; i++) {
                awards[i] = in.getLong();
            }
        }

        @Override
        public Optional<String> findViolation() {
            return Optional.empty();
        }
    }

    record Award(CommandId id, long from, long to, long amount) implements Command {
        @Override
        public int encodedLength() {
            return 48;
        }

        @Override
        public int encode(final MutableDirectBuffer buffer, final int offset) {
            Command.writeHeader(buffer, offset, TYPE_AWARD, 48, id);
            buffer.putLong(offset + 24, from);
            buffer.putLong(offset + 32, to);
            buffer.putLong(offset + 40, amount);
            return 48;
        }
    }

    private static MachineDriver setUp(final AwardExtension extension) {
        final MachineDriver d = new MachineDriver(new StateMachine(16, 1000, extension), 1);
        d.apply(new DefineAsset(CommandId.of(1), 156, 2));
        d.apply(new OpenAccount(CommandId.of(2), 1, 156, 0));
        d.apply(new OpenAccount(CommandId.of(3), 2, 156, io.allianceledger.command.AccountFlags.CREDITS_MUST_NOT_EXCEED_DEBITS));
        return d;
    }

    @Test
    void generatedEntriesAreRecordedUnderTheOperation() {
        final AwardExtension ext = new AwardExtension();
        final MachineDriver d = setUp(ext);
        // Account 2 may not have credits beyond its debits: give it debits first.
        assertEquals(ResultCode.CREATED, d.code(new Award(CommandId.of(10), 2, 1, 101)));
        final List<EntryView> entries = d.machine().entries(CommandId.of(10));
        assertEquals(2, entries.size());
        assertEquals(7, entries.get(0).code());
        assertEquals(50, entries.get(0).debits().get(0).amount());
        assertEquals(51, entries.get(1).credits().get(0).amount());
        assertEquals(new CommandId(0, 99), entries.get(1).reference());
        assertEquals(ResultCode.EXISTS, d.code(new Award(CommandId.of(10), 2, 1, 101)));
        assertEquals(1, ext.count);
        assertEquals(Optional.empty(), d.machine().findViolation());
    }

    @Test
    void aRejectionRollsBackBooksAndExtensionState() {
        final AwardExtension ext = new AwardExtension();
        final MachineDriver d = setUp(ext);
        assertEquals(ResultCode.CREATED, d.code(new Award(CommandId.of(10), 2, 1, 100)));
        final String before = ResultCodeTest.stateBody(d.machine());
        // Account 2 has 100 of debits. The first entry (90 to account 2) fits; the second (91 more) would
        // push its credits past its debits.
        assertEquals(ResultCode.EXCEEDS_DEBITS, d.code(new Award(CommandId.of(11), 1, 2, 181)));
        assertEquals(1, ext.count);
        assertEquals(before, ResultCodeTest.stateBody(d.machine()));
        assertEquals(List.of(), d.machine().entries(CommandId.of(11)));
        // Inside a linked batch too.
        final CommandResult r = d.apply(new LinkedBatch(List.of(new Award(CommandId.of(12), 2, 1, 10),
            new Award(CommandId.of(13), 1, 2, 1000))));
        assertEquals(ResultCode.EXCEEDS_DEBITS, r.code());
        assertEquals(1, ext.count);
        assertEquals(before, ResultCodeTest.stateBody(d.machine()));
    }

    @Test
    void extensionStateSurvivesRestoreAndMismatchIsCorruption() {
        final AwardExtension ext = new AwardExtension();
        final MachineDriver d = setUp(ext);
        for (int i = 0; i < 20; i++) {
            assertEquals(ResultCode.CREATED, d.code(new Award(CommandId.of(100 + i), 2, 1, 10 + i)));
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        d.machine().writeState(out);
        final AwardExtension restoredExt = new AwardExtension();
        final StateMachine restored = CanonicalState.read(new ByteArrayInputStream(out.toByteArray()),
            new StateMachine(16, 1000, restoredExt));
        assertEquals(d.machine().stateHash(), restored.stateHash());
        assertEquals(20, restoredExt.count);
        assertEquals(2, restored.entries(CommandId.of(105)).size());
        assertTrue(restored.findViolation().isEmpty());
        assertThrows(CanonicalState.CorruptStateException.class,
            () -> CanonicalState.read(new ByteArrayInputStream(out.toByteArray()), new StateMachine()));
    }
}

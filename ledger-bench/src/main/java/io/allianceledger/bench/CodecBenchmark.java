package io.allianceledger.bench;

import io.allianceledger.alliance.command.Accrue;
import io.allianceledger.alliance.command.CaptureHold;
import io.allianceledger.alliance.command.CloseCycle;
import io.allianceledger.alliance.command.ConfigureAlliance;
import io.allianceledger.alliance.command.Correct;
import io.allianceledger.alliance.command.HoldPoints;
import io.allianceledger.alliance.command.MoveStore;
import io.allianceledger.alliance.command.ParticipantCode;
import io.allianceledger.alliance.command.Redeem;
import io.allianceledger.alliance.command.Refund;
import io.allianceledger.alliance.command.RegisterParticipant;
import io.allianceledger.alliance.command.RegisterRuleSet;
import io.allianceledger.alliance.command.ReleaseHold;
import io.allianceledger.alliance.command.Role;
import io.allianceledger.alliance.command.RuleSet;
import io.allianceledger.alliance.command.SetSuspended;
import io.allianceledger.alliance.command.SettleSale;
import io.allianceledger.alliance.command.ShortfallPolicy;
import io.allianceledger.alliance.command.SplitShare;
import io.allianceledger.alliance.command.SweepExpiry;
import io.allianceledger.alliance.command.TransferPoints;
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
import io.allianceledger.command.VoidPending;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The codec: encoding each command that is journaled (every core and alliance command type) into the binary
 * layout of {@link CommandLayout}, as {@code submit} does into a ring slot. The commands are built before the
 * measured call, so this is {@code Command.encode} alone: zeroing the command's bytes, the header and the body
 * (for commands with text, such as codes and transaction ids, the UTF-8 encoding of the text, which the records
 * redo on every call).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 3, time = 500, timeUnit = TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class CodecBenchmark {
    /** One command of a kind, and a slot-sized buffer. */
    @State(Scope.Thread)
    public static class Encode {
        /** Which command. {@code POST_ENTRY_8} is an entry of 4 debits and 4 credits; {@code LINKED_BATCH_4} holds 4 transfers. */
        @Param({"DEFINE_ASSET", "OPEN_ACCOUNT", "CLOSE_ACCOUNT", "TRANSFER", "POST_ENTRY_8", "PENDING_TRANSFER",
            "POST_PENDING_PARTIAL", "VOID_PENDING", "LINKED_BATCH_4",
            "CONFIGURE_ALLIANCE", "REGISTER_PARTICIPANT", "SET_SUSPENDED", "MOVE_STORE", "REGISTER_RULE_SET", "ACCRUE",
            "REDEEM", "HOLD_POINTS", "CAPTURE_HOLD", "RELEASE_HOLD", "SWEEP_EXPIRY", "TRANSFER_POINTS", "SETTLE_SALE",
            "REFUND", "REFUND_WITH_CHANNEL_ID", "CORRECT", "CLOSE_CYCLE"})
        public String command;

        Command value;
        final UnsafeBuffer slot = new UnsafeBuffer(new byte[CommandLayout.MAX_COMMAND_LENGTH]);

        /** Builds the command. */
        @Setup(Level.Trial)
        public void build() {
            value = CoreCommands.sample(command);
        }
    }

    /**
     * Encodes the command into a slot.
     *
     * @param s the command and the slot.
     * @return the encoded length.
     */
    @Benchmark
    public int encode(final Encode s) {
        return s.value.encode(s.slot, 0);
    }

    /** Every command kind the codec benchmarks, core and alliance. */
    static final String[] KINDS = {"DEFINE_ASSET", "OPEN_ACCOUNT", "CLOSE_ACCOUNT", "TRANSFER", "POST_ENTRY_8",
        "PENDING_TRANSFER", "POST_PENDING_PARTIAL", "VOID_PENDING", "LINKED_BATCH_4",
        "CONFIGURE_ALLIANCE", "REGISTER_PARTICIPANT", "SET_SUSPENDED", "MOVE_STORE", "REGISTER_RULE_SET", "ACCRUE",
        "REDEEM", "HOLD_POINTS", "CAPTURE_HOLD", "RELEASE_HOLD", "SWEEP_EXPIRY", "TRANSFER_POINTS", "SETTLE_SALE",
        "REFUND", "REFUND_WITH_CHANNEL_ID", "CORRECT", "CLOSE_CYCLE"};

    /** Sample commands of every type, with realistic ids (business keys hashed), codes and amounts. */
    static final class CoreCommands {
        private CoreCommands() {
        }

        static Command sample(final String kind) {
            final CommandId id = CommandId.fromName("order-2026-11-22-000123");
            final CommandId other = CommandId.fromName("order-2026-11-22-000122");
            return switch (kind) {
                case "DEFINE_ASSET" -> new DefineAsset(id, 156, 2);
                case "OPEN_ACCOUNT" -> new OpenAccount(id, Machines.accountId(7), 156, 0);
                case "CLOSE_ACCOUNT" -> new CloseAccount(id, Machines.accountId(7));
                case "TRANSFER" -> PostEntry.transfer(id, Machines.accountId(1), Machines.accountId(2), 12_850);
                case "POST_ENTRY_8" -> {
                    final List<Posting> debits = new ArrayList<>();
                    final List<Posting> credits = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        debits.add(new Posting(Machines.accountId(i), 1_000 + i));
                        credits.add(new Posting(Machines.accountId(10 + i), 1_000 + i));
                    }
                    yield new PostEntry(id, debits, credits, false, 0, 7, other);
                }
                case "PENDING_TRANSFER" -> PostEntry.pendingTransfer(id, Machines.accountId(1), Machines.accountId(2), 10_000, 3600);
                case "POST_PENDING_PARTIAL" -> new PostPending(id, other, new long[] {8_000, 8_000});
                case "VOID_PENDING" -> new VoidPending(id, other);
                case "LINKED_BATCH_4" -> {
                    final List<Command> items = new ArrayList<>();
                    for (int i = 0; i < 4; i++) {
                        items.add(PostEntry.transfer(CommandId.fromName("order-" + i), Machines.accountId(i),
                            Machines.accountId(i + 1), 100));
                    }
                    yield new LinkedBatch(items);
                }
                case "CONFIGURE_ALLIANCE" -> new ConfigureAlliance(id, "Asia/Shanghai", 1001, 156);
                case "REGISTER_PARTICIPANT" -> new RegisterParticipant(id, "store-sh-pudong-0012", Role.STORE, "hq-0003");
                case "SET_SUSPENDED" -> new SetSuspended(id, ParticipantCode.idOf("store-sh-pudong-0012"), true,
                    Alliances.T0);
                case "MOVE_STORE" -> new MoveStore(id, ParticipantCode.idOf("store-sh-pudong-0012"),
                    ParticipantCode.idOf("hq-0004"), Alliances.T0);
                case "REGISTER_RULE_SET" -> new RegisterRuleSet(id, null, Alliances.T0, new RuleSet(125, 80, 365, 7,
                    ShortfallPolicy.NEGATIVE, 300, List.of(SplitShare.agent(1, 2000), SplitShare.agent(2, 1000),
                    SplitShare.hq(5000)), 500, 10_000));
                case "ACCRUE" -> new Accrue(id, ParticipantCode.idOf("member-13800138000"),
                    ParticipantCode.idOf("store-sh-pudong-0012"), 128, 12_850, Alliances.T0);
                case "REDEEM" -> new Redeem(id, ParticipantCode.idOf("member-13800138000"),
                    ParticipantCode.idOf("store-sh-pudong-0012"), 300, Alliances.REDEEM_TIME);
                case "HOLD_POINTS" -> new HoldPoints(id, ParticipantCode.idOf("member-13800138000"),
                    ParticipantCode.idOf("store-sh-pudong-0012"), 300, Alliances.REDEEM_TIME, 900);
                case "CAPTURE_HOLD" -> new CaptureHold(id, other, 250, Alliances.REDEEM_TIME);
                case "RELEASE_HOLD" -> new ReleaseHold(id, other, Alliances.REDEEM_TIME);
                case "SWEEP_EXPIRY" -> new SweepExpiry(id, Alliances.SWEEP_TIME, 1024);
                case "TRANSFER_POINTS" -> new TransferPoints(id, ParticipantCode.idOf("member-13800138000"),
                    ParticipantCode.idOf("member-13900139000"), 50, Alliances.REDEEM_TIME);
                case "SETTLE_SALE" -> new SettleSale(id, ParticipantCode.idOf("store-sh-pudong-0012"),
                    ParticipantCode.idOf("pay"), "2026112222001412345678901234", 12_850, Alliances.T0);
                case "REFUND" -> new Refund(id, other, 2_000, Alliances.REDEEM_TIME);
                case "REFUND_WITH_CHANNEL_ID" -> new Refund(id, other, 2_000, Refund.Unit.FEN,
                    "2026112222001412345678909999", Alliances.REDEEM_TIME);
                case "CLOSE_CYCLE" -> new CloseCycle(id, Alliances.REDEEM_TIME);
                case "CORRECT" -> new Correct(id, other, Alliances.REDEEM_TIME);
                default -> throw new IllegalArgumentException("unknown command " + kind);
            };
        }
    }
}

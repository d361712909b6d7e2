package io.allianceledger.engine;

import io.allianceledger.command.Command;
import io.allianceledger.command.ResultCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Properties of the generic engine over random command sequences (pending, post, void, expiry, linked
 * batches, retries, overflow): after every command every invariant holds (per asset the sum over all accounts
 * of debits minus credits is zero, posted and pending alike; no balance limit is crossed; pending totals
 * match live pending entries); a rejected command changes no account and records nothing; replaying the same
 * commands into a fresh machine, or restoring the canonical state, gives the same state hash.
 * <p>
 * QuickTheories draws one workload seed per example from a fixed seed, printed here; a failure names the
 * workload seed. Reproduce with {@code -Dledger.test.seed=<seed>}.
 */
class StateMachinePropertyTest {
    private static final long SEED = Long.getLong("ledger.test.seed", 20_261_122L);
    private static final int EXAMPLES = Integer.getInteger("ledger.test.examples", 40);
    private static final int COMMANDS_PER_EXAMPLE = 500;

    @Test
    void invariantsHoldAndReplayIsDeterministic() {
        System.out.println("StateMachinePropertyTest seed=" + SEED + " examples=" + EXAMPLES
            + " commands/example=" + COMMANDS_PER_EXAMPLE);
        final long[] total = new long[1];
        final Map<ResultCode, Integer> seen = new EnumMap<>(ResultCode.class);
        qt().withFixedSeed(SEED).withExamples(EXAMPLES).withShrinkCycles(0)
            .forAll(longs().all())
            .checkAssert(workloadSeed -> total[0] += runWorkload(workloadSeed, seen));
        System.out.println("StateMachinePropertyTest applied " + total[0] + " commands; codes seen: " + seen);
        assertTrue(total[0] >= 10_000, "at least 10,000 random commands");
        for (final ResultCode c : new ResultCode[] {ResultCode.CREATED, ResultCode.EXISTS,
            ResultCode.EXISTS_WITH_DIFFERENT_FIELDS, ResultCode.LINKED_EVENT_FAILED, ResultCode.PENDING_ENTRY_EXPIRED,
            ResultCode.PENDING_ENTRY_ALREADY_POSTED, ResultCode.EXCEEDS_CREDITS, ResultCode.OVERFLOW,
            ResultCode.UNBALANCED_ENTRY}) {
            assertTrue(seen.containsKey(c), "workloads never produced " + c + ": " + seen);
        }
    }

    private static long runWorkload(final long workloadSeed, final Map<ResultCode, Integer> seen) {
        final RandomWorkload workload = new RandomWorkload(workloadSeed);
        final MachineDriver driver = new MachineDriver();
        final List<Command> tail = new ArrayList<>();
        byte[] midState = null;
        for (int i = 0; i < COMMANDS_PER_EXAMPLE; i++) {
            driver.advance(workload.nextClockAdvance());
            final Command command = workload.next();
            final long recordsBefore = driver.machine().recordCount();
            final List<AccountView> before = accounts(driver.machine());
            final CommandResult r = driver.apply(command);
            workload.outcome(r.code() == ResultCode.CREATED);
            seen.merge(r.code(), 1, Integer::sum);
            for (int j = 0; j < r.itemCount(); j++) {
                seen.merge(r.itemCode(j), 1, Integer::sum);
            }
            final Optional<String> violation = driver.machine().findViolation();
            if (violation.isPresent()) {
                fail("workload seed " + workloadSeed + ", command " + i + " (" + command + " -> " + r.code() + "): "
                    + violation.get());
            }
            if (r.code() != ResultCode.CREATED) {
                // Timeouts may have released pending amounts before the command: compare only posted totals.
                final List<AccountView> after = accounts(driver.machine());
                for (int k = 0; k < before.size(); k++) {
                    assertEquals(before.get(k).debitsPosted(), after.get(k).debitsPosted(), "seed " + workloadSeed);
                    assertEquals(before.get(k).creditsPosted(), after.get(k).creditsPosted(), "seed " + workloadSeed);
                }
                assertEquals(before.size(), after.size(), "a rejection opened an account, seed " + workloadSeed);
                assertEquals(recordsBefore, driver.machine().recordCount(), "a rejection recorded, seed " + workloadSeed);
            }
            if (i == COMMANDS_PER_EXAMPLE / 2) {
                midState = canonical(driver.machine());
            } else if (i > COMMANDS_PER_EXAMPLE / 2) {
                tail.add(command);
            }
        }
        final String hash = driver.machine().stateHash();
        assertEquals(hash, driver.replay().stateHash(), "replay differs, workload seed " + workloadSeed);
        final StateMachine restored = CanonicalState.read(new ByteArrayInputStream(canonical(driver.machine())), 16, 1 << 20);
        assertEquals(hash, restored.stateHash(), "restore differs, workload seed " + workloadSeed);
        // Restoring mid-way and applying the rest gives the same end state as never stopping.
        final StateMachine resumed = CanonicalState.read(new ByteArrayInputStream(midState), 16, 1 << 20);
        assertEquals(hash, resumeFrom(resumed, driver, tail), "resume differs, workload seed " + workloadSeed);
        return COMMANDS_PER_EXAMPLE;
    }

    private static String resumeFrom(final StateMachine resumed, final MachineDriver original, final List<Command> tail) {
        // The driver replays with the same timestamps: re-run the whole original and take its tail timestamps.
        final MachineDriver again = new MachineDriver(resumed, 0);
        final List<Long> stamps = original.timestamps();
        final int start = stamps.size() - tail.size();
        for (int i = 0; i < tail.size(); i++) {
            again.applyAt(stamps.get(start + i), tail.get(i));
        }
        return resumed.stateHash();
    }

    static byte[] canonical(final StateMachine machine) {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        machine.writeState(out);
        return out.toByteArray();
    }

    static List<AccountView> accounts(final StateMachine machine) {
        final List<AccountView> views = new ArrayList<>();
        final AccountBook book = machine.accounts();
        for (int i = 0; i < book.count(); i++) {
            views.add(machine.account(book.id(i)).orElseThrow());
        }
        return views;
    }
}

package io.allianceledger.examples.audit;

import io.allianceledger.alliance.MovementKind;
import io.allianceledger.alliance.StatementLine;
import io.allianceledger.journal.JournalReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.allianceledger.alliance.MovementKind.ACCRUAL;
import static io.allianceledger.alliance.MovementKind.SALE;
import static io.allianceledger.alliance.MovementKind.SALE_REFUND;
import static io.allianceledger.alliance.MovementKind.SETTLEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the audit example and checks that the replay as of the close reproduces the live figures, and that replays
 * as of other times give other figures, which the audit reports as DIFFERS.
 * <p>
 * tea-01's figures, by hand from docs/accounting-model.md with the demo's rules (issue 0.0125 CNY/point, fee 300
 * bps, agent level 1 2000 bps, HQ 5000 bps, operator the rest, maximum 500 bps, minimum settlement 10,000 fen):
 * <ul>
 *   <li>day 1, accrual of 1,290 points (rule 1): roundHalfEven(1290 x 125 / 100) = roundHalfEven(1612.5) = 1612
 *       (half to even): -1612;</li>
 *   <li>day 1, sale of 25,850 (rule 6): F = min(roundHalfEven(775.5) = 776, floor(1292.5)) = 776; exact agent 155.2,
 *       HQ 388.0, operator 232.8; floors 775, the last unit to the operator's .8; tea-01 25850 - 776 = +25074;</li>
 *   <li>the close of cycle 1: position -1612 + 25074 = 23462 &ge; 10,000, settled: -23462; carried out 0;
 *       clearing debits 1612 + 23462 = 25074, credits 25074;</li>
 *   <li>day 2, refund of 10,000 of that sale (rule 7), over remaining parts 25074 / 155 / 388 / 233 of 25850: exact
 *       part x 200 / 517 = 9699 + 417/517, 59 + 497/517, 150 + 50/517, 90 + 70/517; floors 9998, the two units to
 *       the agent (497) and tea-01 (417): -9700;</li>
 *   <li>day 2, accrual of 400 points: roundHalfEven(400 x 1.25) = 500: -500;</li>
 *   <li>day 2, sale of 3,300: F = min(roundHalfEven(99), floor(165)) = 99; tea-01 3300 - 99 = +3201.</li>
 * </ul>
 * At the end of day 2 tea-01's position is 0 - 9700 - 500 + 3201 = -6999: debits 25074 + 9700 + 500 = 35274,
 * credits 25074 + 3201 = 28275.
 */
class AuditExampleTest {
    @TempDir
    static Path shared;

    private static DemoLedger.Capture capture;
    private static JournalReader reader;

    @BeforeAll
    static void buildOnce() {
        capture = DemoLedger.build(shared, "tea-01");
        reader = JournalReader.open(shared);
    }

    @Test
    void runsStandaloneAndTheReplayAsOfTheCloseMatches() {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final int code = AuditExample.run(new String[0], print(out), print(err));
        final String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(AuditExample.MATCH, code, text + err.toString(StandardCharsets.UTF_8));
        assertTrue(text.contains("16 commands of ledger 'audit-example' in 2 cycle files"), text);
        assertTrue(text.contains("MATCH: the replay reproduces tea-01's statement, position and the state hash"), text);
        final List<String> hashes = text.lines().filter(l -> l.startsWith("  state hash ")).toList();
        assertEquals(2, hashes.size(), text);
        assertEquals(hashes.get(0), hashes.get(1));
    }

    @Test
    void theLiveFiguresAtTheCloseAreTheOnesWorkedOutByHandAndTheReplayEqualsThem() {
        final PartyFigures live = capture.live();
        assertEquals(List.of(ACCRUAL, SALE, SETTLEMENT), kinds(live));
        assertEquals(List.of(-1_612L, 25_074L, -23_462L), amounts(live));
        assertEquals(0, live.position());
        assertEquals(0, live.carriedIn());
        assertEquals(Map.of(), live.movements());
        assertEquals(25_074, live.clearingDebits());
        assertEquals(25_074, live.clearingCredits());
        assertEquals(DemoLedger.nanos(DemoLedger.CLOSE), capture.closeTimestamp(), "engine time follows business time");

        assertEquals(live, AuditExample.replayAt(reader, capture.closeTimestamp(), "tea-01"));
    }

    @Test
    void aReplayAsOfAnotherTimeGivesOtherFiguresAndTheAuditSaysDiffers() {
        // One nanosecond before the close: the day's movements, not yet settled.
        final PartyFigures before = AuditExample.replayAt(reader, capture.closeTimestamp() - 1, "tea-01");
        assertEquals(List.of(-1_612L, 25_074L), amounts(before));
        assertEquals(23_462, before.position());
        assertEquals(Map.of(ACCRUAL, -1_612L, SALE, 25_074L), before.movements());
        assertEquals(1_612, before.clearingDebits());
        assertEquals(25_074, before.clearingCredits());
        assertNotEquals(capture.live().stateHash(), before.stateHash());

        // The end of day 2: cycle 2's movements on top of the close.
        final long end = reader.verify().lastTimestamp();
        final PartyFigures after = AuditExample.replayAt(reader, end, "tea-01");
        assertEquals(List.of(ACCRUAL, SALE, SETTLEMENT, SALE_REFUND, ACCRUAL, SALE), kinds(after));
        assertEquals(List.of(-1_612L, 25_074L, -23_462L, -9_700L, -500L, 3_201L), amounts(after));
        assertEquals(-6_999, after.position());
        assertEquals(0, after.carriedIn());
        assertEquals(Map.of(SALE_REFUND, -9_700L, ACCRUAL, -500L, SALE, 3_201L), after.movements());
        assertEquals(35_274, after.clearingDebits());
        assertEquals(28_275, after.clearingCredits());

        for (final long asOf : new long[] {capture.closeTimestamp() - 1, end}) {
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertEquals(AuditExample.DIFFERS, AuditExample.audit(shared, asOf, capture, print(out)));
            assertTrue(out.toString(StandardCharsets.UTF_8)
                .contains("DIFFERS: statement, position, clearing account, state hash"), out::toString);
        }
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(AuditExample.MATCH, AuditExample.audit(shared, capture.closeTimestamp(), capture, print(out)));
    }

    @Test
    void keepsTheLedgerInAGivenDirectoryAndRefusesOneInUse(@TempDir final Path dir) {
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final Path ledger = dir.resolve("ledger");
        assertEquals(AuditExample.MATCH, AuditExample.run(new String[] {ledger.toString(), "bakery-07"},
            print(new ByteArrayOutputStream()), print(err)), err::toString);
        assertTrue(Files.isDirectory(ledger.resolve("journal")));
        assertEquals(AuditExample.ERROR, AuditExample.run(new String[] {ledger.toString()},
            print(new ByteArrayOutputStream()), print(err)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not a new or empty directory"), err::toString);
    }

    private static List<MovementKind> kinds(final PartyFigures figures) {
        return figures.statement().stream().map(StatementLine::kind).toList();
    }

    private static List<Long> amounts(final PartyFigures figures) {
        return figures.statement().stream().map(StatementLine::amount).toList();
    }

    private static PrintStream print(final ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}

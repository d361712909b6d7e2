package io.allianceledger.examples.embedded;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the example and checks its figures against the ones worked out by hand below, and that the README shows
 * exactly the code that was compiled here.
 */
class EmbeddedExampleTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    void runsAndPrintsTheFiguresWorkedOutByHand() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmbeddedExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        // Worked out from docs/accounting-model.md with the example's rules: issue 0.0125 CNY/point, redeem
        // 0.0080, lock 7 days, fee 300 bps split agent level 1 2000 bps, HQ 5000 bps, the operator the rest,
        // maximum split ratio 500 bps. tea-01's chain: hq-tea, then agent-sh.
        //
        // Accrual (rule 1): 1,290 points; V = roundHalfEven(1290 x 125 / 100) = roundHalfEven(1612.5) = 1612 fen
        //   (half to even), owed by tea-01. The lot: 1,290 points worth 1,612 fen, available from 03-08 10:00.
        // Redemption (rule 2) on 03-09: 500 points of that lot release roundHalfEven(1612 x 500 / 1290)
        //   = roundHalfEven(624.81) = 625 fen; bakery-07 is paid P = roundHalfEven(500 x 80 / 100) = 400 fen
        //   (the spread 225 is the operator's). 1,290 - 500 = 790 points remain, none pending.
        // Sale (rule 6) of A = 25,850: F = min(roundHalfEven(25850 x 300 / 10000), floor(25850 x 500 / 10000))
        //   = min(roundHalfEven(775.5), 1292) = 776 (half to even). Exact parts: agent 776 x 0.2 = 155.2,
        //   HQ 776 x 0.5 = 388.0, operator 776 - 543.2 = 232.8. Floors 155 + 388 + 232 = 775; the one unit left
        //   goes to the largest fraction, the operator's .8: agent 155, HQ 388, operator 233; tea-01 gets
        //   25850 - 776 = 25074.
        // Refund (rule 7) of r = 10,000 over the remaining 25,850: exact = part x 10000 / 25850 = part x 200 / 517:
        //   tea-01 25074 -> 9699 + 417/517, agent 155 -> 59 + 497/517, HQ 388 -> 150 + 50/517,
        //   operator 233 -> 90 + 70/517. Floors sum to 9998; the two units left go to the largest fractions,
        //   the agent's (497) and tea-01's (417): refunded 9700, 60, 150, 90 (sum 10,000), leaving
        //   25074 - 9700 = 15374, 155 - 60 = 95, 388 - 150 = 238, 233 - 90 = 143.
        // Positions (credit = the operator owes the store): tea-01 -1612 + 25074 - 9700 = 13762; bakery-07 +400.
        assertEquals(List.of(
            "m-1001 has 790 points available, 0 pending",
            "sale of 25850 fen, fee 776; parts sold -> after the refund:",
            "  tea-01 (STORE) 25074 -> 15374",
            "  agent-sh (AGENT_1) 155 -> 95",
            "  hq-tea (HQ) 388 -> 238",
            "  op (OPERATOR) 233 -> 143",
            "tea-01 is owed 13762 fen: {ACCRUAL=-1612, SALE=25074, SALE_REFUND=-9700}",
            "bakery-07 is owed 400 fen: {REDEMPTION=400}"), lines.subList(0, lines.size() - 1));
        // The hash covers engine timestamps, which come from the wall clock here, so only its form is fixed.
        assertTrue(lines.get(lines.size() - 1).matches("state hash [0-9a-f]{64}"), lines.get(lines.size() - 1));
    }

    @Test
    void readmeSnippetIsTheCompiledExample() throws IOException {
        final List<String> source = Files.readAllLines(
            ROOT.resolve("examples/embedded/src/main/java/io/allianceledger/examples/embedded/EmbeddedExample.java"));
        final String snippet = between(source, "// tag::embed[]", "// end::embed[]");
        final List<String> readme = Files.readAllLines(ROOT.resolve("README.md"));
        final String block = between(readme, "<!-- embed:begin -->", "<!-- embed:end -->")
            .replace("```java\n", "").replace("```\n", "");
        assertEquals(snippet, block, "README.md's embedding snippet must be copied from EmbeddedExample.java");
    }

    /** The lines strictly between two markers, with the common indentation removed. */
    static String between(final List<String> lines, final String begin, final String end) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals(begin)) {
                from = i + 1;
            } else if (lines.get(i).trim().equals(end)) {
                to = i;
            }
        }
        assertTrue(from > 0 && to >= from, "markers " + begin + " / " + end + " not found");
        final List<String> part = lines.subList(from, to);
        final int indent = part.stream().filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        final StringBuilder sb = new StringBuilder();
        for (final String l : part) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }
}

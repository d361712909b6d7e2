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

/** Runs the example and checks that the README shows exactly the code that was compiled here. */
class EmbeddedExampleTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    void runsAndPrintsTheExpectedBalances() {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        EmbeddedExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String out = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("sale: CREATED, retry: EXISTS"), out);
        // 128.50 owed from the sale, less 80.00 paid out; the 20.00 not posted was released.
        assertTrue(out.contains("store is owed 4850 fen, pending 0"), out);
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

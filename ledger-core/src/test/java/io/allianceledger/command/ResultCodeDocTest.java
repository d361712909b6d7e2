package io.allianceledger.command;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every result code is documented in docs with its number, and numbers are unique and round-trip. */
class ResultCodeDocTest {
    @Test
    void everyCodeIsDocumentedWithItsNumber() throws IOException {
        final String docs = Files.readString(Path.of("../docs/architecture.md"))
            + Files.readString(Path.of("../docs/accounting-model.md").toFile().exists()
                ? Path.of("../docs/accounting-model.md") : Path.of("../docs/architecture.md"));
        for (final ResultCode c : ResultCode.values()) {
            assertTrue(docs.contains("| " + c.code() + " | `" + c.name() + "` |"),
                c + " (" + c.code() + ") is missing from the result code tables in docs/");
        }
    }

    @Test
    void numbersAreUniqueAndRoundTrip() {
        final Set<Integer> numbers = new HashSet<>();
        for (final ResultCode c : ResultCode.values()) {
            assertTrue(numbers.add(c.code()), "duplicate number " + c.code());
            assertEquals(c, ResultCode.fromCode(c.code()));
        }
    }
}

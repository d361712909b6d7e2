package io.allianceledger.cli;

import io.allianceledger.command.CommandId;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event ids behind operation ids. The ledger keeps each operation's 128-bit id
 * ({@link CommandId#fromName} of the event's id), not the text, so {@code ledger post} appends
 * {@code <32 hex digits> TAB <event id>} to {@code names.tsv} in the ledger directory for every line it created,
 * and statements and reports print the event ids an operator knows. The file is an index, not the record: an id
 * missing from it (say the process died between the journal and this file) is printed as its hex form.
 */
final class OperationNames implements AutoCloseable {
    static final String FILE = "names.tsv";

    private final BufferedWriter out;

    private OperationNames(final BufferedWriter out) {
        this.out = out;
    }

    static OperationNames appendTo(final Path ledgerDirectory) {
        try {
            return new OperationNames(Files.newBufferedWriter(ledgerDirectory.resolve(FILE), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND));
        } catch (final IOException e) {
            throw new UserError("cannot write " + ledgerDirectory.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    void add(final String eventId) {
        try {
            out.write(hex(CommandId.fromName(eventId)));
            out.write('\t');
            out.write(eventId);
            out.write('\n');
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hex(final CommandId id) {
        return String.format("%016x%016x", id.high(), id.low());
    }

    /**
     * @param ledgerDirectory the ledger.
     * @param wanted          the operation ids to name.
     * @return a function from id to its event id, or its hex form when unknown.
     */
    static Map<CommandId, String> lookup(final Path ledgerDirectory, final Set<CommandId> wanted) {
        final Map<String, CommandId> byHex = new HashMap<>();
        for (final CommandId id : wanted) {
            byHex.put(hex(id), id);
        }
        final Map<CommandId, String> names = new HashMap<>();
        final Path file = ledgerDirectory.resolve(FILE);
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    final int tab = line.indexOf('\t');
                    if (tab == 32) {
                        final CommandId id = byHex.get(line.substring(0, 32));
                        if (id != null) {
                            names.put(id, line.substring(33));
                        }
                    }
                }
            } catch (final IOException e) {
                throw new UserError("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        for (final CommandId id : wanted) {
            names.putIfAbsent(id, hex(id));
        }
        return names;
    }
}

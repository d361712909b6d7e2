package io.allianceledger.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.allianceledger.cli.events.Event;
import io.allianceledger.cli.events.EventFormatException;
import io.allianceledger.cli.events.EventParser;
import io.allianceledger.cli.events.LineReader;

import io.allianceledger.command.CommandId;
import io.allianceledger.command.ResultCode;
import io.allianceledger.ledger.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@code ledger post DIR events.jsonl [--results results.jsonl]}: applies one event a line, in file order,
 * streaming (constant memory for any file size). Each line gets a result; a malformed line is rejected on its
 * own; re-running a file changes nothing (its lines are all {@code EXISTS}).
 */
@Command(name = "post", mixinStandardHelpOptions = true,
    description = "Apply an events file (JSON lines; see docs/cli.md), one event a line in file order. Every line "
        + "gets a result: CREATED, EXISTS, or a rejection code with a message and the line number. A malformed line "
        + "is rejected on its own and never half-applied. Exit 1 if any line was rejected.")
final class PostCommand implements Callable<Integer> {
    /** Commands in flight at once: enough to keep the pipeline busy, few enough to keep memory flat. */
    private static final int WINDOW = 4096;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "The ledger directory.")
    Path directory;

    @Parameters(index = "1", paramLabel = "EVENTS", description = "Events file, one JSON object a line, UTF-8.")
    Path eventsFile;

    @Option(names = "--results", paramLabel = "FILE",
        description = "Write one JSON line per input line: {line, id, result[, message]}.")
    Path resultsFile;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    private record Pending(long line, String id, CompletableFuture<Result> future) {
    }

    @Override
    public Integer call() throws IOException {
        final long size;
        final InputStream in;
        try {
            size = Files.size(eventsFile);
            in = Files.newInputStream(eventsFile);
        } catch (final NoSuchFileException e) {
            throw new UserError("events file " + eventsFile + " does not exist");
        } catch (final IOException e) {
            throw new UserError("cannot read events file " + eventsFile + ": " + e.getMessage(), e);
        }
        final Map<ResultCode, Long> counts = new EnumMap<>(ResultCode.class);
        long malformed = 0;
        long lines = 0;
        final long started = System.nanoTime();
        final Progress progress = new Progress(spec.commandLine().getErr(), size,
            !noProgress && System.console() != null);
        try (LineReader reader = new LineReader(in);
             LedgerHome home = LedgerHome.open(directory);
             ResultsWriter results = new ResultsWriter(resultsFile, spec.commandLine().getErr());
             OperationNames names = OperationNames.appendTo(directory)) {
            final EventParser parser = new EventParser();
            final EventCommands commands = new EventCommands(home.operator());
            final ArrayDeque<Pending> inFlight = new ArrayDeque<>();
            while (reader.next()) {
                lines++;
                final long line = reader.number();
                Event event = null;
                String problem = null;
                if (reader.tooLong()) {
                    problem = "longer than " + LineReader.MAX_LINE + " bytes";
                } else if (reader.isBlank()) {
                    problem = "empty line";
                } else {
                    try {
                        event = parser.parse(reader.bytes(), reader.length(), line);
                    } catch (final EventFormatException e) {
                        problem = e.reason();
                    }
                }
                if (event == null) {
                    drain(inFlight, 0, results, counts, names);
                    results.malformed(line, problem);
                    malformed++;
                    continue;
                }
                long heldPoints = 0;
                if (event instanceof Event.Capture c && c.points() < 0) {
                    drain(inFlight, 0, results, counts, names); // the hold's size must reflect every earlier line
                    // A hold is captured once, so "all of it" is its size: a re-run then sends the same bytes (EXISTS).
                    heldPoints = home.queries().hold(CommandId.fromName(c.hold())).join()
                        .map(h -> h.points()).orElse(0L);
                }
                final io.allianceledger.command.Command command = commands.toCommand(event, Math.max(1, heldPoints));
                home.clock().set(event.time());
                inFlight.add(new Pending(line, event.id(), home.ledger().submit(command)));
                drain(inFlight, WINDOW, results, counts, names);
                progress.update(reader.bytesRead(), lines);
            }
            drain(inFlight, 0, results, counts, names);
        }
        progress.finish();
        final double seconds = (System.nanoTime() - started) / 1e9;
        final long rejected = counts.entrySet().stream()
            .filter(e -> !e.getKey().isSuccess()).mapToLong(Map.Entry::getValue).sum();
        final PrintWriter out = spec.commandLine().getOut();
        final long created = counts.getOrDefault(ResultCode.CREATED, 0L);
        final long exists = counts.getOrDefault(ResultCode.EXISTS, 0L);
        if (json) {
            out.printf(Locale.ROOT, "{\"file\":%s,\"lines\":%d,\"created\":%d,\"exists\":%d,\"rejected\":%d,"
                    + "\"malformed\":%d,\"seconds\":%.3f,\"linesPerSecond\":%.0f}%n", Json.quote(eventsFile.toString()),
                lines, created, exists, rejected, malformed, seconds, lines / Math.max(seconds, 1e-9));
        } else {
            out.printf(Locale.ROOT, "posted %s: %d lines, %d created, %d exists, %d rejected, %d malformed in %.2f s "
                    + "(%.0f lines/s)%n", eventsFile, lines, created, exists, rejected, malformed, seconds,
                lines / Math.max(seconds, 1e-9));
        }
        return rejected + malformed == 0 ? ExitCodes.OK : ExitCodes.NEEDS_ATTENTION;
    }

    private static void drain(final ArrayDeque<Pending> inFlight, final int keep, final ResultsWriter results,
        final Map<ResultCode, Long> counts, final OperationNames names) {
        while (inFlight.size() > keep) {
            final Pending p = inFlight.poll();
            final Result r = p.future().join();
            counts.merge(r.code(), 1L, Long::sum);
            if (r.code() == ResultCode.CREATED) {
                names.add(p.id());
            }
            results.result(p.line(), p.id(), r.code());
        }
    }

    /** Writes results.jsonl, or, without it, the rejections to stderr. */
    private static final class ResultsWriter implements AutoCloseable {
        /** Without a results file, at most this many problems are printed; the summary counts them all. */
        private static final int MAX_PRINTED = 20;
        private final JsonGenerator json;
        private final PrintWriter err;
        private long printed;

        ResultsWriter(final Path file, final PrintWriter err) throws IOException {
            this.err = err;
            if (file == null) {
                json = null;
                return;
            }
            final OutputStream out;
            try {
                out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
            } catch (final IOException e) {
                throw new UserError("cannot write results file " + file + ": " + e.getMessage(), e);
            }
            json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
            json.setRootValueSeparator(null);
        }

        void result(final long line, final String id, final ResultCode code) {
            if (json == null) {
                if (!code.isSuccess()) {
                    print("line " + line + " (" + id + "): " + code + ": " + ResultMessages.of(code));
                }
                return;
            }
            try {
                json.writeStartObject();
                json.writeNumberField("line", line);
                json.writeStringField("id", id);
                json.writeStringField("result", code.name());
                if (!code.isSuccess()) {
                    json.writeStringField("message", ResultMessages.of(code));
                }
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void malformed(final long line, final String problem) {
            if (json == null) {
                print("line " + line + ": MALFORMED_EVENT: " + problem);
                return;
            }
            try {
                json.writeStartObject();
                json.writeNumberField("line", line);
                json.writeStringField("result", "MALFORMED_EVENT");
                json.writeStringField("message", problem);
                json.writeEndObject();
                json.writeRaw('\n');
            } catch (final IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void print(final String problem) {
            if (printed++ < MAX_PRINTED) {
                err.println(problem);
            } else if (printed == MAX_PRINTED + 1) {
                err.println("... more problems not shown: use --results FILE to get a result for every line");
            }
        }

        @Override
        public void close() throws IOException {
            if (json != null) {
                json.close();
            }
        }
    }

}

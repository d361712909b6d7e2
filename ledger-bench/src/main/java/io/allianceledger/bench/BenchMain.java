package io.allianceledger.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs JMH exactly as {@code org.openjdk.jmh.Main} does, with the same command line, but prepends the
 * project's JVM flags ({@link JvmFlags}) to every fork, before any {@code -jvmArgsPrepend} given here. Heap sizes
 * stay with each benchmark's {@code @Fork(jvmArgsAppend = ...)} (a {@code -jvmArgsAppend} on the command line
 * replaces them). Launching {@code java $(cat ledger-bench/target/classes/ledger-jvm-flags.txt) -jar
 * benchmarks.jar} works as well: JMH's forks inherit the launching JVM's flags.
 * <pre>
 * java -cp ledger-bench/target/benchmarks.jar io.allianceledger.bench.BenchMain [JMH options] [regexp...]
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {
    }

    /**
     * @param args JMH's command line.
     * @throws Exception when JMH fails.
     */
    public static void main(final String[] args) throws Exception {
        final CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp() || cli.shouldList() || cli.shouldListWithParams() || cli.shouldListProfilers()
            || cli.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        final List<String> prepend = new ArrayList<>(JvmFlags.forThisJvm());
        if (cli.getJvmArgsPrepend().hasValue()) {
            prepend.addAll(cli.getJvmArgsPrepend().get());
        }
        final Options options = new OptionsBuilder().parent(cli).jvmArgsPrepend(prepend.toArray(new String[0])).build();
        new Runner(options).run();
    }
}

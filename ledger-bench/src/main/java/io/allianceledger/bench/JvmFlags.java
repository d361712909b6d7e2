package io.allianceledger.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The JVM flags every fork needs (Chronicle Queue and Agrona reach into JDK internals), as the build wrote them
 * from the parent pom's {@code ledger.jvm.flags}. Running this class prints them on one line, for a plain
 * {@code java -jar benchmarks.jar -jvmArgsPrepend "$(java -cp benchmarks.jar io.allianceledger.bench.JvmFlags)"}.
 */
public final class JvmFlags {
    private static final String RESOURCE = "jvm-flags.properties";
    /** Rejected by JDKs before 24, where the build might have added it when run on a newer JDK. */
    private static final String JDK24_ONLY = "--sun-misc-unsafe-memory-access=";

    private JvmFlags() {
    }

    /**
     * @return the flags for the JVM running now: the build's flags less any the running JDK would reject.
     */
    public static List<String> forThisJvm() {
        final Properties p = new Properties();
        try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: build ledger-bench with Maven");
            }
            p.load(in);
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final String all = p.getProperty("flags", "").trim();
        if (all.contains("${")) {
            throw new IllegalStateException(RESOURCE + " was not filtered by the build: " + all);
        }
        final List<String> flags = new ArrayList<>();
        for (final String flag : all.split("\\s+")) {
            if (flag.isEmpty() || (flag.startsWith(JDK24_ONLY) && Runtime.version().feature() < 24)) {
                continue;
            }
            flags.add(flag);
        }
        return flags;
    }

    /**
     * Prints the flags on one line.
     *
     * @param args ignored.
     */
    public static void main(final String[] args) {
        System.out.println(String.join(" ", forThisJvm()));
    }
}

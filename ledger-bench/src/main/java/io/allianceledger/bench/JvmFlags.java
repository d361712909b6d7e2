package io.allianceledger.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags every fork needs (Chronicle Queue and Agrona reach into JDK internals), as the build wrote them
 * from the parent pom's {@code ledger.jvm.flags} into {@code ledger-jvm-flags.txt} at the root of the jar (and of
 * {@code target/classes}). Running this class prints them on one line.
 */
public final class JvmFlags {
    private static final String RESOURCE = "/ledger-jvm-flags.txt";
    /** Rejected by JDKs before 24, where the build might have added it when run on a newer JDK. */
    private static final String JDK24_ONLY = "--sun-misc-unsafe-memory-access=";

    private JvmFlags() {
    }

    /**
     * @return the flags for the JVM running now: the build's flags less any the running JDK would reject.
     */
    public static List<String> forThisJvm() {
        final String all;
        try (InputStream in = JvmFlags.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path: build ledger-bench with Maven");
            }
            all = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
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

package io.allianceledger.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** What the results record about the machine and the JVM they were measured on. */
final class Machine {
    private Machine() {
    }

    /** @return the load averages (1, 5, 15 minutes) from {@code /proc/loadavg}, or "unknown". */
    static String loadAverage() {
        try {
            final String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (final IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** @return the CPU model from {@code /proc/cpuinfo}, or "unknown". */
    static String cpuModel() {
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (final IOException e) {
            // fall through
        }
        return "unknown";
    }

    /** @return a JSON object describing this machine and JVM, without a trailing newline. */
    static String json() {
        final List<String> args = ManagementFactory.getRuntimeMXBean().getInputArguments();
        return "{\"date\": " + Json.quote(Instant.now().toString())
            + ", \"cpu\": " + Json.quote(cpuModel())
            + ", \"cpus\": " + Runtime.getRuntime().availableProcessors()
            + ", \"os\": " + Json.quote(System.getProperty("os.name") + " " + System.getProperty("os.version"))
            + ", \"jvm\": " + Json.quote(System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"))
            + ", \"jvmArgs\": " + Json.quote(String.join(" ", args))
            + ", \"maxHeapBytes\": " + Runtime.getRuntime().maxMemory() + "}";
    }
}

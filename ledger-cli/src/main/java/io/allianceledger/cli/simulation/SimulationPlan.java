package io.allianceledger.cli.simulation;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a simulation wrote and the order in which the {@code ledger} command takes it: create the ledger, post each
 * events file, apply the rule change at its instant, sweep expiry and close each day at local midnight, and
 * reconcile each channel's bill for the day. {@code ledger simulate} writes it as {@code plan.sh};
 * {@code ledger demo} runs it.
 *
 * @param steps  the steps, in order.
 * @param counts what was generated, by kind of line (registrations, each event type, malformed lines, bill lines).
 */
public record SimulationPlan(List<Step> steps, Map<String, Long> counts) {
    /** Copies the steps. */
    public SimulationPlan {
        steps = List.copyOf(steps);
        counts = Map.copyOf(counts);
    }

    /** @return the number of event lines (registrations, business events and malformed lines). */
    public long eventLines() {
        return eventLines(counts);
    }

    /** @return the event lines among counts by kind: every kind but the bills' lines. */
    static long eventLines(final Map<String, Long> counts) {
        long n = 0;
        for (final Map.Entry<String, Long> e : counts.entrySet()) {
            n += e.getKey().equals("bill lines") ? 0 : e.getValue();
        }
        return n;
    }

    /** One step of the plan. */
    public sealed interface Step {
    }

    /** {@code ledger init} with the initial rules. */
    public record Init(Path rules) implements Step {
    }

    /** {@code ledger post} of one events file. */
    public record Post(Path events) implements Step {
    }

    /** {@code ledger rules} with the rule change, in force from {@code effective}. */
    public record Rules(Path rules, String effective) implements Step {
    }

    /**
     * The end of a business day: {@code ledger expire} at {@code through}, {@code ledger clear} of the cycle ending
     * there into {@code out}, and {@code ledger reconcile} of each channel's bill for the day.
     *
     * @param day     the local date, YYYY-MM-DD.
     * @param through the next local midnight.
     * @param bills   each channel's bill of the day.
     */
    public record CloseDay(String day, String through, Map<String, Path> bills) implements Step {
        /** Copies the bills. */
        public CloseDay {
            bills = Map.copyOf(bills);
        }
    }
}

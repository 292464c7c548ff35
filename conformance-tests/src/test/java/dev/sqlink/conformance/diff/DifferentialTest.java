package dev.sqlink.conformance.diff;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sqlink.conformance.support.JdbcTarget;
import dev.sqlink.conformance.support.Watchdog;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential testing: seeded random workloads run through the driver under test and through the
 * reference driver (sqlite-jdbc, the same SQLite version); results, column type names and codes,
 * getObject classes, update counts, generated keys, error codes and SQLStates must agree except for
 * {@link DeliberateDifferences}.
 *
 * <p>Properties: {@code sqlink.conformance.diff.seed} (first seed, default {@value #DEFAULT_SEED};
 * {@code random} picks one from the clock), {@code sqlink.conformance.diff.workloads} (default
 * {@value #DEFAULT_WORKLOADS}), {@code sqlink.conformance.diff.steps} (per workload, default
 * {@value #DEFAULT_STEPS}). Workload i uses seed first+i; a failure prints the flags that rerun it alone.
 */
class DifferentialTest {

    static final long DEFAULT_SEED = 20_251_121L;
    static final int DEFAULT_WORKLOADS = 40;
    static final int DEFAULT_STEPS = 150;
    private static final Duration STEP_LIMIT = Duration.ofSeconds(30);

    @TestFactory
    Stream<DynamicTest> randomWorkloads() {
        String seedText = System.getProperty("sqlink.conformance.diff.seed", Long.toString(DEFAULT_SEED));
        long first = seedText.equals("random") ? System.nanoTime() : Long.parseLong(seedText);
        int workloads = Integer.getInteger("sqlink.conformance.diff.workloads", DEFAULT_WORKLOADS);
        int steps = Integer.getInteger("sqlink.conformance.diff.steps", DEFAULT_STEPS);
        JdbcTarget ours = JdbcTarget.underTest();
        JdbcTarget reference = JdbcTarget.reference();
        System.out.println("[diff] first seed " + first + ", " + workloads + " workloads of " + steps + " steps; "
                + ours.describe() + " vs " + reference.describe());
        return LongStream.range(first, first + workloads)
                .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> runWorkload(seed, steps, ours, reference)));
    }

    private static void runWorkload(long seed, int stepCount, JdbcTarget ours, JdbcTarget reference) throws Exception {
        List<Step> steps = new WorkloadGenerator(seed).generate(stepCount);
        int results = 0;
        int updates = 0;
        int errors = 0;
        try (Watchdog watchdog = new Watchdog(STEP_LIMIT, Duration.ofSeconds(5));
                Connection oursConnection = ours.connect(JdbcTarget.MEMORY);
                Connection referenceConnection = reference.connect(JdbcTarget.MEMORY)) {
            for (int i = 0; i < steps.size(); i++) {
                Step step = steps.get(i);
                Observation[] both;
                try {
                    both = watchdog.call(() -> new Observation[] {
                        Observer.observe(oursConnection, step), Observer.observe(referenceConnection, step)});
                } catch (Watchdog.TimedOut timedOut) {
                    throw new AssertionError(failureHeader(seed, i, steps) + "step " + timedOut.getMessage());
                }
                String difference = ObservationComparer.difference(step, both[0], both[1]);
                if (difference != null) {
                    fail(failureHeader(seed, i, steps) + difference);
                }
                if (both[1].error() != null) {
                    errors++;
                } else if (both[1].updateCount() >= 0) {
                    updates++;
                } else {
                    results++;
                }
            }
        }
        System.out.println("[diff] seed " + seed + ": " + steps.size() + " steps agree (" + results + " result sets, "
                + updates + " update counts, " + errors + " errors)");
    }

    private static String failureHeader(long seed, int index, List<Step> steps) {
        return "drivers disagree at seed " + seed + ", step " + index + ":\n  " + steps.get(index)
                + "\nrerun alone with -Dsqlink.conformance.diff.seed=" + seed + " -Dsqlink.conformance.diff.workloads=1"
                + "\nearlier steps:\n  " + String.join("\n  ", steps.subList(Math.max(0, index - 8), index).stream()
                        .map(Step::toString).toList()) + "\n";
    }
}

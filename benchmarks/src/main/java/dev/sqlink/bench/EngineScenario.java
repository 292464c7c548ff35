package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read workload of the suite, run by {@link EngineProfile} in a fresh JVM that records
 * itself with JFR from its start: the statement runs over and over on {@link Dataset} in an
 * in-memory database through {@code jdbc:sqlink:}, first long enough for the JIT to settle, then
 * for the measured time. It prints when the measured part began, so that the profile reads only
 * the steady state, which is what the suite's throughput rows measure. (Starting a recording
 * only then would not do: the classes JFR loads as it starts invalidate some of the JIT's
 * assumptions, and the code compiled under them runs interpreted again until it is recompiled.)
 *
 * <p>Arguments: {@code WORKLOAD WARM_UP_MS MEASURED_MS}.
 */
public final class EngineScenario {
    /** The workloads, named as the suite's benchmark methods, and the statement of {@link QueryBenchmarks} each runs. */
    private static final Map<String, String> STATEMENTS = new LinkedHashMap<>();

    static {
        STATEMENTS.put("groupBy", QueryBenchmarks.GROUP_BY);
        STATEMENTS.put("orderByLimit", QueryBenchmarks.ORDER_BY_LIMIT);
        STATEMENTS.put("join", QueryBenchmarks.JOIN);
        STATEMENTS.put("fullScan", QueryBenchmarks.FULL_SCAN);
    }

    /** The workloads' names, in the order the profile reports them. */
    static final List<String> WORKLOADS = List.copyOf(STATEMENTS.keySet());
    /** Printed with the epoch millisecond at which the measured runs began. */
    static final String MEASURED_FROM = "measured from ";
    /** Printed with how many times the statement ran while measured. */
    static final String RUNS = "runs ";

    private EngineScenario() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !WORKLOADS.contains(args[0])) {
            throw new IllegalArgumentException("usage: EngineScenario " + String.join("|", WORKLOADS)
                    + " WARM_UP_MS MEASURED_MS");
        }
        Duration warmUp = Duration.ofMillis(Long.parseLong(args[1]));
        Duration measured = Duration.ofMillis(Long.parseLong(args[2]));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlink::memory:")) {
            Dataset.create(connection);
            try (PreparedStatement statement = connection.prepareStatement(STATEMENTS.get(args[0]))) {
                boolean perRegion = statement.getParameterMetaData().getParameterCount() > 0;
                repeatFor(warmUp, statement, perRegion);
                System.out.println(MEASURED_FROM + System.currentTimeMillis());
                System.out.println(RUNS + repeatFor(measured, statement, perRegion));
            }
        }
    }

    /**
     * Runs the statement to its last row until {@code duration} has passed, binding the join's
     * region in turn as the benchmark does when {@code perRegion}; returns how many times.
     */
    private static int repeatFor(Duration duration, PreparedStatement statement, boolean perRegion)
            throws SQLException {
        long end = System.nanoTime() + duration.toNanos();
        int runs = 0;
        long sink = 0;
        do {
            if (perRegion) {
                statement.setInt(1, runs % Dataset.REGIONS);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    sink += rows.getLong(1);
                }
            }
            runs++;
        } while (System.nanoTime() < end);
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink); // keeps the reads from being optimised away
        }
        return runs;
    }
}

package dev.sqlink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Cold start to first row: runs {@link ColdStart} as a fresh JVM per measurement, drivers
 * interleaved so machine noise hits all of them alike, and writes the times (milliseconds from
 * process start to the first row printed) as a JMH-style JSON file.
 * Usage: {@code ColdStartRunner RUNS OUTPUT_JSON}.
 */
public final class ColdStartRunner {
    private ColdStartRunner() {}

    public static void main(String[] args) throws IOException, SQLException {
        int runs = Integer.parseInt(args[0]);
        Path output = Path.of(args[1]);
        Map<DriverUnderTest, List<Double>> millis = new EnumMap<>(DriverUnderTest.class);
        try (ScratchFolder folder = new ScratchFolder("cold")) {
            String database = folder.file("cold.db");
            try (Connection connection = DriverUnderTest.XERIAL.open(database)) {
                Dataset.createSettings(connection);
            }
            for (int run = 0; run < runs; run++) {
                for (DriverUnderTest driver : DriverUnderTest.values()) {
                    millis.computeIfAbsent(driver, d -> new ArrayList<>()).add(timeOnce(driver, database, run == 0));
                }
            }
        }
        List<JmhStyleResult> results = new ArrayList<>();
        millis.forEach((driver, times) -> results.add(new JmhStyleResult(
                "dev.sqlink.bench.ColdStart.coldStartToFirstRow", driver, "ms/op", times)));
        JmhStyleResult.write(output, results);
        results.forEach(r -> System.out.printf("cold start %-8s median %.1f ms of %s%n",
                r.driver().parameterName(), r.median(), r.values()));
    }

    private static double timeOnce(DriverUnderTest driver, String database, boolean report) throws IOException {
        long start = System.nanoTime();
        Process child = ChildJvm.start(List.of(), ColdStart.class, driver.parameterName(), database);
        try (BufferedReader output = ChildJvm.output(child)) {
            String row = ChildJvm.awaitLine(output, ColdStart.MARKER, child);
            double elapsed = (System.nanoTime() - start) / 1e6;
            if (report) {
                System.out.println("cold start " + driver.parameterName() + ": " + row);
            }
            ChildJvm.waitFor(child);
            return elapsed;
        }
    }
}

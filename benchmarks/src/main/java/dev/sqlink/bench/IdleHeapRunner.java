package dev.sqlink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Heap per idle connection: runs {@link IdleHeap} in a fresh JVM per driver and repetition and
 * writes MiB per connection (heap, and resident memory as a second benchmark name) as a
 * JMH-style JSON file. Usage: {@code IdleHeapRunner CONNECTIONS REPETITIONS OUTPUT_JSON}.
 */
public final class IdleHeapRunner {
    private static final double MIB = 1024.0 * 1024.0;

    private IdleHeapRunner() {}

    public static void main(String[] args) throws IOException, SQLException {
        String connections = args[0];
        int repetitions = Integer.parseInt(args[1]);
        Path output = Path.of(args[2]);
        List<JmhStyleResult> results = new ArrayList<>();
        try (ScratchFolder folder = new ScratchFolder("heap")) {
            String database = folder.file("heap.db");
            try (Connection connection = DriverUnderTest.XERIAL.open(database)) {
                Dataset.createSettings(connection);
            }
            for (DriverUnderTest driver : DriverUnderTest.values()) {
                List<Double> heap = new ArrayList<>();
                List<Double> rss = new ArrayList<>();
                for (int i = 0; i < repetitions; i++) {
                    Process child = ChildJvm.start(List.of("-Xmx4g"), IdleHeap.class,
                            driver.parameterName(), connections, database);
                    try (BufferedReader out = ChildJvm.output(child)) {
                        String line = ChildJvm.awaitLine(out, IdleHeap.MARKER, child);
                        heap.add(field(line, "heap") / MIB);
                        rss.add(field(line, "rss") / MIB);
                    }
                    ChildJvm.waitFor(child);
                }
                results.add(new JmhStyleResult("dev.sqlink.bench.IdleHeap.heapPerIdleConnection", driver, "MiB", heap));
                results.add(new JmhStyleResult("dev.sqlink.bench.IdleHeap.rssPerIdleConnection", driver, "MiB", rss));
            }
        }
        JmhStyleResult.write(output, results);
        results.forEach(r -> System.out.printf("%s %-8s median %.2f MiB of %s%n",
                r.benchmark().substring(r.benchmark().lastIndexOf('.') + 1), r.driver().parameterName(),
                r.median(), r.values()));
    }

    private static double field(String line, String name) {
        for (String part : line.split(" ")) {
            if (part.startsWith(name + "=")) {
                return Double.parseDouble(part.substring(name.length() + 1));
            }
        }
        throw new IllegalStateException("no " + name + "= in '" + line + "'");
    }
}

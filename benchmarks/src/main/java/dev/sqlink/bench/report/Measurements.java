package dev.sqlink.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The median of every (workload, driver) pair found in JMH JSON result files: all measurement
 * iterations of all forks pooled, times converted to nanoseconds, memory kept in MiB. A pair
 * present in several files takes the later file's values, so a re-run of one noisy workload
 * can replace the first run's numbers.
 */
final class Measurements {
    private final Map<Workload, Map<String, Double>> medians = new EnumMap<>(Workload.class);
    private final List<String> unknown = new ArrayList<>();

    static Measurements read(List<Path> files) throws IOException {
        Measurements measurements = new Measurements();
        ObjectMapper json = new ObjectMapper();
        for (Path file : files) {
            for (JsonNode entry : json.readTree(file.toFile())) {
                measurements.add(entry);
            }
        }
        return measurements;
    }

    private void add(JsonNode entry) {
        String benchmark = entry.path("benchmark").asText();
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String driver = entry.path("params").path("driver").asText();
        Optional<Workload> workload = Workload.forMethod(method);
        if (workload.isEmpty()) {
            unknown.add(benchmark);
            return;
        }
        JsonNode metric = entry.path("primaryMetric");
        double scale = scaleOf(metric.path("scoreUnit").asText());
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode value : fork) {
                values.add(value.asDouble() * scale);
            }
        }
        if (!values.isEmpty()) {
            medians.computeIfAbsent(workload.get(), w -> new HashMap<>()).put(driver, median(values));
        }
    }

    /** Factor to nanoseconds per operation for time units; 1 for memory (already MiB). */
    private static double scaleOf(String unit) {
        switch (unit) {
            case "ns/op": return 1;
            case "us/op": return 1e3;
            case "ms/op": return 1e6;
            case "s/op": return 1e9;
            case "MiB": return 1;
            default: throw new IllegalArgumentException("unsupported score unit '" + unit
                    + "': run JMH in average-time mode (-bm avgt), as benchmarks/run.sh does");
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    Optional<Double> median(Workload workload, String driver) {
        return Optional.ofNullable(medians.getOrDefault(workload, Map.of()).get(driver));
    }

    boolean has(Workload workload) {
        return medians.containsKey(workload);
    }

    List<String> unknownBenchmarks() {
        return unknown;
    }
}

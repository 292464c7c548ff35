package dev.sqlink.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns JMH JSON result files (and the JMH-style files of the cold-start and heap runners) into
 * the markdown table of docs/benchmarks.md: per workload the median for each driver, the ratios
 * sqlink ÷ sqlite-jdbc and sqlink ÷ sqlite4j, the geometric mean over the throughput workloads,
 * and where each target of issue 6 stands.
 * Usage: {@code ResultTable OUTPUT_MD RESULT_JSON...} (later files override earlier ones).
 */
public final class ResultTable {
    static final String SQLINK = "sqlink";
    static final String XERIAL = "xerial";
    static final String SQLITE4J = "sqlite4j";

    private final Measurements measurements;

    ResultTable(Measurements measurements) {
        this.measurements = measurements;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            throw new IllegalArgumentException("usage: ResultTable OUTPUT_MD RESULT_JSON...");
        }
        List<Path> inputs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            inputs.add(Path.of(args[i]));
        }
        String markdown = new ResultTable(Measurements.read(inputs)).render();
        Files.writeString(Path.of(args[0]), markdown);
        System.out.print(markdown);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        out.append("| workload | sqlink | sqlite-jdbc | sqlite4j | sqlink ÷ sqlite-jdbc | sqlink ÷ sqlite4j |\n");
        out.append("|---|---:|---:|---:|---:|---:|\n");
        for (Workload workload : Workload.values()) {
            if (!measurements.has(workload)) {
                continue;
            }
            out.append("| ").append(workload.label).append(" (`").append(workload.method).append("`) | ")
                    .append(value(workload, SQLINK)).append(" | ")
                    .append(value(workload, XERIAL)).append(" | ")
                    .append(value(workload, SQLITE4J)).append(" | ")
                    .append(ratio(ratio(workload, XERIAL))).append(" | ")
                    .append(ratio(ratio(workload, SQLITE4J))).append(" |\n");
        }
        out.append("| **geometric mean, throughput workloads** | | | | **")
                .append(ratio(geometricMean(XERIAL))).append("** | **")
                .append(ratio(geometricMean(SQLITE4J))).append("** |\n\n");
        out.append("Medians over all measurement iterations of all forks. Lower is better everywhere; a ratio is ")
                .append("sqlink's time (or memory) divided by the other driver's, so 0.50× means sqlink needs half, ")
                .append("2.00× twice as much. \"failed\" means the driver produced no result (see the run log). ")
                .append("\"Engine only\" rows are diagnostics outside the targets: all the work is inside SQLite.\n\n");
        new TargetCheck(measurements, this).render(out);
        if (!measurements.unknownBenchmarks().isEmpty()) {
            out.append("\nNot in the table (unknown benchmark names): ").append(measurements.unknownBenchmarks()).append('\n');
        }
        return out.toString();
    }

    Optional<Double> ratio(Workload workload, String other) {
        Optional<Double> ours = measurements.median(workload, SQLINK);
        Optional<Double> theirs = measurements.median(workload, other);
        if (ours.isEmpty() || theirs.isEmpty() || theirs.get() == 0) {
            return Optional.empty();
        }
        return Optional.of(ours.get() / theirs.get());
    }

    /** Over the throughput workloads that have both drivers' results. */
    Optional<Double> geometricMean(String other) {
        double logSum = 0;
        int n = 0;
        for (Workload workload : Workload.values()) {
            if (workload.kind == Workload.Kind.THROUGHPUT) {
                Optional<Double> r = ratio(workload, other);
                if (r.isPresent()) {
                    logSum += Math.log(r.get());
                    n++;
                }
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(Math.exp(logSum / n));
    }

    private String value(Workload workload, String driver) {
        return measurements.median(workload, driver).map(v -> format(workload, v)).orElse("failed");
    }

    static String format(Workload workload, double value) {
        return workload.isTime() ? time(value) : String.format(Locale.ROOT, "%.2f MiB", value);
    }

    /** Nanoseconds in the largest unit that keeps the number at least 1, three significant digits. */
    static String time(double nanos) {
        if (nanos >= 1e9) {
            return significant(nanos / 1e9) + " s";
        }
        if (nanos >= 1e6) {
            return significant(nanos / 1e6) + " ms";
        }
        if (nanos >= 1e3) {
            return significant(nanos / 1e3) + " µs";
        }
        return significant(nanos) + " ns";
    }

    private static String significant(double v) {
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v)
                : v >= 10 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(Optional<Double> ratio) {
        return ratio.map(r -> String.format(Locale.ROOT, "%.2f×", r)).orElse("–");
    }
}

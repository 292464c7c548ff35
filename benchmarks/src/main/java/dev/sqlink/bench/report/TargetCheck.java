package dev.sqlink.bench.report;

import java.util.Locale;
import java.util.Optional;

/** The targets of issue 6, each with the measured value and whether it is met. */
final class TargetCheck {
    private static final double GEOMEAN_LIMIT = 1.5;
    private static final double WORST_LIMIT = 2.5;
    private static final double SQLITE4J_FACTOR = 3.0;
    private static final double POOLED_OPEN_LIMIT_NANOS = 2e6;
    private static final double HEAP_LIMIT_MIB = 8.0;

    private final Measurements measurements;
    private final ResultTable table;

    TargetCheck(Measurements measurements, ResultTable table) {
        this.measurements = measurements;
        this.table = table;
    }

    void render(StringBuilder out) {
        out.append("| target | measured | met |\n|---|---|---|\n");
        Optional<Double> geomean = table.geometricMean(ResultTable.XERIAL);
        row(out, "geometric mean over throughput workloads within " + GEOMEAN_LIMIT + "× of sqlite-jdbc",
                ResultTable.ratio(geomean), geomean.map(g -> g <= GEOMEAN_LIMIT));
        worstAgainstXerial(out);
        marginOverSqlite4j(out);
        coldStart(out);
        Optional<Double> pooled = measurements.median(Workload.OPEN_POOLED_PHYSICAL, ResultTable.SQLINK);
        row(out, "opening a pooled connection under 2 ms (new physical connection from the "
                        + "ConnectionPoolDataSource; borrowing a handle: "
                        + measurements.median(Workload.OPEN_POOLED_HANDLE, ResultTable.SQLINK).map(ResultTable::time).orElse("–") + ")",
                pooled.map(ResultTable::time).orElse("–"), pooled.map(p -> p < POOLED_OPEN_LIMIT_NANOS));
        Optional<Double> heap = measurements.median(Workload.HEAP, ResultTable.SQLINK);
        row(out, "under 8 MiB of heap per idle connection",
                heap.map(h -> String.format(Locale.ROOT, "%.2f MiB", h)).orElse("–"), heap.map(h -> h < HEAP_LIMIT_MIB));
    }

    private void worstAgainstXerial(StringBuilder out) {
        Workload worst = null;
        double worstRatio = 0;
        for (Workload workload : Workload.values()) {
            Optional<Double> r = workload.kind == Workload.Kind.THROUGHPUT ? table.ratio(workload, ResultTable.XERIAL) : Optional.empty();
            if (r.isPresent() && r.get() > worstRatio) {
                worstRatio = r.get();
                worst = workload;
            }
        }
        Workload found = worst;
        double ratio = worstRatio;
        row(out, "no throughput workload worse than " + WORST_LIMIT + "× sqlite-jdbc",
                found == null ? "–" : "worst: `" + found.method + "` " + ResultTable.ratio(Optional.of(ratio)),
                found == null ? Optional.empty() : Optional.of(ratio <= WORST_LIMIT));
    }

    /** Every timed workload where sqlite4j produced a result: sqlink must take at most a third. */
    private void marginOverSqlite4j(StringBuilder out) {
        Workload closest = null;
        double closestFactor = Double.MAX_VALUE;
        int compared = 0;
        for (Workload workload : Workload.values()) {
            Optional<Double> r = workload.isTime() && workload.isTarget()
                    ? table.ratio(workload, ResultTable.SQLITE4J) : Optional.empty();
            if (r.isPresent()) {
                compared++;
                double factor = 1 / r.get();
                if (factor < closestFactor) {
                    closestFactor = factor;
                    closest = workload;
                }
            }
        }
        Workload found = closest;
        double factor = closestFactor;
        row(out, "at least " + SQLITE4J_FACTOR + "× faster than sqlite4j on every workload",
                found == null ? "–" : "closest: `" + found.method + "`, sqlink ÷ sqlite4j "
                        + ResultTable.ratio(Optional.of(1 / factor)) + " (needs ≤ 0.33×; " + compared + " workloads compared)",
                found == null ? Optional.empty() : Optional.of(factor >= SQLITE4J_FACTOR));
    }

    private void coldStart(StringBuilder out) {
        Optional<Double> ours = measurements.median(Workload.COLD_START, ResultTable.SQLINK);
        Optional<Double> theirs = measurements.median(Workload.COLD_START, ResultTable.XERIAL);
        String measured = ours.map(ResultTable::time).orElse("–") + " vs " + theirs.map(ResultTable::time).orElse("–");
        row(out, "cold start to first row no slower than sqlite-jdbc", measured,
                ours.isPresent() && theirs.isPresent() ? Optional.of(ours.get() <= theirs.get()) : Optional.empty());
    }

    private static void row(StringBuilder out, String target, String measured, Optional<Boolean> met) {
        out.append("| ").append(target).append(" | ").append(measured).append(" | ")
                .append(met.map(m -> m ? "yes" : "**no**").orElse("not measured")).append(" |\n");
    }
}

package dev.sqlink.conformance.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Compares what two drivers did for the same step, after {@link DeliberateDifferences}. */
final class ObservationComparer {

    private ObservationComparer() {
    }

    /** Null when they agree, otherwise a description of both sides. */
    static String difference(Step step, Observation ours, Observation reference) {
        DeliberateDifferences.Pair pair = DeliberateDifferences.normalize(ours, reference);
        Observation left = pair.ours();
        Observation right = pair.reference();
        if (!step.sql().toUpperCase(Locale.ROOT).contains("ORDER BY")) {
            // Without ORDER BY, row order is the query planner's choice, not the driver's.
            left = left.withRows(sorted(left.rows()));
            right = right.withRows(sorted(right.rows()));
        }
        if (left.equals(right)) {
            return null;
        }
        return "ours:      " + ours + "\nreference: " + reference;
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}

package dev.sqlink.conformance.diff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Compares what two drivers did for the same step, after {@link DeliberateDifferences}. */
final class ObservationComparer {

    private static final Pattern RANDOM_LABEL_SUFFIX = Pattern.compile(":\\d{5,}( \\S+ -?\\d+)$");

    private ObservationComparer() {
    }

    /** Null when they agree, otherwise a description of both sides. */
    static String difference(Step step, Observation ours, Observation reference) {
        DeliberateDifferences.Pair pair = DeliberateDifferences.normalize(step.sql(), ours, reference);
        Observation left = pair.ours();
        Observation right = pair.reference();
        if (!step.sql().toUpperCase(Locale.ROOT).contains("ORDER BY")) {
            // Without ORDER BY, row order is the query planner's choice, not the driver's.
            left = left.withRows(sorted(left.rows()));
            right = right.withRows(sorted(right.rows()));
        }
        left = withoutRandomLabelSuffixes(left);
        right = withoutRandomLabelSuffixes(right);
        if (left.equals(right)) {
            return null;
        }
        return where(left, right) + "\nours:      " + abbreviated(ours) + "\nreference: " + abbreviated(reference);
    }

    /** Names the first part that differs, so a long observation still reads quickly. */
    private static String where(Observation ours, Observation reference) {
        if (!Objects.equals(ours.error(), reference.error())) {
            return "errors differ: ours " + ours.error() + ", reference " + reference.error();
        }
        for (int i = 0; i < Math.max(ours.columns().size(), reference.columns().size()); i++) {
            String a = i < ours.columns().size() ? ours.columns().get(i) : "(none)";
            String b = i < reference.columns().size() ? reference.columns().get(i) : "(none)";
            if (!a.equals(b)) {
                return "column " + (i + 1) + " differs: ours '" + a + "', reference '" + b + "'";
            }
        }
        for (int i = 0; i < Math.max(ours.rows().size(), reference.rows().size()); i++) {
            Object a = i < ours.rows().size() ? ours.rows().get(i) : "(no row)";
            Object b = i < reference.rows().size() ? reference.rows().get(i) : "(no row)";
            if (!a.equals(b)) {
                return "row " + (i + 1) + " differs: ours " + abbreviated(a) + ", reference " + abbreviated(b);
            }
        }
        if (ours.updateCount() != reference.updateCount()) {
            return "update counts differ: ours " + ours.updateCount() + ", reference " + reference.updateCount();
        }
        return "generated keys differ: ours " + ours.generatedKeys() + ", reference " + reference.generatedKeys();
    }

    private static String abbreviated(Object value) {
        String text = String.valueOf(value);
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    /**
     * SQLite makes duplicate result column names unique with ":1", ":2", ... and, after a few tries,
     * with a random number, which even one driver does not repeat from run to run.
     */
    private static Observation withoutRandomLabelSuffixes(Observation observation) {
        List<String> columns = observation.columns().stream()
                .map(column -> RANDOM_LABEL_SUFFIX.matcher(column).replaceFirst(":<random>$1"))
                .toList();
        return new Observation(columns, observation.rows(), observation.updateCount(), observation.generatedKeys(),
                observation.error());
    }

    private static List<List<String>> sorted(List<List<String>> rows) {
        List<List<String>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}

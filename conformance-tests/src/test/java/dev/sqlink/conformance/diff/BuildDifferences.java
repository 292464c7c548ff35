package dev.sqlink.conformance.diff;

import dev.sqlink.conformance.diff.DeliberateDifferences.Pair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rules for differences that come from how each driver's SQLite is built rather than from the
 * drivers: the same SQLite 3.54.1 source, compiled with other options and another compiler. The
 * reasons are in {@link DeliberateDifferences#ALL}.
 */
final class BuildDifferences {

    private static final String TOO_MANY_ARGUMENTS = "too many arguments on function";

    private BuildDifferences() {
    }

    /** sqlite-jdbc refuses a call with more than 127 arguments that SQLite's default limit (1000) accepts. */
    static Pair functionArgumentLimit(String sql, Pair pair) {
        Observation.Failure theirs = pair.reference().error();
        boolean onlyTheirLimit = pair.ours().error() == null && theirs != null && theirs.message() != null
                && theirs.message().contains(TOO_MANY_ARGUMENTS);
        return onlyTheirLimit ? new Pair(pair.reference(), pair.reference()) : pair;
    }

    /**
     * The bytecode listing of an EXPLAINed statement that may write rows (anything but a plain
     * SELECT or VALUES: DML, upserts, DDL writing sqlite_schema) differs with
     * SQLITE_ENABLE_PREUPDATE_HOOK: only the columns are compared then.
     */
    static Pair explainedWriteProgram(String sql, Pair pair) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        if (!head.startsWith("EXPLAIN") || head.startsWith("EXPLAIN QUERY PLAN")) {
            return pair;
        }
        String explained = head.substring("EXPLAIN".length()).stripLeading();
        boolean query = explained.startsWith("SELECT") || explained.startsWith("VALUES");
        boolean bothListed = pair.ours().error() == null && pair.reference().error() == null
                && pair.ours().columns().equals(pair.reference().columns());
        return !query && bothListed ? new Pair(pair.ours().withRows(pair.reference().rows()), pair.reference()) : pair;
    }

    /** A -0.0 of ours where the reference has 0.0 (abs() of a negative zero, see the reason). */
    static Pair signOfZeroFromAbs(String sql, Pair pair) {
        List<List<String>> ours = pair.ours().rows();
        List<List<String>> reference = pair.reference().rows();
        if (ours == null || reference == null || ours.size() != reference.size()) {
            return pair;
        }
        List<List<String>> rows = new ArrayList<>(ours.size());
        boolean changed = false;
        for (int r = 0; r < ours.size(); r++) {
            List<String> row = new ArrayList<>(ours.get(r));
            List<String> theirs = reference.get(r);
            for (int c = 0; c < row.size() && c < theirs.size(); c++) {
                if (row.get(c).equals("Double:-0.0") && theirs.get(c).equals("Double:0.0")) {
                    row.set(c, "Double:0.0");
                    changed = true;
                }
            }
            rows.add(row);
        }
        return changed ? new Pair(pair.ours().withRows(rows), pair.reference()) : pair;
    }
}

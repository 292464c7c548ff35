package dev.sqlink.conformance.slt;

import java.util.List;

/** One record of a sqllogictest file. {@code line} is the 1-based line of its directive. */
sealed interface SltRecord {

    int line();

    /** {@code skipif}/{@code onlyif} lines that precede the record. */
    List<Condition> conditions();

    /** {@code statement ok} or {@code statement error}; the SQL may hold several statements. */
    record Statement(int line, List<Condition> conditions, boolean expectError, String sql) implements SltRecord {
    }

    /**
     * {@code query <types> [sort] [label]}. {@code expected} is null when the record has no {@code ----}
     * section (the result is then not checked).
     */
    record Query(int line, List<Condition> conditions, String types, SortMode sort, String label, String sql,
            List<String> expected) implements SltRecord {
    }

    /** {@code hash-threshold N}: results with more values than N are compared by hash (0: never). */
    record HashThreshold(int line, List<Condition> conditions, int threshold) implements SltRecord {
    }

    /** {@code halt}: stop the file here (when its conditions apply). */
    record Halt(int line, List<Condition> conditions) implements SltRecord {
    }

    enum SortMode { NOSORT, ROWSORT, VALUESORT }

    /** {@code onlyif ENGINE} ({@code only == true}) or {@code skipif ENGINE}. */
    record Condition(boolean only, String engine) {

        /** Whether this condition lets the record run on the named engine (names compare case-insensitively). */
        boolean allows(String engineName) {
            return only == engine.equalsIgnoreCase(engineName);
        }
    }
}

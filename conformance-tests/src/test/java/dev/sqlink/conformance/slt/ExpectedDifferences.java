package dev.sqlink.conformance.slt;

import java.util.List;

/**
 * sqllogictest records that are allowed to fail, each with the reason. Only genuine differences
 * between the SQLite version that produced the corpus and ours belong here, never driver bugs.
 * {@code file} is relative to the sqllogictest folder, with '/' separators; {@code line} is the line
 * of the record's {@code statement}/{@code query} directive.
 */
final class ExpectedDifferences {

    record Difference(String file, int line, String reason) {
    }

    static final List<Difference> ALL = List.of(
            // None so far: sqlite-jdbc 3.54.1.0 passes every record of the corpus.
    );

    private ExpectedDifferences() {
    }

    static Difference find(String file, int line) {
        for (Difference difference : ALL) {
            if (difference.file().equals(file) && difference.line() == line) {
                return difference;
            }
        }
        return null;
    }
}

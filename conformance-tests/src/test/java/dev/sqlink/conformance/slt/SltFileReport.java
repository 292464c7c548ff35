package dev.sqlink.conformance.slt;

import java.util.ArrayList;
import java.util.List;

/** Counts and failures of one sqllogictest file. */
final class SltFileReport {

    /** A record that did not behave as the file expects. */
    record Failure(String file, int line, String message) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + message;
        }
    }

    private final String file;
    private int passed;
    private int skipped;
    private final List<Failure> failures = new ArrayList<>();

    SltFileReport(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void pass() {
        passed++;
    }

    void skip() {
        skipped++;
    }

    void fail(int line, String message) {
        failures.add(new Failure(file, line, message));
    }

    int passed() {
        return passed;
    }

    int skipped() {
        return skipped;
    }

    List<Failure> failures() {
        return failures;
    }

    /** The summary line the issue asks for. */
    String summary() {
        return passed + " passed, " + failures.size() + " failed, " + skipped + " skipped";
    }
}

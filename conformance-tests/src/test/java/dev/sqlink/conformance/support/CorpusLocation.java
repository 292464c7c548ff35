package dev.sqlink.conformance.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared test corpora written by others. They live beside the project, at
 * {@code <project root>/../shared/corpus}, and are never copied into the repository. A fresh clone
 * has no such folder, so callers skip (JUnit assumption) instead of failing.
 */
public final class CorpusLocation {

    /** Overrides the location, e.g. when the project is checked out somewhere else. */
    public static final String PROPERTY = "sqlink.conformance.corpus";

    private CorpusLocation() {
    }

    /** The corpus folder, whether or not it exists. */
    public static Path corpusRoot() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath().normalize();
        }
        // Surefire runs tests with the module folder as "basedir"; the project root is its parent.
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return moduleDir.toAbsolutePath().getParent().resolve("../shared/corpus").normalize();
    }

    /** The named sub-folder of the corpus, or a skipped test with a message saying how to get it. */
    public static Path requireFolder(String name) {
        Path folder = corpusRoot().resolve(name);
        if (!Files.isDirectory(folder)) {
            String message = "Skipping: test corpus folder " + folder + " is absent. It sits beside the project"
                    + " as ../shared/corpus/" + name + " (present in CI, absent in a fresh clone);"
                    + " point -D" + PROPERTY + "=<corpus folder> at a copy to run it.";
            // Surefire does not show why a test factory was aborted, so say it on the console too.
            System.out.println("[conformance] " + message);
            assumeTrue(false, message);
        }
        return folder;
    }
}

package dev.sqlink.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A temporary folder for a workload's database files, deleted with everything in it. */
final class ScratchFolder implements AutoCloseable {
    private final Path path;

    ScratchFolder(String purpose) {
        try {
            path = Files.createTempDirectory("sqlink-bench-" + purpose + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for " + purpose, e);
        }
    }

    /** The path of a file in this folder, as a string a JDBC URL can carry. */
    String file(String name) {
        return path.resolve(name).toString();
    }

    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }
}

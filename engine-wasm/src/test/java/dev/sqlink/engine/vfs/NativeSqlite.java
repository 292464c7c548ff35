package dev.sqlink.engine.vfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the native {@code sqlite3} command-line tool, the reference for interoperability. */
final class NativeSqlite {
    static final Path BINARY = Path.of("/usr/bin/sqlite3");

    private NativeSqlite() {}

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Runs {@code script} on {@code db} and returns stdout; fails on a non-zero exit or anything on stderr. */
    static String run(Path db, String script) throws IOException, InterruptedException {
        Process p = start(db);
        p.getOutputStream().write(script.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("sqlite3 did not finish");
        }
        if (p.exitValue() != 0 || !err.isEmpty()) {
            throw new AssertionError("sqlite3 failed (" + p.exitValue() + "): " + err);
        }
        return out.trim();
    }

    /** Starts an interactive {@code sqlite3} on {@code db}; the caller writes SQL to its stdin. */
    static Process start(Path db) throws IOException {
        return new ProcessBuilder(BINARY.toString(), "-batch", db.toString()).start();
    }
}

package dev.sqlink.jdbc.ext;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import dev.sqlink.jdbc.SqlinkConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs use one bundle store through JDBC URLs at the same time (saving, opening by bundle,
 * exporting, importing, collecting); afterwards every bundle either saved opens.
 */
class BundleProcessesTest {
    static final int ROUNDS = 4;

    @TempDir
    Path dir;

    @Test
    void twoProcessesShareOneStoreThroughJdbc() throws Exception {
        Path store = dir.resolve("store");
        String stats = WasmBundlesTest.statsItem();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                BundleWorker.class.getName(), store.toString(), "child", Integer.toString(ROUNDS), stats)
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<?> here = thread.submit(() -> {
                BundleWorker.run(store, "parent", ROUNDS, stats);
                return null;
            });
            here.get(5, TimeUnit.MINUTES);
            assertTrue(other.waitFor(5, TimeUnit.MINUTES), "the second JVM did not finish");
            assertEquals(0, other.exitValue(), () -> "the second JVM failed:\n" + log());
        } finally {
            thread.shutdownNow();
            other.destroyForcibly();
        }
        for (String id : new String[] {"parent", "child"}) {
            for (int i = 0; i < ROUNDS; i++) {
                String set = String.format(BundleWorker.SETS[i % BundleWorker.SETS.length], stats);
                String grants = set.contains("stats") ? "&grants=stats:env=HOME" : "";
                try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:?bundle_store=" + store
                        + "&bundle=" + id + "-" + i + "&bundle_mode=load" + grants)) {
                    assertEquals(set.split(",").length,
                            c.unwrap(SqlinkConnection.class).extensions().size(), id + "-" + i);
                }
            }
        }
        try (var s = Files.list(store.resolve("tmp"))) {
            assertEquals(0, s.count(), "stray temporary files");
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}

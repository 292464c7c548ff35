package dev.sqlink.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two processes (and two threads in this one) use one store at once; it ends up intact. */
class ConcurrentStoreTest {
    static final int ROUNDS = 12;

    @TempDir
    Path dir;

    @Test
    void twoJvmsSavingImportingAndCollectingNeverCorruptTheStore() throws Exception {
        Path root = dir.resolve("store");
        BundleStore.open(root);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process other = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                StoreWorker.class.getName(), root.toString(), "proc", Integer.toString(ROUNDS))
                .redirectErrorStream(true).redirectOutput(dir.resolve("worker.log").toFile()).start();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> local = new ArrayList<>();
            for (String id : new String[] {"t1", "t2"}) {
                local.add(threads.submit(() -> {
                    StoreWorker.run(root, id, ROUNDS);
                    return null;
                }));
            }
            for (Future<?> f : local) {
                f.get(5, TimeUnit.MINUTES);
            }
            assertTrue(other.waitFor(5, TimeUnit.MINUTES), "the second JVM did not finish");
            assertEquals(0, other.exitValue(), () -> "the second JVM failed:\n" + read(dir.resolve("worker.log")));
        } finally {
            threads.shutdownNow();
            other.destroyForcibly();
        }

        BundleStore store = BundleStore.open(root);
        store.gc(GcPolicy.KEEP_ALL);
        List<Bundle> all = store.list();
        assertEquals(3 * ROUNDS, all.size());
        for (Bundle b : all) {
            assertEquals(3, store.load(b, null).size()); // every blob present and verified
        }
        for (String id : new String[] {"proc", "t1", "t2"}) {
            for (int i = 0; i < ROUNDS; i++) {
                assertEquals(List.of(id + "-" + i), store.resolve(id + "-" + i).names().stream()
                        .filter(n -> !n.endsWith("imported")).toList());
            }
        }
        try (var s = Files.list(root.resolve("tmp"))) {
            assertEquals(0, s.count(), "stray temporary files");
        }
        try (var s = Files.walk(root.resolve("blobs"))) {
            assertEquals(3 * ROUNDS + 1, s.filter(Files::isRegularFile).count(), "only referenced blobs remain");
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return "(no log: " + e + ")";
        }
    }
}

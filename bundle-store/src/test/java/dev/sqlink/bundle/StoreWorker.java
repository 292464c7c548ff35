package dev.sqlink.bundle;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Saves, exports, imports, loads and garbage-collects in a loop on one store; run in a second
 * JVM by {@link ConcurrentStoreTest} (and in threads of the test's own JVM) at the same time.
 * Every load must succeed: a blob that gc removed from under a saved bundle would fail it.
 */
public final class StoreWorker {
    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), args[1], Integer.parseInt(args[2]));
    }

    static void run(Path root, String id, int rounds) throws Exception {
        BundleStore store = BundleStore.open(root);
        Path exports = root.resolveSibling("exports-" + id);
        for (int i = 0; i < rounds; i++) {
            List<StoredExtension> content = List.of(
                    StoredExtension.wasm("common", "1.0", "shared by every worker".getBytes(StandardCharsets.UTF_8)),
                    StoredExtension.wasm("own", "1.0", (id + " round " + i).getBytes(StandardCharsets.UTF_8)),
                    StoredExtension.classPath(ExtensionKind.JAVA, "regexp", "1.0.0"));
            Bundle b = store.save(id + "-" + i, content);
            store.putBlob(("loose " + id + " " + i).getBytes(StandardCharsets.UTF_8)); // for gc to drop
            Path file = exports.resolve(i % 3 + ".json");
            store.export(b.hash(), file);
            Bundle imported = store.importFrom(file, id + "-imported");
            if (!imported.hash().equals(b.hash())) {
                throw new AssertionError("import changed the hash: " + b.hash() + " -> " + imported.hash());
            }
            if (store.load(store.resolve(id + "-" + i), null).size() != 3) {
                throw new AssertionError("bundle " + id + "-" + i + " lost an extension");
            }
            store.gc(GcPolicy.KEEP_ALL);
            store.list();
        }
    }
}

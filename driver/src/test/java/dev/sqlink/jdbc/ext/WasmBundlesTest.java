package dev.sqlink.jdbc.ext;

import static dev.sqlink.jdbc.ext.BundlesTest.bundles;
import static dev.sqlink.jdbc.ext.BundlesTest.open;
import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.bundle.Bundle;
import dev.sqlink.jdbc.ext.wasm.WasmModules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles holding the committed wasm example next to a Java extension, through JDBC URLs. */
class WasmBundlesTest {
    static final Path STATS = Path.of("..", "extensions-wasm", "stats", "stats.wasm").toAbsolutePath().normalize();
    /** The example reads an environment variable; grants come from the opening connection, never the bundle. */
    static final String GRANT = "&grants=stats:env=HOME";
    static final String QUERY = "SELECT describe(-42) || '|' || describe('héllo') || '|' || crypto_sha256('abc')";

    @TempDir
    Path dir;

    static String statsItem() throws Exception {
        String sha = Files.readString(STATS.resolveSibling("stats.wasm.sha256")).split("\\s+")[0];
        return "file:" + STATS + "#sha256=" + sha;
    }

    @Test
    void aWasmBundleTravelsAndOpensInEveryModeOnceBuilt() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Path file = dir.resolve("w.json");
        String expected;
        Bundle saved;
        try (Connection c = open(one, "extensions=" + statsItem() + ",crypto" + GRANT)) {
            expected = (String) one(c, QUERY);
            saved = bundles(c).save("w");
            bundles(c).export("w", file);
        }
        try (Connection c = open(two, "")) {
            assertEquals(saved.hash(), bundles(c).importFrom(file, null).hash());
        }
        // not built: auto and load compile; built refuses and says how to build
        for (String ref : new String[] {"w", saved.hash().substring(0, 10)}) {
            for (String mode : new String[] {"auto", "load"}) {
                try (Connection c = open(two, "bundle=" + ref + "&bundle_mode=" + mode + GRANT)) {
                    assertEquals(expected, one(c, QUERY), ref + " " + mode);
                }
            }
        }
        SQLException e = assertThrows(SQLException.class, () -> open(two, "bundle=w").close());
        assertMentions(e, "extension 'stats' requires capability 'env'", "grants=stats:env=");
        e = assertThrows(SQLException.class, () -> open(two, "bundle=w&bundle_mode=built" + GRANT).close());
        assertEquals("55000", e.getSQLState());
        assertMentions(e, "not built for " + WasmModules.buildTarget(), "sqlink_bundle_build('w')", "bundle_mode=auto");

        try (Connection c = open(two, "")) {
            assertEquals(1L, ((Number) one(c, "SELECT sqlink_bundle_build('w')")).longValue());
        }
        for (String mode : new String[] {"auto", "built", "load"}) {
            try (Connection c = open(two, "bundle=w&bundle_mode=" + mode + GRANT)) {
                assertEquals(expected, one(c, QUERY), mode);
                // saving a bundle-opened connection reads the wasm bytes back from the store
                assertEquals(saved.hash(), bundles(c).save(null).hash());
            }
        }

        // a damaged built form is refused where it would be used, and ignored by load
        Path built;
        try (Stream<Path> s = Files.walk(two.resolve("built"))) {
            built = s.filter(Files::isRegularFile).findFirst().orElseThrow();
        }
        byte[] raw = Files.readAllBytes(built);
        raw[raw.length / 2] ^= 1;
        Files.write(built, raw);
        for (String mode : new String[] {"auto", "built"}) {
            e = assertThrows(SQLException.class, () -> open(two, "bundle=w&bundle_mode=" + mode + GRANT).close());
            assertEquals("XX001", e.getSQLState());
            assertMentions(e, "built form", "corrupt");
        }
        try (Connection c = open(two, "bundle=w&bundle_mode=load" + GRANT)) {
            assertEquals(expected, one(c, QUERY));
        }
    }

    @Test
    void aFlippedByteInTheStoredModuleRefusesEveryMode() throws Exception {
        Path store = dir.resolve("s");
        Bundle saved;
        try (Connection c = open(store, "extensions=" + statsItem() + GRANT)) {
            saved = bundles(c).save("w");
        }
        String hash = saved.entries().get(0).contentHash();
        Path blob = store.resolve("blobs").resolve(hash.substring(0, 2)).resolve(hash.substring(2));
        byte[] raw = Files.readAllBytes(blob);
        raw[100] ^= 1;
        Files.write(blob, raw);
        for (String mode : new String[] {"auto", "built", "load"}) {
            SQLException e = assertThrows(SQLException.class, () -> open(store, "bundle=w&bundle_mode=" + mode + GRANT).close());
            assertEquals("XX001", e.getSQLState());
            assertMentions(e, "blob " + hash, "corrupt");
        }
        assertTrue(Files.exists(blob));
    }
}

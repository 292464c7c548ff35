package dev.sqlink.jdbc.ext;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.JdbcQueries.column;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.bundle.Bundle;
import dev.sqlink.bundle.BundleIdentity;
import dev.sqlink.bundle.BundleStore;
import dev.sqlink.bundle.ExtensionKind;
import dev.sqlink.bundle.GcPolicy;
import dev.sqlink.bundle.Sha256;
import dev.sqlink.bundle.StoredExtension;
import dev.sqlink.jdbc.SqlinkBundles;
import dev.sqlink.jdbc.SqlinkConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bundles of Java and compiled-in extensions through jdbc:sqlink: URLs (wasm: WasmBundlesTest). */
class BundlesTest {
    static final String QUERY = "SELECT crypto_sha256('abc') || '|' || regexp_like('Hello', '^H') || '|' "
            + "|| (SELECT count(*) FROM regexp_matches('a1b22', '[0-9]+'))";

    @TempDir
    Path dir;

    /** An in-memory connection whose bundle store is {@code store}. */
    static Connection open(Path store, String query) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlink::memory:?bundle_store=" + store + "&" + query);
    }

    static SqlinkBundles bundles(Connection c) throws SQLException {
        return c.unwrap(SqlinkConnection.class).bundles();
    }

    @Test
    void saveExportImportThenOpenByNameAndByHashPrefixWithIdenticalResults() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        Path exportFile = dir.resolve("tools.json");
        String expected;
        List<String> manifests;
        Bundle saved;
        try (Connection c = open(one, "extensions=regexp,crypto,fts5")) {
            expected = (String) one(c, QUERY);
            manifests = names(c);
            saved = bundles(c).save("tools");
            assertEquals(saved.hash(), one(c, "SELECT sqlink_bundle_save('tools-sql')"));
            bundles(c).export("tools", exportFile);
        }
        assertFalse(Files.readString(exportFile).contains("grants"), "grants are never part of a bundle");
        try (Connection c = open(two, "grants=connection:fs.read=" + dir)) {
            assertEquals(saved.hash(), one(c, "SELECT sqlink_bundle_import('" + exportFile + "')"));
            assertEquals(List.of(saved.hash()), column(c, "SELECT hash FROM sqlink_bundles"));
            assertEquals("tools,tools-sql", one(c, "SELECT names FROM sqlink_bundles"));
            assertEquals("crypto 1.0.0 java, fts5 3.54.1 builtin, regexp 1.0.0 java",
                    one(c, "SELECT extensions FROM sqlink_bundles"));
        }
        for (String ref : new String[] {"tools", saved.hash().substring(0, 8), saved.hash()}) {
            try (Connection c = open(two, "bundle=" + ref)) {
                assertEquals(expected, one(c, QUERY), ref);
                assertEquals(manifests.stream().sorted().toList(), names(c).stream().sorted().toList(), ref);
            }
        }
        // saving the bundle-opened connection gives the same identity
        try (Connection c = open(two, "bundle=tools")) {
            assertEquals(saved.hash(), bundles(c).save("again").hash());
        }
    }

    static List<String> names(Connection c) throws SQLException {
        return c.unwrap(SqlinkConnection.class).extensions().stream().map(m -> m.name() + " " + m.version()).toList();
    }

    @Test
    void bundleJoinsTheExtensionsPropertyWhichMayGiveItsMembersOptions() throws Exception {
        Path store = dir.resolve("s");
        try (Connection c = open(store, "extensions=regexp")) {
            bundles(c).save("re");
        }
        try (Connection c = open(store, "bundle=re&extensions=crypto,regexp;prefix=rx;bare=none")) {
            assertEquals(1, one(c, "SELECT rx_regexp_like('Hello', '^H')"));
            assertEquals(64, ((String) one(c, "SELECT sha256('x')")).length());
            assertThrows(SQLException.class, () -> one(c, "SELECT regexp_like('Hello', '^H')"));
        }
    }

    @Test
    void grantsAreNeverInABundleTheOpeningConnectionGrants() throws Exception {
        Path store = dir.resolve("s");
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), "x\n1\n2\n");
        try (Connection c = open(store, "extensions=csv&grants=csv:fs.read=" + in)) {
            bundles(c).save("csvb");
        }
        SQLException e = assertThrows(SQLException.class, () -> open(store, "bundle=csvb").close());
        assertMentions(e, "extension 'csv' requires capability 'fs.read'", "grants=csv:fs.read=");
        try (Connection c = open(store, "bundle=csvb&grants=csv:fs.read=" + in)) {
            c.createStatement().execute("CREATE VIRTUAL TABLE t USING csv(filename='" + in.resolve("a.csv")
                    + "', header=yes)");
            assertEquals(List.of("1", "2"), column(c, "SELECT x FROM t"));
        }
    }

    @Test
    void ambiguousPrefixAndUnknownNamesAreErrorsListingWhatExists() throws Exception {
        Path storeDir = dir.resolve("s");
        BundleStore store = BundleStore.open(storeDir);
        List<List<StoredExtension>> pair = collidingPair();
        Bundle a = store.save("first", pair.get(0));
        Bundle b = store.save(null, pair.get(1));
        SQLException e = assertThrows(SQLException.class,
                () -> open(storeDir, "bundle=" + a.hash().substring(0, 4)).close());
        assertEquals("42725", e.getSQLState());
        assertMentions(e, "ambiguous", a.hash(), b.hash(), "[first]");
        e = assertThrows(SQLException.class, () -> open(storeDir, "bundle=nosuch").close());
        assertEquals("42704", e.getSQLState());
        assertMentions(e, "no bundle named 'nosuch'", a.shortHash(), b.shortHash(), "first");
    }

    static List<List<StoredExtension>> collidingPair() {
        Map<String, List<StoredExtension>> seen = new HashMap<>();
        for (int i = 0; ; i++) {
            List<StoredExtension> c = List.of(StoredExtension.classPath(ExtensionKind.JAVA, "ext" + i, "1.0"));
            String prefix = BundleIdentity.of(List.of(c.get(0).entry())).substring(0, 4);
            List<StoredExtension> other = seen.putIfAbsent(prefix, c);
            if (other != null) {
                return List.of(other, c);
            }
        }
    }

    @Test
    void aPinnedVersionOrKindThatTheClassPathDoesNotHaveIsRefused() throws Exception {
        Path storeDir = dir.resolve("s");
        BundleStore store = BundleStore.open(storeDir);
        store.save("old", List.of(StoredExtension.classPath(ExtensionKind.JAVA, "regexp", "0.9.0")));
        SQLException e = assertThrows(SQLException.class, () -> open(storeDir, "bundle=old").close());
        assertMentions(e, "pins java extension 'regexp' at version 0.9.0", "this class path has version 1.0.0");
        store.save("gone", List.of(StoredExtension.classPath(ExtensionKind.JAVA, "nosuchext", "1.0")));
        e = assertThrows(SQLException.class, () -> open(storeDir, "bundle=gone").close());
        assertMentions(e, "no extension named 'nosuchext'");
    }

    @Test
    void aFlippedByteInAStoredBlobRefusesTheConnectionWithNothingLoaded() throws Exception {
        Path storeDir = dir.resolve("s");
        BundleStore store = BundleStore.open(storeDir);
        byte[] wasm = "\0asm not really a module".getBytes(StandardCharsets.UTF_8);
        store.save("w", List.of(StoredExtension.wasm("geo", "1.0", wasm),
                StoredExtension.classPath(ExtensionKind.JAVA, "regexp", "1.0.0")));
        String hash = Sha256.hex(wasm);
        Path blob = storeDir.resolve("blobs").resolve(hash.substring(0, 2)).resolve(hash.substring(2));
        byte[] raw = Files.readAllBytes(blob);
        raw[5] ^= 0x20;
        Files.write(blob, raw);
        for (String mode : new String[] {"auto", "built", "load"}) {
            SQLException e = assertThrows(SQLException.class,
                    () -> open(storeDir, "bundle=w&bundle_mode=" + mode).close());
            assertEquals("XX001", e.getSQLState());
            assertMentions(e, "blob " + hash, "corrupt");
        }
    }

    @Test
    void aTamperedExportImportsNothingFromSql() throws Exception {
        Path storeDir = dir.resolve("s");
        Path file = dir.resolve("x.json");
        try (Connection c = open(storeDir, "extensions=crypto")) {
            bundles(c).save("x");
            bundles(c).export("x", file);
        }
        Files.writeString(file, Files.readString(file).replace("\"crypto\"", "\"crypt0\""));
        Path other = dir.resolve("other");
        try (Connection c = open(other, "grants=connection:fs.read=" + dir)) {
            SQLException e = assertThrows(SQLException.class,
                    () -> one(c, "SELECT sqlink_bundle_import('" + file + "')"));
            assertMentions(e, "nothing was imported");
            assertEquals(0L, ((Number) one(c, "SELECT count(*) FROM sqlink_bundles")).longValue());
        }
    }

    @Test
    void exportAndImportFromSqlNeedTheConnectionsOwnFileGrants() throws Exception {
        Path storeDir = dir.resolve("s");
        Path out = Files.createDirectories(dir.resolve("out"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        try (Connection c = open(storeDir, "extensions=crypto")) {
            one(c, "SELECT sqlink_bundle_save('x')");
            SQLException e = refusedAuth(c, "SELECT sqlink_bundle_export('x', '" + out.resolve("x.json") + "')");
            assertMentions(e, "sqlink_bundle_export: this connection may not write", "grants=connection:fs.write="
                    + out);
        }
        try (Connection c = open(storeDir, "extensions=crypto&grants=connection:fs.write=" + out)) {
            refusedAuth(c, "SELECT sqlink_bundle_export('x', '" + out.resolve("../escape.json") + "')");
            assertFalse(Files.exists(dir.resolve("escape.json")));
            one(c, "SELECT sqlink_bundle_export('x', '" + out.resolve("x.json") + "')");
            assertTrue(Files.isRegularFile(out.resolve("x.json")));
            // A write grant covers reading, as it does for ATTACH: one judgement of the connection's files.
            one(c, "SELECT sqlink_bundle_import('" + out.resolve("x.json") + "')");
            Files.copy(out.resolve("x.json"), elsewhere.resolve("x.json"));
            SQLException e = refusedAuth(c, "SELECT sqlink_bundle_import('" + elsewhere.resolve("x.json") + "')");
            assertMentions(e, "sqlink_bundle_import: this connection may not read",
                    "grants=connection:fs.read=" + elsewhere);
            // The statement failed, the connection did not.
            assertEquals(1L, ((Number) one(c, "SELECT count(*) FROM sqlink_bundles")).longValue());
        }
        try (Connection c = open(storeDir, "extensions=crypto&grants=connection:fs.read=" + out)) {
            refusedAuth(c, "SELECT sqlink_bundle_export('x', '" + out.resolve("y.json") + "')");
            one(c, "SELECT sqlink_bundle_import('" + out.resolve("x.json") + "')");
        }
        SQLException e = assertThrows(SQLException.class, () -> open(storeDir, "grants=connection:random").close());
        assertMentions(e, "takes only connection:fs.read=PATH");
    }

    /** A path outside the grants is refused as SQLite refuses a file: SQLITE_AUTH, SQLState 42501. */
    private static SQLException refusedAuth(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> one(c, sql));
        assertEquals(23, e.getErrorCode(), e.getMessage());
        assertEquals("42501", e.getSQLState(), e.getMessage());
        return e;
    }

    @Test
    void badPropertiesAreRefusedBeforeTheBundleStoreIsTouched() {
        Path store = dir.resolve("untouched");
        SQLException e = assertThrows(SQLException.class,
                () -> open(store, "bundle=missing&wasm_memory_limit_mb=0").close());
        assertMentions(e, "wasm_memory_limit_mb must be 1 to 4096");
        assertEquals("HY024", e.getSQLState());
        assertFalse(Files.exists(store), "nothing is created for a connection that is refused");
    }

    @Test
    void gcFromSqlKeepsReferencedBundlesAndDropsOthers() throws Exception {
        Path storeDir = dir.resolve("s");
        try (Connection c = open(storeDir, "extensions=crypto")) {
            one(c, "SELECT sqlink_bundle_save('a')");
        }
        try (Connection c = open(storeDir, "extensions=regexp")) {
            one(c, "SELECT sqlink_bundle_save('b')");
            assertTrue(((String) one(c, "SELECT sqlink_bundle_gc()")).startsWith("removed 0 bundle(s)"));
            assertEquals(2L, ((Number) one(c, "SELECT count(*) FROM sqlink_bundles")).longValue());
            assertTrue(((String) one(c, "SELECT sqlink_bundle_gc(1)")).startsWith("removed 1 bundle(s), 1 alias(es)"));
            assertEquals(List.of("b"), column(c, "SELECT names FROM sqlink_bundles"));
            assertEquals(1L, ((Number) one(c, "SELECT sqlink_bundle_delete('b')")).longValue());
            assertEquals(0L, ((Number) one(c, "SELECT sqlink_bundle_delete('b')")).longValue());
            assertEquals(List.of(""), column(c, "SELECT names FROM sqlink_bundles"));
            SQLException e = assertThrows(SQLException.class, () -> one(c, "SELECT sqlink_bundle_gc(1, 'soon')"));
            assertMentions(e, "ISO-8601 duration");
        }
        try (Connection c = open(storeDir, "")) {
            assertEquals(0, bundles(c).gc(GcPolicy.keepRecent(0)).blobsRemoved());
            assertEquals(0, bundles(c).list().size());
            SQLException e = assertThrows(SQLException.class, () -> bundles(c).save("empty"));
            assertMentions(e, "loaded no extensions");
        }
    }

    @Test
    void bundleFunctionsCannotRunFromTriggersOrViews() throws Exception {
        try (Connection c = open(dir.resolve("s"), "extensions=crypto")) {
            c.createStatement().execute("CREATE VIEW v AS SELECT sqlink_bundle_gc(0) AS r");
            assertThrows(SQLException.class, () -> one(c, "SELECT r FROM v"));
        }
    }

    @Test
    void builtOnlyModeAcceptsBundlesWithoutWasm() throws Exception {
        Path storeDir = dir.resolve("s");
        try (Connection c = open(storeDir, "extensions=crypto")) {
            assertEquals(0, bundles(c).build(bundles(c).save("c").hash()));
        }
        try (Connection c = open(storeDir, "bundle=c&bundle_mode=built")) {
            assertEquals(64, ((String) one(c, "SELECT sha256('x')")).length());
        }
    }

    @Test
    void theDefaultStoreIsUnderTheUsersCacheFolder() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:")) {
            assertEquals(BundleStore.defaultRoot(), bundles(c).location());
        }
    }

}

package dev.sqlink.jdbc.ext.wasm;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.wasm.WasmFiles.item;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static dev.sqlink.jdbc.ext.JdbcQueries.open;
import static dev.sqlink.jdbc.ext.wasm.WasmFiles.sha;
import static dev.sqlink.jdbc.ext.wasm.WasmFiles.wasm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.jdbc.SqlinkConnection;
import dev.sqlink.jdbc.SqlinkConnectionPoolDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pinning, manifests, grants, names and compile-once caching of wasm extensions, through JDBC URLs. */
class WasmLoadingTest {
    @TempDir
    Path dir;

    @Test
    void aWrongHashIsRefusedNamingBothHashes() throws IOException {
        String wrong = "0".repeat(64);
        SQLException e = assertThrows(SQLException.class,
                () -> open("extensions=file:" + wasm("stats", "stats") + "#sha256=" + wrong).close());
        assertMentions(e, "expected sha256 " + wrong, "actual sha256 " + sha("stats", "stats"), "nothing was loaded");
    }

    @Test
    void aTamperedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(wasm("stats", "stats"));
        bytes[bytes.length - 10] ^= 1;
        Path tampered = Files.write(dir.resolve("stats.wasm"), bytes);
        SQLException e = assertThrows(SQLException.class,
                () -> open("extensions=file:" + tampered + "#sha256=" + sha("stats", "stats")).close());
        assertMentions(e, "does not match its pinned hash", "expected sha256 " + sha("stats", "stats"));
    }

    @Test
    void aBadManifestIsAClearError() {
        SQLException e = assertThrows(SQLException.class, () -> open("extensions=" + item("testing", "badmanifest")).close());
        assertMentions(e, "invalid manifest", "field 'version' is missing", "docs/wasm-extension-abi.md");
    }

    @Test
    void aMissingFileIsAClearError() {
        SQLException e = assertThrows(SQLException.class,
                () -> open("extensions=file:" + dir.resolve("nope.wasm") + "#sha256=" + "a".repeat(64)).close());
        assertMentions(e, "cannot read wasm extension", "nope.wasm");
    }

    @Test
    void aRequiredCapabilityIsRefusedAtOpenWithThePropertyThatGrantsIt() throws SQLException {
        SQLException e = assertThrows(SQLException.class, () -> open("extensions=" + item("stats", "stats")).close());
        assertMentions(e, "extension 'stats' requires capability 'env'", "grants=stats:env=");
        try (Connection c = open("extensions=" + item("stats", "stats") + "&grants=stats:env=HOME")) {
            assertEquals("integer 1", one(c, "SELECT describe(1)"));
            SqlinkConnection s = c.unwrap(SqlinkConnection.class);
            assertEquals(sha("stats", "stats"), s.extensions().get(0).contentHash());
        }
    }

    @Test
    void everyHostServiceOnlyWithItsGrant() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path outside = Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.writeString(in.resolve("a.txt"), "hello");
        String probe = "extensions=" + item("testing", "probe");
        SQLException none = assertThrows(SQLException.class, () -> open(probe).close());
        assertMentions(none, "extension 'probe' requires capability");
        String all = probe + "&grants=probe:clock,probe:random,probe:fs.read=" + in + ",probe:fs.write=" + in;
        try (Connection c = open(all)) {
            long now = ((Number) one(c, "SELECT now_ms()")).longValue();
            assertTrue(Math.abs(now - System.currentTimeMillis()) < 60_000, "clock: " + now);
            assertEquals(16, ((byte[]) one(c, "SELECT random_bytes(16)")).length);
            assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8),
                    (byte[]) one(c, "SELECT read_file('" + in.resolve("a.txt") + "')"));
            assertEquals(3, one(c, "SELECT write_file('" + in.resolve("b.txt") + "', 'abc')"));
            assertEquals("abc", Files.readString(in.resolve("b.txt")));
            SQLException escape = assertThrows(SQLException.class,
                    () -> one(c, "SELECT read_file('" + in.resolve("..").resolve("secret.txt") + "')"));
            assertMentions(escape, "fs.read", "does not cover");
            SQLException write = assertThrows(SQLException.class,
                    () -> one(c, "SELECT write_file('" + outside + "', 'x')"));
            assertMentions(write, "fs.write", "does not cover");
            assertEquals("secret", Files.readString(outside));
            assertEquals(5, ((byte[]) one(c, "SELECT read_file('" + in.resolve("a.txt") + "')")).length);
        }
    }

    @Test
    void aBareNameCollisionWithAJavaExtensionIsRefusedAndResolvedByPrefix() throws SQLException {
        String probe = item("testing", "probe");
        String grants = "&grants=probe:clock,probe:random,probe:fs.read=/tmp,probe:fs.write=/tmp,clockx:clock";
        SQLException e = assertThrows(SQLException.class,
                () -> open("extensions=" + probe + ",clockx" + grants).close());
        assertMentions(e, "now_ms", "probe", "clockx", "bare=");
        try (Connection c = open("extensions=" + probe + ";bare=none,clockx" + grants)) {
            long wasm = ((Number) one(c, "SELECT probe_now_ms()")).longValue();
            long java = ((Number) one(c, "SELECT now_ms()")).longValue();
            assertTrue(Math.abs(wasm - java) < 60_000);
            assertEquals(java, ((Number) one(c, "SELECT clockx_now_ms()")).longValue(), 60_000);
        }
    }

    @Test
    void pooledConnectionsShareOneCompilation() throws Exception {
        // A copy with an extra custom section: same code, a hash no other test has compiled.
        Path unique = Files.write(dir.resolve("unique.wasm"), withCustomSection(Files.readAllBytes(wasm("stats", "stats")),
                UUID.randomUUID().toString()));
        String url = "jdbc:sqlink::memory:?extensions=file:" + unique + "#sha256="
                + WasmModules.sha256(Files.readAllBytes(unique)) + "&grants=stats:env=HOME";
        SqlinkConnectionPoolDataSource ds = new SqlinkConnectionPoolDataSource();
        ds.setUrl(url);
        int before = ModuleCompiler.compilations();
        PooledConnection a = ds.getPooledConnection();
        PooledConnection b = ds.getPooledConnection();
        try (Connection ca = a.getConnection(); Connection cb = b.getConnection()) {
            assertEquals("integer 1", one(ca, "SELECT describe(1)"));
            assertEquals("integer 2", one(cb, "SELECT describe(2)"));
            // each connection has its own instance: a group open on one is unknown to the other
            assertEquals(0.0, one(ca, "SELECT stddev(x) FROM (SELECT 1 AS x UNION ALL SELECT 1)"));
        } finally {
            a.close();
            b.close();
        }
        assertEquals(1, ModuleCompiler.compilations() - before, "two pooled connections compiled it once");
    }

    /** {@code wasm} plus a custom section (id 0) named "test" holding {@code payload}. */
    static byte[] withCustomSection(byte[] wasm, String payload) {
        byte[] name = "test".getBytes(StandardCharsets.UTF_8);
        byte[] data = payload.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(wasm);
        out.write(0);
        out.write(1 + name.length + data.length); // small enough for a one-byte LEB128
        out.write(name.length);
        out.writeBytes(name);
        out.writeBytes(data);
        return out.toByteArray();
    }
}

package dev.sqlink.jdbc.ext.wasm;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.wasm.WasmFiles.wasm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.spi.Extension;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The seam bundles use: load from bytes, build to stored classes, load from them without compiling. */
class WasmModulesTest {
    private static byte[] uniqueStats() throws Exception {
        return WasmLoadingTest.withCustomSection(Files.readAllBytes(wasm("stats", "stats")), UUID.randomUUID().toString());
    }

    @Test
    void loadGivesTheManifestWithItsContentHash() throws Exception {
        byte[] bytes = Files.readAllBytes(wasm("textkit", "textkit"));
        String sha = WasmModules.sha256(bytes);
        Extension e = WasmModules.load(bytes, sha.toUpperCase(java.util.Locale.ROOT));
        assertEquals("textkit", e.manifest().name());
        assertEquals(sha, e.manifest().contentHash());
        assertMentions(assertThrows(SQLException.class, () -> WasmModules.load(bytes, "ab".repeat(32))),
                "expected sha256 " + "ab".repeat(32), "actual sha256 " + sha);
    }

    @Test
    void aBuiltFormLoadsWithoutCompilingAndOnlyForItsModule() throws Exception {
        byte[] original = uniqueStats();
        byte[] built = WasmModules.build(original);
        assertArrayEquals(built, WasmModules.build(original), "building again gives the same bytes");

        byte[] other = uniqueStats(); // a module this JVM has not compiled
        String otherSha = WasmModules.sha256(other);
        assertMentions(assertThrows(SQLException.class, () -> WasmModules.loadBuilt(other, otherSha, built)),
                "belongs to another module");

        // The same code under another hash: reuse is refused, so test "no compile" on a fresh module's own build.
        int before = ModuleCompiler.compilations();
        byte[] fresh = uniqueStats();
        byte[] freshBuilt = WasmModules.build(fresh);
        assertEquals(1, ModuleCompiler.compilations() - before);
        // Forget the compiled module, then load from the built form: no compilation.
        WasmModules.forget(WasmModules.sha256(fresh));
        Extension e = WasmModules.loadBuilt(fresh, WasmModules.sha256(fresh), freshBuilt);
        assertEquals("stats", e.manifest().name());
        assertEquals(1, ModuleCompiler.compilations() - before, "loadBuilt did not compile");

        byte[] altered = freshBuilt.clone();
        altered[altered.length / 2] ^= 1;
        WasmModules.forget(WasmModules.sha256(fresh));
        SQLException bad = assertThrows(SQLException.class,
                () -> WasmModules.loadBuilt(fresh, WasmModules.sha256(fresh), altered));
        assertTrue(bad.getMessage().contains("built form"), bad.getMessage());
        assertMentions(assertThrows(SQLException.class,
                () -> WasmModules.loadBuilt(fresh, WasmModules.sha256(fresh), new byte[] {1, 2, 3})), "built form");
    }

    @Test
    void bytesThatAreNotAModuleAreAClearError() {
        byte[] garbage = "not wasm at all".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertMentions(assertThrows(SQLException.class, () -> WasmModules.load(garbage, WasmModules.sha256(garbage))),
                "is not a valid WebAssembly module");
    }

    @Test
    void aModuleImportingWasiIsRefused() throws Exception {
        java.io.ByteArrayOutputStream m = new java.io.ByteArrayOutputStream();
        m.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        m.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type section: () -> ()
        byte[] module = "wasi_snapshot_preview1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] name = "fd_write".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        m.write(2); // import section
        m.write(1 + 1 + module.length + 1 + name.length + 2);
        m.write(1);
        m.write(module.length);
        m.writeBytes(module);
        m.write(name.length);
        m.writeBytes(name);
        m.writeBytes(new byte[] {0, 0}); // a function of type 0
        m.writeBytes(new byte[] {5, 3, 1, 0, 1}); // memory section: one memory, 1 page
        m.writeBytes(new byte[] {7, 10, 1, 6, 'm', 'e', 'm', 'o', 'r', 'y', 2, 0}); // export it
        byte[] wasm = m.toByteArray();
        assertMentions(assertThrows(SQLException.class, () -> WasmModules.load(wasm, WasmModules.sha256(wasm))),
                "imports wasi_snapshot_preview1.fd_write", "no WASI");
    }

    @Test
    void buildTargetNamesTheCompilerOnTheClassPath() throws Exception {
        Properties p = new Properties();
        try (InputStream in = com.dylibso.chicory.compiler.MachineFactoryCompiler.class
                .getResourceAsStream("/META-INF/maven/com.dylibso.chicory/compiler/pom.properties")) {
            if (in == null) {
                return; // not packaged with Maven metadata: nothing to compare
            }
            p.load(in);
        }
        assertTrue(WasmModules.buildTarget().startsWith("chicory-" + p.getProperty("version") + "/"),
                WasmModules.buildTarget() + " vs compiler " + p.getProperty("version"));
    }
}

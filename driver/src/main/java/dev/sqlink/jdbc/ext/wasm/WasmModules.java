package dev.sqlink.jdbc.ext.wasm;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sqlink.spi.Capability;
import dev.sqlink.spi.Extension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Wasm extensions from bytes: verified by content hash, compiled once per JVM (cached by that
 * hash, so N pooled connections compile once), read for their manifest and checked against the
 * ABI. Also the seam for storing compiled classes ({@link #build}, {@link #loadBuilt}) so a
 * bundle can skip compilation.
 */
public final class WasmModules {
    private WasmModules() {}

    /**
     * Compiled classes call Chicory's runtime by class name, so they suit only the same Chicory
     * version under the same package names (a shaded jar relocates them; the original name is
     * assembled at run time because shading rewrites string constants that look like it).
     */
    private static final String BUILD_TARGET = "chicory-1.7.5/java-17"
            + (Instance.class.getPackageName().equals(String.join(".", "com", "dylibso", "chicory", "runtime")) ? ""
                    : "/" + Instance.class.getPackageName());
    private static final String BUILD_INFO = "sqlink-wasm-build.properties";
    private static final String BUILD_CLASSES = "chicory-classes.jar";
    /** Longest manifest read from a module: a manifest is a few KiB. */
    private static final int MAX_MANIFEST_BYTES = 1 << 20;

    private static final Cache<String, WasmExtension> LOADED = Caffeine.newBuilder().maximumSize(256).build();

    /**
     * The extension in {@code wasm}, whose SHA-256 must be {@code sha256Hex}: nothing is parsed or
     * compiled unless it matches. Compiled at first use, then shared.
     */
    public static Extension load(byte[] wasm, String sha256Hex) throws SQLException {
        String sha = verify(wasm, sha256Hex);
        return loaded(sha, () -> ModuleCompiler.compile(wasm, sha, null));
    }

    /**
     * The module's JVM classes, as one byte array (a zip) that {@link #loadBuilt} accepts on any
     * JVM whose {@link #buildTarget()} is the same. Also caches the compiled module here.
     */
    public static byte[] build(byte[] wasm) throws SQLException {
        String sha = sha256(wasm);
        WasmExtension e = loaded(sha, () -> ModuleCompiler.compile(wasm, sha, null));
        return pack(sha, e.compiled().machineJar);
    }

    /**
     * Like {@link #load}, with classes from {@link #build} instead of compiling. A built form
     * for another module or another {@link #buildTarget()}, or one that was altered, is refused.
     */
    public static Extension loadBuilt(byte[] wasm, String sha256Hex, byte[] built) throws SQLException {
        String sha = verify(wasm, sha256Hex);
        byte[] jar = unpack(sha, built);
        return loaded(sha, () -> ModuleCompiler.compile(wasm, sha, jar));
    }

    /** What a built form depends on: the compiler's version and the class file level. */
    public static String buildTarget() {
        return BUILD_TARGET;
    }

    /** Drops a compiled module from this JVM's cache (tests; connections using it keep it). */
    static void forget(String sha256) {
        LOADED.invalidate(sha256);
    }

    // ------------------------------------------------------------------ loading

    private interface Compile {
        CompiledModule run() throws SQLException;
    }

    private static WasmExtension loaded(String sha, Compile compile) throws SQLException {
        try {
            return LOADED.get(sha, k -> {
                try {
                    CompiledModule m = compile.run();
                    return new WasmExtension(m, readManifest(m));
                } catch (SQLException e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed f) {
            throw f.reason;
        }
    }

    /** Carries a checked failure out of the cache's loader; nothing is cached then. */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final SQLException reason;

        Failed(SQLException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    /** Runs the module's {@code sqlink_manifest} in a throw-away instance and checks the result. */
    private static WasmManifest readManifest(CompiledModule m) throws SQLException {
        String who = "wasm module " + m.sha256;
        ExtensionRuntime probe = new ExtensionRuntime(m, who, WasmLimits.DEFAULT, null);
        String json;
        Instance instance;
        try {
            probe.start();
            instance = probe.instanceForChecks();
            FunctionType t = instance.exportType(WasmAbi.MANIFEST_EXPORT);
            if (t == null || !t.equals(WasmAbi.MANIFEST_TYPE)) {
                throw new SQLException(who + " must export " + WasmAbi.MANIFEST_EXPORT + " "
                        + WasmAbi.describe(WasmAbi.MANIFEST_TYPE) + " (docs/wasm-extension-abi.md)", "HY024");
            }
            int p = (int) probe.call(WasmAbi.MANIFEST_EXPORT)[0];
            json = cString(instance, p, who);
        } catch (WasmCallException e) {
            throw new SQLException(who + ": reading its manifest failed: " + e.getMessage(), "HY024", e);
        }
        WasmManifest manifest;
        try {
            manifest = WasmManifest.parse(json, m.sha256);
        } catch (WasmManifest.BadManifest e) {
            throw new SQLException(who + " has an invalid manifest: " + e.getMessage() + " (docs/wasm-extension-abi.md)",
                    "HY024");
        }
        String name = "extension '" + manifest.manifest.name() + "' (" + who + ")";
        checkExport(instance, WasmAbi.BUFFER_EXPORT, WasmAbi.BUFFER_TYPE, name, "the host passes arguments there");
        for (WasmManifest.Binding b : manifest.bindings) {
            for (Map.Entry<String, FunctionType> e : b.exports().entrySet()) {
                checkExport(instance, e.getKey(), e.getValue(), name, "its manifest lists " + b.object);
            }
        }
        for (int i = 0; i < m.module.importSection().importCount(); i++) {
            String imported = m.module.importSection().getImport(i).name();
            Capability needed = WasmAbi.IMPORTS.get(imported).capability;
            if (needed != null && !manifest.manifest.capabilities().contains(needed)) {
                throw new SQLException(name + " imports sqlink." + imported + ", which needs capability '" + needed.id()
                        + "', but its manifest does not list it in capabilities; an extension must declare what it"
                        + " may use", "HY024");
            }
        }
        return manifest;
    }

    private static void checkExport(Instance instance, String export, FunctionType type, String name, String why)
            throws SQLException {
        FunctionType actual = instance.exports().function(export) == null ? null : instance.exportType(export);
        if (actual == null) {
            throw new SQLException(name + " does not export function '" + export + "' " + WasmAbi.describe(type)
                    + ", which the ABI requires because " + why, "HY024");
        }
        if (!actual.equals(type)) {
            throw new SQLException(name + " exports '" + export + "' as " + WasmAbi.describe(actual) + " but the ABI"
                    + " requires " + WasmAbi.describe(type) + " (" + why + ")", "HY024");
        }
    }

    private static String cString(Instance instance, int p, String who) throws SQLException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            for (int i = 0; i < MAX_MANIFEST_BYTES; i++) {
                byte b = instance.memory().read(p + i);
                if (b == 0) {
                    return out.toString(StandardCharsets.UTF_8);
                }
                out.write(b);
            }
        } catch (RuntimeException e) {
            throw new SQLException(who + ": sqlink_manifest returned " + p + ", which is not a NUL-terminated string"
                    + " in its memory", "HY024", e);
        }
        throw new SQLException(who + ": the manifest at " + p + " is not NUL-terminated within "
                + MAX_MANIFEST_BYTES + " bytes", "HY024");
    }

    // ------------------------------------------------------------------ hashes and built forms

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static String verify(byte[] wasm, String expected) throws SQLException {
        String want = expected == null ? "" : expected.toLowerCase(java.util.Locale.ROOT);
        if (!want.matches("[0-9a-f]{64}")) {
            throw new SQLException("'" + expected + "' is not a SHA-256 (64 hex digits)", "HY024");
        }
        String actual = sha256(wasm);
        if (!actual.equals(want)) {
            throw new SQLException("wasm extension content does not match its pinned hash: expected sha256 " + want
                    + ", actual sha256 " + actual + "; nothing was loaded (if the new content is trusted, pin"
                    + " #sha256=" + actual + ")", "HY024");
        }
        return actual;
    }

    private static byte[] pack(String sha, byte[] jar) {
        Properties info = new Properties();
        info.setProperty("target", BUILD_TARGET);
        info.setProperty("sha256", sha);
        info.setProperty("classes.sha256", sha256(jar));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            info.store(text, null);
            put(zip, BUILD_INFO, stripDateComment(text.toByteArray()));
            put(zip, BUILD_CLASSES, jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Properties.store writes the current date as a comment; a built form should depend on its inputs only. */
    private static byte[] stripDateComment(byte[] text) {
        String s = new String(text, StandardCharsets.ISO_8859_1);
        return s.replaceAll("(?m)^#.*\\R", "").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    private static byte[] unpack(String sha, byte[] built) throws SQLException {
        Properties info = null;
        byte[] jar = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(built == null ? new byte[0] : built))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                if (e.getName().equals(BUILD_INFO)) {
                    info = new Properties();
                    info.load(new ByteArrayInputStream(zip.readAllBytes()));
                } else if (e.getName().equals(BUILD_CLASSES)) {
                    jar = zip.readAllBytes();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SQLException("the built form of wasm module " + sha + " is not readable (" + e
                    + "); rebuild it with WasmModules.build", "HY024", e);
        }
        if (info == null || jar == null) {
            throw new SQLException("the built form of wasm module " + sha + " lacks " + (info == null ? BUILD_INFO
                    : BUILD_CLASSES) + "; rebuild it with WasmModules.build", "HY024");
        }
        if (!BUILD_TARGET.equals(info.getProperty("target"))) {
            throw new SQLException("the built form of wasm module " + sha + " is for " + info.getProperty("target")
                    + ", not " + BUILD_TARGET + "; rebuild it with WasmModules.build", "HY024");
        }
        if (!sha.equals(info.getProperty("sha256"))) {
            throw new SQLException("the built form is of wasm module " + info.getProperty("sha256") + ", not " + sha
                    + "; it belongs to another module", "HY024");
        }
        if (!sha256(jar).equals(info.getProperty("classes.sha256"))) {
            throw new SQLException("the built form of wasm module " + sha + " was altered (its classes do not match"
                    + " their recorded hash); rebuild it with WasmModules.build", "HY024");
        }
        return jar;
    }
}

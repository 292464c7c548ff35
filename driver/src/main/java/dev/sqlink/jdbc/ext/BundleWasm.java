package dev.sqlink.jdbc.ext;

import dev.sqlink.jdbc.ext.wasm.WasmModules;
import dev.sqlink.spi.Extension;
import java.sql.SQLException;

/**
 * The wasm host as bundles use it: load a module (compiling it now), compile one ahead of time
 * into opaque bytes, load from those bytes, and name the target the bytes are valid for. One
 * seam, so the bundle code does not depend on how the wasm host is put together.
 */
final class BundleWasm {
    private BundleWasm() {}

    static Extension load(byte[] wasm, String sha256) throws SQLException {
        return WasmModules.load(wasm, sha256);
    }

    static Extension loadBuilt(byte[] wasm, String sha256, byte[] built) throws SQLException {
        return WasmModules.loadBuilt(wasm, sha256, built);
    }

    static byte[] build(byte[] wasm) throws SQLException {
        return WasmModules.build(wasm);
    }

    /** Which Chicory and Java versions a built form belongs to. */
    static String buildTarget() {
        return WasmModules.buildTarget();
    }
}

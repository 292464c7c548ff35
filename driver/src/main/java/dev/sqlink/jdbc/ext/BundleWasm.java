package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Extension;
import java.sql.SQLException;

/**
 * The wasm host as bundles use it: load a module (compiling it now), compile one ahead of time
 * into opaque bytes, load from those bytes, and name the target the bytes are valid for.
 * Until the wasm host is part of this build, every call says so.
 */
final class BundleWasm {
    private BundleWasm() {}

    static boolean available() {
        return false;
    }

    static Extension load(byte[] wasm, String sha256) throws SQLException {
        throw unavailable();
    }

    static Extension loadBuilt(byte[] wasm, String sha256, byte[] built) throws SQLException {
        throw unavailable();
    }

    static byte[] build(byte[] wasm) throws SQLException {
        throw unavailable();
    }

    /** Which Chicory and Java versions a built form belongs to. */
    static String buildTarget() throws SQLException {
        throw unavailable();
    }

    private static SQLException unavailable() {
        return new SQLException("wasm extensions are not available in this build of sqlink", "0A000");
    }
}

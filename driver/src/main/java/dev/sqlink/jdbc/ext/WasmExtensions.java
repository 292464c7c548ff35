package dev.sqlink.jdbc.ext;

import dev.sqlink.spi.Extension;
import java.sql.SQLException;

/** Placeholder until the wasm host lands. */
final class WasmExtensions {
    private WasmExtensions() {}

    static Extension load(String path, String sha256) throws SQLException {
        throw new SQLException("wasm extensions are not available yet", "0A000");
    }
}

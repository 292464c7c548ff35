package dev.sqlink.jdbc.ext;

import dev.sqlink.jdbc.ext.wasm.WasmModules;
import dev.sqlink.spi.Extension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/** Wasm extensions named in the {@code extensions} property as {@code file:PATH#sha256=HEX}. */
final class WasmExtensions {
    private WasmExtensions() {}

    static Extension load(String path, String sha256) throws SQLException {
        byte[] wasm;
        try {
            wasm = Files.readAllBytes(Path.of(path));
        } catch (IOException | RuntimeException e) {
            throw new SQLException("cannot read wasm extension file:" + path + "#sha256=" + sha256 + ": " + e, "HY024", e);
        }
        try {
            return WasmModules.load(wasm, sha256);
        } catch (SQLException e) {
            throw new SQLException("wasm extension file:" + path + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }
}

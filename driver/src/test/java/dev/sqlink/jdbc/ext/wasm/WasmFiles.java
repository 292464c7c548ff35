package dev.sqlink.jdbc.ext.wasm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The committed example and test extensions (extensions-wasm/), and JDBC helpers for their tests. */
final class WasmFiles {
    private WasmFiles() {}

    static final Path ROOT = Path.of("..", "extensions-wasm").toAbsolutePath().normalize();

    static Path wasm(String folder, String name) {
        Path p = ROOT.resolve(folder).resolve(name + ".wasm");
        assertTrue(Files.exists(p), "missing " + p + " (run extensions-wasm/build.sh)");
        return p;
    }

    /** The committed hash of {@code folder/name.wasm}. */
    static String sha(String folder, String name) {
        try {
            return Files.readString(ROOT.resolve(folder).resolve(name + ".wasm.sha256")).split("\\s+")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file:PATH#sha256=HEX} for a committed extension. */
    static String item(String folder, String name) {
        return "file:" + wasm(folder, name) + "#sha256=" + sha(folder, name);
    }

    static Connection open(String query) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlink::memory:?" + query);
    }

    static List<Object> column(Connection c, String sql) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1));
            }
        }
        return out;
    }

    static Object one(Connection c, String sql) throws SQLException {
        return column(c, sql).get(0);
    }

    static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }
}

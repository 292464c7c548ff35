package dev.sqlink.jdbc.ext;

import dev.sqlink.jdbc.SqlinkConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * One side of {@link BundleProcessesTest}: through JDBC URLs only, saves bundles of varying
 * extensions, opens connections by them, exports and imports, and garbage-collects, in a loop
 * on a shared store. Run as a second JVM and as a thread of the test's own JVM at once.
 */
public final class BundleWorker {
    static final String[] SETS = {"crypto", "regexp,%s", "crypto,regexp,fts5"};

    public static void main(String[] args) throws Exception {
        run(Path.of(args[0]), args[1], Integer.parseInt(args[2]), args[3]);
    }

    /** @param statsItem the {@code file:...#sha256=...} item of the wasm example */
    static void run(Path store, String id, int rounds, String statsItem) throws Exception {
        String base = "jdbc:sqlink::memory:?bundle_store=" + store;
        Path exports = Files.createDirectories(store.resolveSibling("exports-" + id));
        for (int i = 0; i < rounds; i++) {
            String set = String.format(SETS[i % SETS.length], statsItem);
            String grants = set.contains("stats") ? "&grants=stats:env=HOME" : "";
            String name = id + "-" + i;
            try (Connection c = DriverManager.getConnection(base + "&extensions=" + set + grants)) {
                query(c, "SELECT sqlink_bundle_save('" + name + "')");
                c.unwrap(SqlinkConnection.class).bundles().export(name, exports.resolve(i % 2 + ".json"));
            }
            try (Connection c = DriverManager.getConnection(base + "&bundle=" + name + grants)) {
                c.unwrap(SqlinkConnection.class).bundles().importFrom(exports.resolve(i % 2 + ".json"), id + "-copy");
                query(c, "SELECT sqlink_bundle_gc()");
                query(c, "SELECT count(*) FROM sqlink_bundles");
            }
        }
    }

    private static void query(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            if (!rs.next()) {
                throw new AssertionError("no row from " + sql);
            }
        }
    }
}

package dev.sqlink.jdbc.ext;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The few JDBC steps the extension, wasm and bundle tests all take, in one place. */
public final class JdbcQueries {
    private JdbcQueries() {}

    /** An in-memory connection with {@code query} as its URL properties. */
    public static Connection open(String query) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlink::memory:?" + query);
    }

    public static List<Object> column(Connection c, String sql) throws SQLException {
        List<Object> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getObject(1));
            }
        }
        return out;
    }

    public static Object one(Connection c, String sql) throws SQLException {
        return column(c, sql).get(0);
    }

    public static void assertMentions(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "expected '" + p + "' in: " + e.getMessage());
        }
    }
}

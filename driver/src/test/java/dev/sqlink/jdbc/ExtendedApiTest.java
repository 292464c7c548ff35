package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.Aggregate;
import dev.sqlink.engine.FunctionArgs;
import dev.sqlink.engine.FunctionFlags;
import dev.sqlink.engine.FunctionResult;
import dev.sqlink.engine.Hooks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtendedApiTest {
    @TempDir
    Path dir;

    private static String one(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    @Test
    void functionsAggregatesAndCollations() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            SqlinkConnection x = c.unwrap(SqlinkConnection.class);
            x.createFunction("twice", 1, FunctionFlags.DETERMINISTIC, (args, result) -> result.setLong(args.getLong(0) * 2));
            assertEquals("42", one(c, "SELECT twice(21)"));
            x.createAggregate("joined", 1, 0, () -> new Aggregate() {
                final StringBuilder b = new StringBuilder();

                @Override
                public void step(FunctionArgs args) {
                    b.append(args.getText(0));
                }

                @Override
                public void finish(FunctionResult result) {
                    result.setText(b.toString());
                }
            });
            c.createStatement().execute("CREATE TABLE t(s); INSERT INTO t VALUES ('b'), ('a'), ('C');");
            assertEquals("baC", one(c, "SELECT joined(s) FROM t"));
            x.createCollation("reverse", (p, q) -> q.compareTo(p));
            assertEquals("b", one(c, "SELECT s FROM t ORDER BY s COLLATE reverse LIMIT 1"));
            x.createFunction("boom", 0, 0, (args, result) -> {
                throw new IllegalStateException("kaput");
            });
            SQLException e = assertThrows(SQLException.class, () -> one(c, "SELECT boom()"));
            assertTrue(e.getMessage().contains("kaput"), e.getMessage());
            x.removeFunction("twice", 1);
            assertThrows(SQLException.class, () -> one(c, "SELECT twice(1)"));
        }
    }

    @Test
    void hooks() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            SqlinkConnection x = c.unwrap(SqlinkConnection.class);
            List<String> events = new ArrayList<>();
            x.setUpdateHook((op, db, table, rowid) -> events.add(op + ":" + table + ":" + rowid));
            x.setCommitHook(() -> {
                events.add("commit");
                return false;
            });
            x.setRollbackHook(() -> events.add("rollback"));
            c.createStatement().execute("CREATE TABLE t(x)");
            events.clear();
            c.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            assertEquals(List.of(Hooks.Authorizer.INSERT + ":t:1", "commit"), events);
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("DELETE FROM t");
            c.rollback();
            assertEquals("rollback", events.get(events.size() - 1));
        }
    }

    @Test
    void backupRestoreSerializeAndStatus() throws SQLException {
        Path file = dir.resolve("backup.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            SqlinkConnection x = c.unwrap(SqlinkConnection.class);
            c.createStatement().execute("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2);");
            List<Integer> remaining = new ArrayList<>();
            x.backup("main", file.toString(), 1, (left, total) -> remaining.add(left));
            assertEquals(0, remaining.get(remaining.size() - 1));
            byte[] image = x.serialize("main");
            assertTrue(image.length >= 1024);
            assertTrue(x.databaseStatus(0, false).length == 2);
            assertTrue(x.totalChanges() >= 2);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            c.unwrap(SqlinkConnection.class).restore("main", file.toString(), -1, null);
            assertEquals("2", one(c, "SELECT count(*) FROM t"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:" + file)) {
            assertEquals("2", one(c, "SELECT count(*) FROM t"), "the backup is an ordinary database file");
        }
    }

    @Test
    void extendedApiFailsCleanlyAfterClose() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlink:");
        SqlinkConnection x = c.unwrap(SqlinkConnection.class);
        c.close();
        SQLException e = assertThrows(SQLException.class, () -> x.createFunction("f", 0, 0, (a, r) -> r.setNull()));
        assertInstanceOf(java.sql.SQLNonTransientConnectionException.class, e);
    }
}

package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest {
    private static final String ENDLESS =
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c";

    Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlink:");
        c.createStatement().execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    @Test
    void scriptRunsEveryStatementAndTheResultLoopEnds() throws SQLException {
        Statement s = c.createStatement();
        boolean isRs = s.execute("INSERT INTO t(v) VALUES ('a'); INSERT INTO t(v) VALUES ('b'), ('c');"
                + " -- a comment\n SELECT v FROM t ORDER BY id; UPDATE t SET v = 'z'; CREATE TABLE u(x); ");
        List<Object> results = new ArrayList<>();
        int guard = 0;
        while (true) {
            if (isRs) {
                ResultSet rs = s.getResultSet();
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                    b.append(rs.getString(1));
                }
                results.add(b.toString());
            } else {
                int count = s.getUpdateCount();
                if (count == -1) {
                    break;
                }
                results.add(count);
            }
            isRs = s.getMoreResults();
            assertTrue(++guard < 20, "the loop must end");
        }
        assertEquals(List.of(1, 2, "abc", 3, 0), results);
        assertEquals(3, ConnectionTest.count(c, "t"));
    }

    @Test
    void scriptWithoutQueriesRunsEagerly() throws SQLException {
        Statement s = c.createStatement();
        assertFalse(s.execute("INSERT INTO t(v) VALUES ('a'); INSERT INTO t(v) VALUES ('b'); DELETE FROM t WHERE v = 'a'"));
        assertEquals(1, ConnectionTest.count(c, "t"), "all statements ran without walking the results");
        assertEquals(1, s.executeUpdate("INSERT INTO t(v) VALUES ('x'); INSERT INTO t(v) VALUES ('y')"));
        assertEquals(3, ConnectionTest.count(c, "t"));
    }

    @Test
    void scriptStopsAtTheFirstError() throws SQLException {
        Statement s = c.createStatement();
        assertThrows(SQLException.class, () -> s.execute("INSERT INTO t(v) VALUES ('a'); INSERT INTO nope VALUES (1); INSERT INTO t(v) VALUES ('b')"));
        assertEquals(1, ConnectionTest.count(c, "t"));
    }

    @Test
    void updateCountsMatchSqlite() throws SQLException {
        Statement s = c.createStatement();
        assertEquals(3, s.executeUpdate("INSERT INTO t(v) VALUES ('a'), ('b'), ('c')"));
        assertEquals(0, s.executeUpdate("CREATE TABLE other(x)"), "DDL counts 0, not the previous DML's count");
        assertEquals(2, s.executeLargeUpdate("UPDATE t SET v = 'x' WHERE id < 3"));
        assertEquals(0, s.executeUpdate("DELETE FROM t WHERE id > 100"));
        assertEquals(0, s.executeUpdate("PRAGMA journal_mode"), "rows of a PRAGMA are discarded by executeUpdate");
    }

    @Test
    void executeQueryAndExecuteUpdateRefuseTheWrongKind() throws SQLException {
        Statement s = c.createStatement();
        assertThrows(SQLException.class, () -> s.executeQuery("INSERT INTO t(v) VALUES ('a')"));
        assertEquals(0, ConnectionTest.count(c, "t"), "executeQuery refused before running the INSERT");
        PreparedStatement ps = c.prepareStatement("INSERT INTO t(v) VALUES (?)");
        assertThrows(SQLException.class, ps::executeQuery);
    }

    @Test
    void batchesWithCountsAndFailure() throws SQLException {
        Statement s = c.createStatement();
        s.addBatch("INSERT INTO t(v) VALUES ('a')");
        s.addBatch("INSERT INTO t(v) VALUES ('b'), ('c')");
        s.addBatch("UPDATE t SET v = 'z'");
        assertArrayEquals(new int[] {1, 2, 3}, s.executeBatch());
        assertArrayEquals(new int[0], s.executeBatch(), "the batch is cleared");

        s.addBatch("INSERT INTO t(id, v) VALUES (10, 'a')");
        s.addBatch("INSERT INTO t(id, v) VALUES (10, 'dup')");
        s.addBatch("INSERT INTO t(id, v) VALUES (11, 'never')");
        BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
        assertArrayEquals(new int[] {1}, e.getUpdateCounts());
        assertArrayEquals(new long[] {1}, e.getLargeUpdateCounts());
        assertEquals("23505", e.getSQLState());

        PreparedStatement ps = c.prepareStatement("INSERT INTO t(id, v) VALUES (?, ?)");
        for (int i = 20; i < 25; i++) {
            ps.setInt(1, i);
            ps.setString(2, "v" + i);
            ps.addBatch();
        }
        assertArrayEquals(new long[] {1, 1, 1, 1, 1}, ps.executeLargeBatch());
        ps.setInt(1, 30);
        ps.setString(2, "ok");
        ps.addBatch();
        ps.setInt(1, 20);
        ps.setString(2, "duplicate");
        ps.addBatch();
        BatchUpdateException pe = assertThrows(BatchUpdateException.class, ps::executeBatch);
        assertArrayEquals(new int[] {1}, pe.getUpdateCounts());
        assertEquals(10, ConnectionTest.count(c, "t"));
    }

    @Test
    void generatedKeysForSingleAndMultiRowInserts() throws SQLException {
        Statement s = c.createStatement();
        assertEquals(1, s.executeUpdate("INSERT INTO t(v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS));
        ResultSet keys = s.getGeneratedKeys();
        assertTrue(keys.next());
        assertEquals(1, keys.getLong(1));
        assertEquals(1, keys.getLong("last_insert_rowid()"));
        assertFalse(keys.next());

        PreparedStatement ps = c.prepareStatement("INSERT INTO t(v) VALUES (?), (?), (?);", Statement.RETURN_GENERATED_KEYS);
        ps.setString(1, "x");
        ps.setString(2, "y");
        ps.setString(3, "z");
        assertEquals(3, ps.executeUpdate());
        keys = ps.getGeneratedKeys();
        List<Long> ids = new ArrayList<>();
        while (keys.next()) {
            ids.add(keys.getLong(1));
        }
        assertEquals(List.of(2L, 3L, 4L), ids);

        PreparedStatement byName = c.prepareStatement("INSERT INTO t(v) VALUES (?)", new String[] {"id", "v"});
        byName.setString(1, "named");
        byName.executeUpdate();
        keys = byName.getGeneratedKeys();
        assertTrue(keys.next());
        assertEquals(5, keys.getLong("id"));
        assertEquals("named", keys.getString("v"));

        PreparedStatement byIndex = c.prepareStatement("INSERT INTO t(v) VALUES ('i')", new int[] {1});
        byIndex.executeUpdate();
        keys = byIndex.getGeneratedKeys();
        assertTrue(keys.next());
        assertEquals(6, keys.getLong(1));
        assertEquals("id", keys.getMetaData().getColumnName(1));
    }

    @Test
    void generatedKeysWithoutRequestFollowSqliteJdbc() throws SQLException {
        Statement s = c.createStatement();
        s.executeUpdate("INSERT INTO t(v) VALUES ('a')");
        ResultSet keys = s.getGeneratedKeys();
        assertTrue(keys.next(), "sqlite-jdbc returns last_insert_rowid() even when keys were not requested");
        assertEquals(1, keys.getLong(1));
        s.executeUpdate("UPDATE t SET v = 'b'");
        assertFalse(s.getGeneratedKeys().next());
        try (Connection off = DriverManager.getConnection("jdbc:sqlink::memory:?jdbc.get_generated_keys=false")) {
            off.createStatement().execute("CREATE TABLE k(id INTEGER PRIMARY KEY)");
            Statement os = off.createStatement();
            os.executeUpdate("INSERT INTO k DEFAULT VALUES", Statement.RETURN_GENERATED_KEYS);
            assertFalse(os.getGeneratedKeys().next());
        }
    }

    @Test
    void queryTimeoutInterruptsPromptly() throws SQLException {
        Statement s = c.createStatement();
        s.setQueryTimeout(1);
        long start = System.nanoTime();
        SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> s.executeQuery(ENDLESS));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertTrue(seconds < 10, "stopped after " + seconds + " s");
        assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        s.setQueryTimeout(0);
        try (ResultSet rs = s.executeQuery("SELECT 7")) {
            assertTrue(rs.next(), "the connection works after an interrupt");
            assertEquals(7, rs.getInt(1));
        }
    }

    @Test
    void cancelFromAnotherThread() throws Exception {
        PreparedStatement ps = c.prepareStatement(ENDLESS);
        CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
            try {
                ps.executeQuery();
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(300);
        long start = System.nanoTime();
        while (!running.isDone() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(20)) {
            ps.cancel();
            Thread.sleep(50);
        }
        Throwable t = running.get(5, TimeUnit.SECONDS);
        assertInstanceOf(SQLTimeoutException.class, t);
        assertEquals(9, ((SQLException) t).getErrorCode()); // SQLITE_INTERRUPT
        assertEquals(0, ConnectionTest.count(c, "t"));
    }

    @Test
    void maxRowsAndFetchSize() throws SQLException {
        Statement s = c.createStatement();
        s.executeUpdate("INSERT INTO t(v) VALUES ('a'), ('b'), ('c'), ('d')");
        s.setMaxRows(2);
        s.setFetchSize(100);
        assertEquals(100, s.getFetchSize());
        ResultSet rs = s.executeQuery("SELECT v FROM t");
        assertTrue(rs.next());
        assertTrue(rs.next());
        assertFalse(rs.next());
        assertThrows(SQLException.class, () -> s.setMaxRows(-1));
    }

    @Test
    void preparedStatementParametersAndMetadata() throws SQLException {
        PreparedStatement ps = c.prepareStatement("INSERT INTO t(id, v) VALUES (?, ?)");
        ParameterMetaData pm = ps.getParameterMetaData();
        assertEquals(2, pm.getParameterCount());
        ps.setLong(1, 5);
        assertEquals(Types.BIGINT, pm.getParameterType(1));
        SQLException unset = assertThrows(SQLException.class, ps::executeUpdate);
        assertTrue(unset.getMessage().contains("parameter 2"), unset.getMessage());
        ps.setNull(2, Types.VARCHAR);
        assertEquals(1, ps.executeUpdate());
        SQLException range = assertThrows(SQLException.class, () -> ps.setInt(3, 1));
        assertEquals("07009", range.getSQLState());
        ps.clearParameters();
        assertThrows(SQLException.class, ps::executeUpdate);
        assertThrows(SQLException.class, () -> ps.execute("SELECT 1"), "SQL text on a PreparedStatement");
        assertThrows(SQLException.class, () -> c.prepareStatement("SELECT 1; SELECT 2"));
    }

    @Test
    void preparedStatementCacheReusesCompiledStatements() throws SQLException {
        JdbcConnection jc = c.unwrap(JdbcConnection.class);
        String sql = "SELECT v FROM t WHERE id = ?";
        PreparedStatement first = c.prepareStatement(sql);
        first.setInt(1, 1);
        first.executeQuery().close();
        assertEquals(0, jc.cachedStatementCount());
        first.close();
        assertEquals(1, jc.cachedStatementCount(), "closing returns the compiled statement");
        PreparedStatement again = c.prepareStatement(sql);
        assertEquals(0, jc.cachedStatementCount(), "taken back out");
        c.createStatement().executeUpdate("INSERT INTO t(id, v) VALUES (1, 'one')");
        again.setInt(1, 1);
        ResultSet rs = again.executeQuery();
        assertTrue(rs.next());
        assertEquals("one", rs.getString(1));
        again.close();
        try (Connection none = DriverManager.getConnection("jdbc:sqlink::memory:?statement_cache_size=0")) {
            none.prepareStatement("SELECT 1").close();
            assertEquals(0, none.unwrap(JdbcConnection.class).cachedStatementCount());
        }
    }

    @Test
    void statementCacheEvictsBeyondItsSize() throws SQLException {
        try (Connection small = DriverManager.getConnection("jdbc:sqlink::memory:?statement_cache_size=3")) {
            JdbcConnection jc = small.unwrap(JdbcConnection.class);
            for (int i = 0; i < 20; i++) {
                small.prepareStatement("SELECT " + i).close();
            }
            assertTrue(jc.cachedStatementCount() <= 3, "cache size " + jc.cachedStatementCount());
        }
    }

    @Test
    void closeOnCompletionAndResultSetReuse() throws SQLException {
        Statement s = c.createStatement();
        s.closeOnCompletion();
        ResultSet rs = s.executeQuery("SELECT 1");
        rs.close();
        assertTrue(s.isClosed());
        Statement s2 = c.createStatement();
        ResultSet first = s2.executeQuery("SELECT 1");
        s2.executeQuery("SELECT 2");
        assertTrue(first.isClosed(), "re-executing closes the previous result set");
        assertNull(s2.getResultSet() == null ? null : null);
    }
}

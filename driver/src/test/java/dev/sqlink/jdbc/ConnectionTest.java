package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {
    @TempDir
    Path dir;

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void commitAndRollback() throws SQLException {
        String url = "jdbc:sqlink:" + dir.resolve("tx.db");
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            a.createStatement().execute("CREATE TABLE t(x)");
            a.setAutoCommit(false);
            a.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            assertEquals(1, count(a, "t"));
            assertEquals(0, count(b, "t"), "uncommitted rows are invisible to another connection");
            a.commit();
            assertEquals(1, count(b, "t"));
            a.createStatement().executeUpdate("INSERT INTO t VALUES (2)");
            a.rollback();
            assertEquals(1, count(a, "t"));
            a.createStatement().executeUpdate("INSERT INTO t VALUES (3)");
            a.setAutoCommit(true); // commits, as JDBC requires
            assertEquals(2, count(b, "t"));
            assertThrows(SQLException.class, a::commit, "commit with auto-commit on is an error");
        }
    }

    @Test
    void savepointsNamedAndUnnamed() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            c.createStatement().execute("CREATE TABLE t(x)");
            assertThrows(SQLException.class, c::setSavepoint, "savepoints need auto-commit off");
            c.setAutoCommit(false);
            Statement s = c.createStatement();
            s.executeUpdate("INSERT INTO t VALUES (1)");
            Savepoint unnamed = c.setSavepoint();
            s.executeUpdate("INSERT INTO t VALUES (2)");
            Savepoint named = c.setSavepoint("second");
            s.executeUpdate("INSERT INTO t VALUES (3)");
            assertEquals("second", named.getSavepointName());
            assertThrows(SQLException.class, named::getSavepointId);
            assertTrue(unnamed.getSavepointId() > 0);
            assertThrows(SQLException.class, unnamed::getSavepointName);
            c.rollback(named);
            assertEquals(2, count(c, "t"));
            c.releaseSavepoint(named);
            c.rollback(unnamed);
            assertEquals(1, count(c, "t"));
            c.releaseSavepoint(unnamed);
            assertThrows(SQLException.class, () -> c.rollback(unnamed), "a released savepoint is gone");
            c.commit();
            assertEquals(1, count(c, "t"));
        }
    }

    @Test
    void releasingOutermostSavepointDoesNotCommit() throws SQLException {
        String url = "jdbc:sqlink:" + dir.resolve("sp.db");
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url)) {
            a.createStatement().execute("CREATE TABLE t(x)");
            a.setAutoCommit(false);
            Savepoint sp = a.setSavepoint();
            a.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
            a.releaseSavepoint(sp);
            assertEquals(0, count(b, "t"));
            a.rollback();
            assertEquals(0, count(a, "t"));
        }
    }

    @Test
    void transactionModeChoosesTheBeginStatement() throws SQLException {
        for (String mode : new String[] {"DEFERRED", "IMMEDIATE", "EXCLUSIVE", "DEFFERED"}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:?transaction_mode=" + mode)) {
                List<String> traced = new ArrayList<>();
                c.unwrap(SqlinkConnection.class).setTraceHandler((sql, nanos) -> {
                    if (nanos < 0) {
                        traced.add(sql);
                    }
                });
                c.setAutoCommit(false);
                assertTrue(traced.isEmpty(), "no transaction begins before a statement runs");
                count(c, "sqlite_schema");
                String expected = "BEGIN " + (mode.equals("DEFFERED") ? "DEFERRED" : mode);
                assertEquals(expected, traced.get(0));
                c.commit();
            }
        }
    }

    @Test
    void immediateTransactionModeTakesTheWriteLockAtBegin() throws SQLException {
        String url = "jdbc:sqlink:" + dir.resolve("imm.db");
        try (Connection setup = DriverManager.getConnection(url)) {
            setup.createStatement().execute("CREATE TABLE t(x)");
        }
        try (Connection a = DriverManager.getConnection(url + "?transaction_mode=IMMEDIATE");
                Connection b = DriverManager.getConnection(url + "?busy_timeout=0&transaction_mode=IMMEDIATE")) {
            a.setAutoCommit(false);
            count(a, "t"); // a read: with IMMEDIATE the transaction already holds the write lock
            b.setAutoCommit(false);
            SQLException e = assertThrows(SQLException.class, () -> count(b, "t"));
            assertInstanceOf(SQLTransientException.class, e);
            assertEquals(5, e.getErrorCode()); // SQLITE_BUSY
            a.commit();
            assertEquals(0, count(b, "t"));
        }
    }

    @Test
    void deferredTransactionModeDoesNotLockOnRead() throws SQLException {
        String url = "jdbc:sqlink:" + dir.resolve("def.db");
        try (Connection a = DriverManager.getConnection(url); Connection b = DriverManager.getConnection(url + "?busy_timeout=0")) {
            a.createStatement().execute("CREATE TABLE t(x)");
            a.setAutoCommit(false);
            count(a, "t"); // a read in a DEFERRED transaction holds only a SHARED lock
            b.createStatement().execute("BEGIN IMMEDIATE"); // so another writer can still reserve
            b.createStatement().execute("ROLLBACK");
            a.rollback();
        }
    }

    @Test
    void readOnlyCanBeToggledOutsideTransactions() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            c.createStatement().execute("CREATE TABLE t(x)");
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
            assertThrows(SQLException.class, () -> c.createStatement().execute("INSERT INTO t VALUES (1)"));
            assertEquals(0, count(c, "t"), "reading still works");
            c.setReadOnly(false);
            assertEquals(1, c.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
            c.setAutoCommit(false);
            c.createStatement().executeUpdate("INSERT INTO t VALUES (2)");
            assertThrows(SQLException.class, () -> c.setReadOnly(true), "not inside a transaction");
            c.commit();
            c.setReadOnly(true);
            assertTrue(c.isReadOnly());
        }
    }

    @Test
    void isolationLevels() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            assertEquals(Connection.TRANSACTION_READ_UNCOMMITTED, c.getTransactionIsolation());
            assertThrows(SQLException.class, () -> c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ));
        }
    }

    @Test
    void closingTheConnectionClosesStatementsAndResultSets() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlink:");
        Statement s = c.createStatement();
        s.execute("CREATE TABLE t(x); INSERT INTO t VALUES (1), (2);");
        ResultSet rs = s.executeQuery("SELECT x FROM t");
        PreparedStatement ps = c.prepareStatement("SELECT x FROM t WHERE x = ?");
        c.close();
        assertTrue(c.isClosed());
        assertTrue(s.isClosed());
        assertTrue(rs.isClosed());
        assertTrue(ps.isClosed());
        SQLException e = assertThrows(SQLException.class, c::createStatement);
        assertInstanceOf(SQLNonTransientConnectionException.class, e);
        assertEquals("08003", e.getSQLState());
        assertInstanceOf(SQLNonTransientConnectionException.class, assertThrows(SQLException.class, rs::next));
        assertInstanceOf(SQLNonTransientConnectionException.class,
                assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1")));
        c.close(); // idempotent
    }

    @Test
    void isValidAbortAndNetworkTimeout() throws Exception {
        Connection c = DriverManager.getConnection("jdbc:sqlink:");
        assertTrue(c.isValid(1));
        assertThrows(SQLException.class, () -> c.isValid(-1));
        c.setNetworkTimeout(Runnable::run, 5000);
        assertEquals(5000, c.getNetworkTimeout());
        c.abort(Runnable::run);
        assertTrue(c.isClosed());
        assertFalse(c.isValid(1));
    }

    @Test
    void clientInfoHoldabilityCatalogAndSchema() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            c.setClientInfo("ApplicationName", "tests");
            assertEquals("tests", c.getClientInfo("ApplicationName"));
            assertEquals("tests", c.getClientInfo().getProperty("ApplicationName"));
            assertEquals(java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT, c.getHoldability());
            assertNull(c.getCatalog());
            c.setCatalog("ignored");
            assertNull(c.getCatalog());
            c.createStatement().execute("ATTACH ':memory:' AS aux");
            c.setSchema("aux");
            assertEquals("aux", c.getSchema());
            assertThrows(SQLException.class, () -> c.setSchema("nope"));
            assertEquals("SELECT 1", c.nativeSQL("SELECT 1"));
        }
    }

    @Test
    void connectionIsUsableFromManyThreads() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            c.createStatement().execute("CREATE TABLE t(x INTEGER)");
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?)")) {
                            ps.setInt(1, i);
                            ps.executeUpdate();
                        }
                        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
                            assertTrue(rs.next());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(200, count(c, "t"));
        }
    }

    @Test
    void unwrapReachesTheExtendedApi() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            assertTrue(c.isWrapperFor(SqlinkConnection.class));
            SqlinkConnection s = c.unwrap(SqlinkConnection.class);
            assertEquals(":memory:", s.filename());
            assertThrows(SQLException.class, () -> c.unwrap(String.class));
        }
    }
}

package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handles a {@link javax.sql.PooledConnection} lends out, and what the pool hears about them. */
class PooledConnectionTest {
    @TempDir
    java.nio.file.Path dir;

    private PooledConnection pooled;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void open() throws SQLException {
        SqlinkConnectionPoolDataSource source = new SqlinkConnectionPoolDataSource();
        source.setDatabaseName(dir.resolve("pool.db").toString());
        pooled = source.getPooledConnection();
        pooled.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                assertSame(pooled, event.getSource());
                events.add("closed");
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                assertSame(pooled, event.getSource());
                events.add("error " + event.getSQLException().getSQLState());
            }
        });
        try (Connection handle = pooled.getConnection(); Statement s = handle.createStatement()) {
            s.execute("CREATE TABLE t(x)");
        }
        events.clear();
    }

    @AfterEach
    void close() throws SQLException {
        pooled.close();
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void closingAHandleTellsThePoolOnceAndKeepsTheDatabaseOpen() throws SQLException {
        Connection handle = pooled.getConnection();
        handle.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
        handle.close();
        handle.close();
        assertEquals(List.of("closed"), events);
        assertTrue(handle.isClosed());
        assertFalse(handle.isValid(0));
        SQLException e = assertThrows(SQLException.class, handle::createStatement);
        assertEquals("08003", e.getSQLState());
        assertThrows(SQLException.class, handle::getAutoCommit);
        try (Connection next = pooled.getConnection()) {
            assertEquals(1, count(next));
            assertTrue(next.isValid(0));
        }
    }

    @Test
    void aNewHandleClosesThePreviousOneAndRollsBackWhatItLeftOpen() throws SQLException {
        Connection first = pooled.getConnection();
        first.setAutoCommit(false);
        first.createStatement().executeUpdate("INSERT INTO t VALUES (1)");
        Connection second = pooled.getConnection();
        assertNotSame(first, second);
        assertTrue(first.isClosed());
        assertThrows(SQLException.class, () -> first.createStatement());
        assertTrue(second.getAutoCommit(), "a new handle starts in autocommit");
        assertEquals(0, count(second), "the previous handle's open transaction was rolled back");
        second.close();
        assertEquals(List.of("closed"), events, "only the handle closed by the application is reported");
    }

    @Test
    void unwrapGivesTheHandleNotThePhysicalConnection() throws SQLException {
        Connection handle = pooled.getConnection();
        SqlinkConnection extras = handle.unwrap(SqlinkConnection.class);
        assertSame(handle, extras);
        assertTrue(handle.isWrapperFor(SqlinkConnection.class));
        extras.createFunction("twice", 1, 0, (args, result) -> result.setLong(args.getLong(0) * 2));
        try (Statement s = handle.createStatement(); ResultSet rs = s.executeQuery("SELECT twice(21)")) {
            rs.next();
            assertEquals(42, rs.getLong(1));
        }
        extras.close();
        assertThrows(SQLException.class, () -> extras.setBusyTimeout(10));
        try (Connection next = pooled.getConnection()) {
            assertEquals(0, count(next), "closing the unwrapped connection closed only the handle");
        }
    }

    @Test
    void statementsAndMetadataAnswerTheHandleAsTheirConnection() throws SQLException {
        Connection handle = pooled.getConnection();
        try (Statement s = handle.createStatement();
                java.sql.PreparedStatement ps = handle.prepareStatement("SELECT count(*) FROM t");
                ResultSet rs = ps.executeQuery()) {
            assertSame(handle, s.getConnection());
            assertSame(handle, ps.getConnection());
            assertSame(handle, rs.getStatement().getConnection());
        }
        java.sql.DatabaseMetaData meta = handle.getMetaData();
        assertSame(handle, meta.getConnection());
        try (ResultSet tables = meta.getTables(null, null, "t", null)) {
            assertTrue(tables.next(), "metadata queries run through the handle");
        }
        // What frameworks do to "the statement's connection" must not close the database.
        handle.prepareStatement("SELECT 1").getConnection().close();
        assertTrue(handle.isClosed());
        assertEquals(List.of("closed"), events);
        try (Connection next = pooled.getConnection(); java.sql.PreparedStatement again = next.prepareStatement("SELECT count(*) FROM t")) {
            assertSame(next, again.getConnection(), "a statement from the cache answers the handle that took it");
            assertEquals(0, count(next));
        }
    }

    @Test
    void anOrdinarySqlErrorIsNotReportedToThePool() throws SQLException {
        try (Connection handle = pooled.getConnection()) {
            assertThrows(SQLException.class, () -> handle.prepareStatement("SELEC 1"));
            assertEquals(0, count(handle));
        }
        assertEquals(List.of("closed"), events);
    }

    @Test
    void aCallThatFindsThePhysicalConnectionGoneIsReportedAsAnError() throws SQLException {
        Connection handle = pooled.getConnection();
        pooled.close();
        assertTrue(handle.isClosed());
        assertThrows(SQLException.class, handle::createStatement);
        assertThrows(SQLException.class, handle::commit);
        assertEquals(List.of("error 08003"), events, "reported once");
        assertThrows(SQLException.class, pooled::getConnection);
    }

    @Test
    void aStatementThatRetiredTheEngineIsReportedWhenTheHandleComesBack() throws SQLException {
        Connection handle = pooled.getConnection();
        try (Statement s = handle.createStatement()) {
            s.setQueryTimeout(1);
            assertThrows(java.sql.SQLTimeoutException.class,
                    () -> s.executeQuery(AbortEscalationTest.DEAF_TO_INTERRUPT).next());
        }
        assertEquals(List.of(), events, "the statement's own failure reaches no listener");
        handle.close();
        assertEquals(List.of("error 08006"), events, "given back retired: an error, not a return");
        assertThrows(SQLException.class, pooled::getConnection);
    }

    @Test
    void abortingAHandleDiscardsThePhysicalConnection() throws Exception {
        Connection handle = pooled.getConnection();
        handle.abort(Runnable::run);
        assertTrue(handle.isClosed());
        assertEquals(List.of("error 08003"), events);
        assertThrows(SQLException.class, pooled::getConnection);
    }
}

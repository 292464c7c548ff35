package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jdbc.explicit_readonly} as sqlite-jdbc means it; {@code hexkey_mode} refused rather than ignored. */
class ExplicitReadOnlyTest {
    @TempDir
    Path dir;
    String url;

    @BeforeEach
    void database() throws SQLException {
        url = "jdbc:sqlink:" + dir.resolve("x.db");
        try (Connection c = DriverManager.getConnection(url + "?journal_mode=WAL")) {
            exec(c, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM t")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Whether another connection can write while {@code holder}'s transaction is open. */
    private boolean otherCanWrite() throws SQLException {
        try (Connection other = DriverManager.getConnection(url + "?busy_timeout=0")) {
            exec(other, "INSERT INTO t VALUES (2)");
            return true;
        } catch (SQLTransactionRollbackException busy) {
            assertEquals(5, busy.getErrorCode(), busy.getMessage()); // SQLITE_BUSY
            return false;
        }
    }

    @Test
    void aWritableTransactionTakesTheWriteLockWithItsFirstStatement() throws SQLException {
        try (Connection c = DriverManager.getConnection(url + "?jdbc.explicit_readonly=true")) {
            c.setAutoCommit(false);
            assertEquals(1, count(c)); // a read, but the transaction began IMMEDIATE
            assertTrue(!otherCanWrite(), "the write lock is held from the first statement");
            exec(c, "INSERT INTO t VALUES (3)"); // no upgrade needed, so no SQLITE_BUSY here
            c.commit();
            assertTrue(otherCanWrite(), "released at commit");
        }
    }

    @Test
    void withoutItADeferredTransactionOnlyReads() throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            assertEquals(1, count(c));
            assertTrue(otherCanWrite(), "a deferred transaction that only read holds no write lock");
            c.rollback();
        }
    }

    @Test
    void aReadOnlyTransactionStaysDeferredAndRefusesWrites() throws SQLException {
        try (Connection c = DriverManager.getConnection(url + "?jdbc.explicit_readonly=true")) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            assertEquals(1, count(c));
            assertTrue(otherCanWrite(), "a read-only transaction takes no write lock");
            SQLException e = assertThrows(SQLException.class, () -> exec(c, "INSERT INTO t VALUES (4)"));
            assertTrue(e.getMessage().contains("readonly"), e.getMessage());
            c.rollback();
            c.setReadOnly(false); // switchable between transactions
            exec(c, "INSERT INTO t VALUES (5)");
            c.commit();
        }
    }

    @Test
    void hexkeyModeIsRefusedBecauseThereIsNoEncryption() throws SQLException {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url + "?hexkey_mode=SQLCIPHER").close());
        assertTrue(e.getMessage().contains("hexkey_mode=SQLCIPHER") && e.getMessage().contains("no encryption"),
                e.getMessage());
        assertEquals("0A000", e.getSQLState());
        DriverManager.getConnection(url + "?hexkey_mode=none").close(); // the default, which does nothing
    }
}

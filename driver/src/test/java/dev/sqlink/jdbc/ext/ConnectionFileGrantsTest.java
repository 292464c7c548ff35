package dev.sqlink.jdbc.ext;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.jdbc.SqlinkConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code connection:} grants confine the files the connection's own SQL opens by name. */
class ConnectionFileGrantsTest {
    @TempDir
    Path dir;
    Path dbs;
    Path archive;
    Path outside;

    @BeforeEach
    void folders() throws Exception {
        dbs = Files.createDirectories(dir.resolve("dbs"));
        archive = Files.createDirectories(dir.resolve("archive"));
        outside = Files.createDirectories(dir.resolve("outside"));
        for (Path db : new Path[] {archive.resolve("old.db"), outside.resolve("secret.db")}) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlink:" + db)) {
                exec(c, "CREATE TABLE t(x); INSERT INTO t VALUES (42)");
            }
        }
        Files.createSymbolicLink(dbs.resolve("link.db"), outside.resolve("secret.db"));
        Files.createSymbolicLink(dbs.resolve("elsewhere"), outside);
    }

    private Connection open(String grants) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlink:" + dir.resolve("main.db") + "?grants=" + grants);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static SQLException refusedAuth(Connection c, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> exec(c, sql));
        assertEquals(23, e.getErrorCode(), e.getMessage()); // SQLITE_AUTH
        assertEquals("42501", e.getSQLState(), e.getMessage());
        return e;
    }

    /**
     * A closed connection's engine instance serves the next open: its grants must come with the
     * new connection, never with the instance (an unconfined one before, a confined one after).
     */
    @Test
    void grantsBelongToTheConnectionNotToTheReusedEngineInstance() throws SQLException {
        Path secret = outside.resolve("secret.db");
        for (int round = 0; round < 3; round++) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlink:" + dir.resolve("main.db"))) {
                exec(c, "ATTACH '" + secret + "' AS s");
                assertEquals(42, one(c, "SELECT x FROM s.t"));
            }
            try (Connection c = open("connection:fs.write=" + dbs)) {
                refusedAuth(c, "ATTACH '" + secret + "' AS s");
            }
        }
    }

    @Test
    void attachWorksInsideTheWriteGrantAndIsRefusedOutside() throws SQLException {
        try (Connection c = open("connection:fs.write=" + dbs)) {
            exec(c, "CREATE TABLE m(x); INSERT INTO m VALUES (1)"); // the main database is always allowed
            exec(c, "ATTACH '" + dbs.resolve("new.db") + "' AS n");
            exec(c, "CREATE TABLE n.t(x); INSERT INTO n.t VALUES (7)");
            assertEquals(7, one(c, "SELECT x FROM n.t"));
            exec(c, "DETACH n");

            Path secret = outside.resolve("secret.db");
            SQLException e = refusedAuth(c, "ATTACH '" + secret + "' AS s");
            assertMentions(e, secret.toString(), "grants=connection:fs.write=" + outside);
            for (Path escape : new Path[] {dbs.resolve("../outside/secret.db"), dbs.resolve("link.db"),
                    dbs.resolve("elsewhere/secret.db"), dbs.resolve("elsewhere/fresh.db")}) {
                refusedAuth(c, "ATTACH '" + escape + "' AS s");
            }
            assertTrue(Files.notExists(outside.resolve("fresh.db")));
            // Memory and temporary databases have no file and stay allowed.
            exec(c, "ATTACH ':memory:' AS mem; CREATE TABLE mem.t(x); ATTACH '' AS tmp; CREATE TABLE tmp.t(x)");
            assertEquals(1, one(c, "SELECT count(*) FROM m")); // still usable
        }
    }

    @Test
    void vacuumIntoNeedsAWriteGrant() throws SQLException {
        try (Connection c = open("connection:fs.write=" + dbs + ",connection:fs.read=" + archive)) {
            exec(c, "CREATE TABLE m(x); INSERT INTO m VALUES (1)");
            exec(c, "VACUUM INTO '" + dbs.resolve("copy.db") + "'");
            assertTrue(Files.isRegularFile(dbs.resolve("copy.db")));
            refusedAuth(c, "VACUUM INTO '" + outside.resolve("copy.db") + "'");
            refusedAuth(c, "VACUUM INTO '" + archive.resolve("copy.db") + "'");
            refusedAuth(c, "VACUUM INTO '" + dbs.resolve("elsewhere/copy.db") + "'");
            assertTrue(Files.notExists(outside.resolve("copy.db")));
            assertTrue(Files.notExists(archive.resolve("copy.db")));
        }
    }

    @Test
    void aReadGrantAttachesReadOnly() throws Exception {
        byte[] before = Files.readAllBytes(archive.resolve("old.db"));
        try (Connection c = open("connection:fs.read=" + archive)) {
            exec(c, "ATTACH '" + archive.resolve("old.db") + "' AS a");
            assertEquals(42, one(c, "SELECT x FROM a.t"));
            SQLException e = assertThrows(SQLException.class, () -> exec(c, "INSERT INTO a.t VALUES (1)"));
            assertEquals(8, e.getErrorCode(), e.getMessage()); // SQLITE_READONLY
            SQLException create = refusedAuth(c, "ATTACH '" + archive.resolve("new.db") + "' AS n");
            assertMentions(create, "grants=connection:fs.write=" + archive);
        }
        assertTrue(Files.notExists(archive.resolve("new.db")));
        assertEquals(before.length, Files.readAllBytes(archive.resolve("old.db")).length);
    }

    @Test
    void confinedAllowsNoFileButMemory() throws SQLException {
        try (Connection c = open("connection:confined")) {
            refusedAuth(c, "ATTACH '" + archive.resolve("old.db") + "' AS a");
            exec(c, "ATTACH ':memory:' AS mem");
        }
    }

    @Test
    void backupsAreConfinedToo() throws SQLException {
        try (Connection c = open("connection:fs.write=" + dbs)) {
            exec(c, "CREATE TABLE m(x)");
            SqlinkConnection s = c.unwrap(SqlinkConnection.class);
            s.backup("main", dbs.resolve("b.db").toString(), -1, null);
            assertTrue(Files.isRegularFile(dbs.resolve("b.db")));
            SQLException e = assertThrows(SQLException.class, () -> s.backup("main", outside.resolve("b.db").toString(), -1, null));
            assertMentions(e, "grants=connection:fs.write=");
        }
    }

    @Test
    void withoutConnectionGrantsAttachIsUnrestricted() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:" + dir.resolve("main.db"))) {
            exec(c, "ATTACH '" + outside.resolve("secret.db") + "' AS s");
            assertEquals(42, one(c, "SELECT x FROM s.t"));
        }
    }

    @Test
    void badConnectionGrantsAreClearErrors() throws IOException {
        SQLException e = assertThrows(SQLException.class, () -> open("connection:random"));
        assertMentions(e, "connection:fs.read=PATH", "connection:confined");
        SQLException relative = assertThrows(SQLException.class, () -> open("connection:fs.write=dbs"));
        assertMentions(relative, "must be absolute");
    }
}

package dev.sqlink.jdbc.ext;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.JdbcQueries.column;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static dev.sqlink.jdbc.ext.JdbcQueries.open;
import static dev.sqlink.jdbc.ext.ExtensionsTest.refused;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every capability: refused without its grant, allowed with it, confined to its scope. */
class GrantsTest {
    @TempDir
    Path dir;
    Path in;
    Path out;
    Path secret;

    @BeforeEach
    void files() throws IOException {
        in = Files.createDirectories(dir.resolve("in"));
        out = Files.createDirectories(dir.resolve("out"));
        secret = Files.writeString(dir.resolve("secret.csv"), "password\nhunter2\n");
        Files.writeString(in.resolve("people.csv"), "name,age\n\"Smith, Ann\",41\nBob,7\n");
        Files.createSymbolicLink(in.resolve("escape.csv"), secret);
        Files.createSymbolicLink(in.resolve("outside"), dir);
        Files.createSymbolicLink(out.resolve("escape"), dir);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String csv(Path file) {
        return "CREATE VIRTUAL TABLE IF NOT EXISTS t USING csv(filename='" + file + "', header=yes)";
    }

    @Test
    void csvReadsOnlyUnderItsGrant() throws SQLException {
        assertMentions(refused("extensions=csv"), "extension 'csv'", "'fs.read'", "grants=csv:fs.read=");
        try (Connection c = open("extensions=csv&grants=csv:fs.read=" + in)) {
            exec(c, csv(in.resolve("people.csv")));
            assertEquals(List.of("Smith, Ann", "Bob"), column(c, "SELECT name FROM t"));
            assertEquals("7", one(c, "SELECT age FROM t WHERE name = 'Bob'"));
            for (Path escape : new Path[] {secret, in.resolve("../secret.csv"), in.resolve("escape.csv"),
                    in.resolve("outside/secret.csv")}) {
                SQLException e = assertThrows(SQLException.class,
                        () -> exec(c, "CREATE VIRTUAL TABLE x USING csv(filename='" + escape + "')"));
                assertMentions(e, "extension 'csv'", "fs.read does not cover", "grants=csv:fs.read=");
            }
            assertEquals(2, one(c, "SELECT count(*) FROM t")); // still usable
        }
    }

    @Test
    void csvTablesAreDirectOnlyNotReachableFromASchemasViewsOrTriggers() throws SQLException {
        String url = "jdbc:sqlink:" + dir.resolve("schema.db") + "?extensions=csv&grants=csv:fs.read=" + in;
        try (Connection c = java.sql.DriverManager.getConnection(url)) {
            exec(c, csv(in.resolve("people.csv")));
            exec(c, "CREATE VIEW v AS SELECT name FROM t; CREATE TABLE log(x); CREATE TABLE copied(x);"
                    + " CREATE TRIGGER tr AFTER INSERT ON log BEGIN INSERT INTO copied SELECT name FROM t; END");
        }
        // Reopened, as a file from elsewhere would be: its schema's view and trigger must not read the file.
        try (Connection c = java.sql.DriverManager.getConnection(url)) {
            assertEquals(2, one(c, "SELECT count(*) FROM t")); // direct use is fine
            assertMentions(assertThrows(SQLException.class, () -> one(c, "SELECT count(*) FROM v")),
                    "unsafe use of virtual table");
            assertMentions(assertThrows(SQLException.class, () -> exec(c, "INSERT INTO log VALUES (1)")),
                    "unsafe use of virtual table");
            assertEquals(0, one(c, "SELECT count(*) FROM copied"));
            assertEquals(0, one(c, "SELECT count(*) FROM log"));
        }
    }

    @Test
    void fileioReadsAndWritesOnlyUnderItsGrants() throws Exception {
        assertMentions(refused("extensions=fileio&grants=fileio:fs.read=" + in), "'fs.write'",
                "grants=fileio:fs.write=");
        try (Connection c = open("extensions=fileio&grants=fileio:fs.read=" + in + ",fileio:fs.write=" + out)) {
            assertEquals(5, one(c, "SELECT writefile('" + out.resolve("a.txt") + "', 'hello')"));
            assertEquals("hello", Files.readString(out.resolve("a.txt")));
            byte[] people = Files.readAllBytes(in.resolve("people.csv"));
            assertArrayEquals(people, (byte[]) one(c, "SELECT readfile('" + in.resolve("people.csv") + "')"));
            // reading is not writing and vice versa
            assertMentions(assertThrows(SQLException.class,
                    () -> one(c, "SELECT readfile('" + out.resolve("a.txt") + "')")), "fs.read does not cover");
            assertMentions(assertThrows(SQLException.class,
                    () -> one(c, "SELECT writefile('" + in.resolve("b.txt") + "', 'x')")), "fs.write does not cover");
            // traversal, a link to a parent folder, a link to a file: all outside
            for (String escape : new String[] {out + "/../pwned.txt", out + "/escape/pwned.txt",
                    out + "/new/../../pwned.txt"}) {
                assertMentions(assertThrows(SQLException.class,
                        () -> one(c, "SELECT writefile('" + escape + "', 'x')")), "fs.write does not cover");
            }
            assertFalse(Files.exists(dir.resolve("pwned.txt")));
            assertMentions(assertThrows(SQLException.class,
                    () -> one(c, "SELECT readfile('" + in.resolve("escape.csv") + "')")), "fs.read does not cover");
            // a link planted inside the grant that points outside is refused too
            Files.createSymbolicLink(out.resolve("planted.txt"), dir.resolve("planted-target.txt"));
            assertMentions(assertThrows(SQLException.class,
                    () -> one(c, "SELECT writefile('" + out.resolve("planted.txt") + "', 'x')")), "does not cover");
            assertFalse(Files.exists(dir.resolve("planted-target.txt")));
        }
    }

    @Test
    void clockEnvironmentAndSql() throws SQLException {
        assertMentions(refused("extensions=clockx"), "'clock'", "grants=clockx:clock");
        try (Connection c = open("extensions=clockx&grants=clockx:clock")) {
            long now = ((Number) one(c, "SELECT now_ms()")).longValue();
            assertTrue(Math.abs(now - System.currentTimeMillis()) < 60_000, "clock " + now);
        }
        assertMentions(refused("extensions=envx"), "'env'", "grants=envx:env=VARIABLE");
        String var = System.getenv().containsKey("PATH") ? "PATH" : System.getenv().keySet().iterator().next();
        try (Connection c = open("extensions=envx&grants=envx:env=" + var)) {
            assertEquals(System.getenv(var), one(c, "SELECT env_get('" + var + "')"));
            assertMentions(assertThrows(SQLException.class, () -> one(c, "SELECT env_get('HOME_NOT_GRANTED')")),
                    "does not cover variable 'HOME_NOT_GRANTED'", "grants=envx:env=HOME_NOT_GRANTED");
        }
        assertMentions(refused("extensions=sqlx"), "'sql'", "grants=sqlx:sql");
        try (Connection c = open("extensions=sqlx&grants=sqlx:sql")) {
            exec(c, "CREATE TABLE a(x)");
            exec(c, "CREATE TABLE b(x)");
            assertEquals(2, one(c, "SELECT count_rows()"));
        }
    }

    @Test
    void undeclaredCapabilityIsRefusedAtUse() throws SQLException {
        try (Connection c = open("extensions=sneaky")) {
            SQLException e = assertThrows(SQLException.class, () -> one(c, "SELECT sneak()"));
            assertMentions(e, "extension 'sneaky'", "clock is not granted");
        }
    }

    @Test
    void wrongBytesInAGrantedFileDoNotMatter() throws Exception {
        // a grant of a single file covers that file only
        Path file = in.resolve("people.csv");
        try (Connection c = open("extensions=csv&grants=csv:fs.read=" + file)) {
            exec(c, csv(file));
            assertEquals(2, one(c, "SELECT count(*) FROM t"));
            Files.writeString(in.resolve("other.csv"), "a\n1\n", StandardCharsets.UTF_8);
            assertThrows(SQLException.class, () -> exec(c, csv(in.resolve("other.csv")).replace(" t ", " u ")));
        }
    }
}

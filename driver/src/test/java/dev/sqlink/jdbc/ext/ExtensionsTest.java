package dev.sqlink.jdbc.ext;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.JdbcQueries.column;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static dev.sqlink.jdbc.ext.JdbcQueries.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.jdbc.SqlinkConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Java extensions, names, dependencies and failures, all through jdbc:sqlink: URLs. */
class ExtensionsTest {
    static SQLException refused(String query) {
        return assertThrows(SQLException.class, () -> open(query).close());
    }

    @Test
    void regexpOperatorFunctionsAndEponymousTable() throws SQLException {
        try (Connection c = open("extensions=regexp")) {
            assertEquals(1, one(c, "SELECT 'abbc' REGEXP 'b{2}'"));
            assertEquals(0, one(c, "SELECT 'abc' REGEXP '^b'"));
            assertEquals(1, one(c, "SELECT regexp_like('Hello', '^H')"));
            assertEquals(1, one(c, "SELECT re_regexp_like('Hello', '^H')")); // the prefixed name, always there
            assertEquals("22", one(c, "SELECT regexp_substr('a1b22', '[0-9]{2}')"));
            assertEquals("b", one(c, "SELECT regexp_substr('a1b22', '([a-z])([0-9]{2})', 1)"));
            assertEquals("a#b#", one(c, "SELECT regexp_replace('a1b22', '[0-9]+', '#')"));
            assertEquals(List.of("1", "22", "333"), column(c, "SELECT match FROM regexp_matches('a1b22c333', '[0-9]+')"));
            assertEquals(List.of(1, 3), column(c, "SELECT start FROM re_regexp_matches('a1b22', '[0-9]+')"));
            SQLException bad = assertThrows(SQLException.class, () -> one(c, "SELECT regexp_like('x', '(')"));
            assertMentions(bad, "invalid regular expression");
            assertEquals(List.of("regexp"), names(c));
        }
    }

    private static List<Long> longs(List<Object> values) {
        List<Long> out = new ArrayList<>();
        values.forEach(v -> out.add(((Number) v).longValue()));
        return out;
    }

    private static List<String> names(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        c.unwrap(SqlinkConnection.class).extensions().forEach(m -> names.add(m.name()));
        return names;
    }

    @Test
    void cryptoHashes() throws SQLException {
        try (Connection c = open("extensions=crypto")) {
            assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", one(c, "SELECT sha256('abc')"));
            assertEquals("900150983cd24fb0d6963f7d28e17f72", one(c, "SELECT md5('abc')"));
            assertEquals("a9993e364706816aba3e25717850c26c9cd0d89d", one(c, "SELECT crypto_sha1(x'616263')"));
            assertEquals(128, ((String) one(c, "SELECT sha512('')")).length());
            assertNull(one(c, "SELECT sha256(NULL)"));
        }
    }

    @Test
    void uuidNeedsRandomnessGranted() throws SQLException {
        assertMentions(refused("extensions=uuid"), "extension 'uuid'", "'random'", "grants=uuid:random");
        try (Connection c = open("extensions=uuid&grants=uuid:random")) {
            String u = (String) one(c, "SELECT uuid()");
            assertTrue(u.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), u);
            assertEquals(u, one(c, "SELECT uuid_str(uuid_blob('" + u.replace("-", "").toUpperCase() + "'))"));
            assertEquals(16, ((byte[]) one(c, "SELECT uuid_blob(uuid())")).length);
            assertNull(one(c, "SELECT uuid_str('not a uuid')"));
        }
    }

    @Test
    void aggregateWindowAndCollationFromAnExtension() throws SQLException {
        try (Connection c = open("extensions=kinds"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x INTEGER, name TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'a'), (2, 'c'), (3, 'b')");
            assertEquals(14L, ((Number) one(c, "SELECT sumsq(x) FROM t")).longValue());
            assertEquals(List.of(1L, 3L, 5L), longs(column(c,
                    "SELECT runsum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t ORDER BY x")));
            assertEquals(List.of("c", "b", "a"), column(c, "SELECT name FROM t ORDER BY name COLLATE reverse"));
            assertEquals(List.of("c", "b", "a"), column(c, "SELECT name FROM t ORDER BY name COLLATE kinds_reverse"));
        }
    }

    @Test
    void aThrowingExtensionFailsOnlyItsStatement() throws SQLException {
        try (Connection c = open("extensions=thrower"); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x)");
            s.execute("INSERT INTO t VALUES (1), (2), (3)");
            SQLException e = assertThrows(SQLException.class, () -> column(c, "SELECT boom(x) FROM t"));
            assertMentions(e, "IllegalStateException", "boom at 3");
            assertEquals(List.of(1, 2), column(c, "SELECT boom(x) FROM t WHERE x < 3"));
            assertEquals(3, one(c, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void collisionIsRefusedNamingBothAndResolvedByPrefixOrOwnership() throws SQLException {
        SQLException e = refused("extensions=hasha,hashb");
        assertMentions(e, "'hash'", "'hasha'", "hasha_hash", "'hashb'", "hashb_hash",
                "extensions=hasha;bare=hash,hashb", "extensions=hasha;bare=none,hashb");
        try (Connection c = open("extensions=hasha;bare=none,hashb")) {
            assertEquals("b:x", one(c, "SELECT hash('x')"));
            assertEquals("a:x", one(c, "SELECT hasha_hash('x')"));
            assertEquals("b:x", one(c, "SELECT hashb_hash('x')"));
            assertThrows(SQLException.class, () -> one(c, "SELECT only_a()")); // bare=none: no bare names at all
        }
        try (Connection c = open("extensions=hasha;bare=hash,hashb")) {
            assertEquals("a:x", one(c, "SELECT hash('x')"));
            assertEquals("b:x", one(c, "SELECT hashb_hash('x')"));
        }
        try (Connection c = open("extensions=hasha;prefix=ha,hashb;bare=none")) {
            assertEquals("a:x", one(c, "SELECT ha_hash('x')"));
            assertEquals("only a", one(c, "SELECT only_a()"));
        }
        assertMentions(refused("extensions=hasha;prefix=x,hashb;prefix=x;bare=none"), "both define", "x_hash", "prefix=");
    }

    @Test
    void dependencies() throws SQLException {
        assertMentions(refused("extensions=needsmissing"), "'needsmissing' requires extension 'nothere'", "installed");
        assertMentions(refused("extensions=needscrypto"), "requires extension 'crypto@1'",
                "extensions=needscrypto,crypto");
        try (Connection c = open("extensions=needscrypto,crypto")) {
            assertEquals(List.of("crypto", "needscrypto"), names(c)); // dependencies first
        }
        try (Connection c = open("extensions=needsjson")) { // json is compiled in: always satisfied
            assertEquals("ok", one(c, "SELECT needs_json()"));
            assertEquals(List.of("json", "needsjson"), names(c));
        }
        assertMentions(refused("extensions=cycone,cyctwo"), "cycle", "cycone -> cyctwo -> cycone");
        assertMentions(refused("extensions=crypto,crypto"), "enabled twice");
    }

    @Test
    void compiledInExtensionsAreInTheCatalog() throws SQLException {
        try (Connection c = open("extensions=fts5,json,rtree,geopoly,math,dbstat")) {
            assertEquals(6, names(c).size());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE VIRTUAL TABLE docs USING fts5(body)");
                s.execute("INSERT INTO docs VALUES ('hello wasm world')");
            }
            assertEquals(1, one(c, "SELECT count(*) FROM docs WHERE docs MATCH 'wasm'"));
        }
        assertMentions(refused("extensions=nosuch"), "no extension named 'nosuch'", "fts5", "regexp");
    }

    @Test
    void badPropertyTextIsAClearError() {
        assertMentions(refused("extensions=regexp;colour=red"), "unknown option 'colour=red'");
        assertMentions(refused("extensions=Regexp"), "neither an extension name");
        assertMentions(refused("extensions=file:/tmp/x.wasm"), "pinned by its content hash");
        assertMentions(refused("extensions=csv&grants=csv:fs.raed=/tmp"), "unknown capability 'fs.raed'");
        assertMentions(refused("extensions=csv&grants=csv:fs.read=data/in"), "must be absolute");
        assertMentions(refused("extensions=csv&grants=csv:fs.read"), "needs a scope");
        assertMentions(refused("extensions=uuid&grants=uuid:random=/x"), "takes no scope");
        assertMentions(refused("extensions=uuid&grants=uuid:random,csv:fs.read=/tmp"),
                "grants name extension 'csv'", "does not enable");
        assertMentions(refused("extensions=crypto&grants=crypto:clock"), "does not ask for it");
        assertMentions(refused("grants=uuid:random"), "enables no extensions");
    }

    @Test
    void propertiesObjectWorksLikeTheUrl() throws SQLException {
        Properties p = new Properties();
        p.setProperty("extensions", "uuid,crypto");
        p.setProperty("grants", "uuid:random");
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:", p)) {
            assertEquals(64, ((String) one(c, "SELECT sha256(uuid())")).length());
        }
    }
}

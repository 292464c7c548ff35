package dev.sqlink.jdbc.ext.wasm;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.JdbcQueries.column;
import static dev.sqlink.jdbc.ext.wasm.WasmFiles.item;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static dev.sqlink.jdbc.ext.JdbcQueries.open;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The C example extension (extensions-wasm/stats) through jdbc:sqlink: URLs. */
class StatsExtensionTest {
    private static final String STATS = "extensions=" + item("stats", "stats") + "&grants=stats:env=HOME";

    @Test
    void scalarFunctionsTakeAndReturnEveryType() throws SQLException {
        try (Connection c = open(STATS)) {
            assertEquals("integer -42", one(c, "SELECT describe(-42)"));
            assertEquals("real 0x3ff8000000000000", one(c, "SELECT describe(1.5)"));
            assertEquals("text(6) héllo", one(c, "SELECT describe('héllo')"));
            assertEquals("blob(3) 00ff10", one(c, "SELECT describe(x'00ff10')"));
            assertEquals("null", one(c, "SELECT describe(NULL)"));
            assertEquals(9223372036854775807L, one(c, "SELECT roundtrip(9223372036854775807)"));
            assertEquals(-0.25, one(c, "SELECT roundtrip(-0.25)"));
            assertEquals("日本", one(c, "SELECT roundtrip('日本')"));
            assertArrayEquals(new byte[] {0, 1, 2}, (byte[]) one(c, "SELECT roundtrip(x'000102')"));
            assertNull(one(c, "SELECT roundtrip(NULL)"));
            assertEquals("blob", one(c, "SELECT typeof(roundtrip(x''))"));
            assertEquals("text", one(c, "SELECT typeof(stats_roundtrip(''))")); // prefixed name
        }
    }

    @Test
    void errorReportedByTheExtensionFailsOnlyThatStatement() throws SQLException {
        try (Connection c = open(STATS)) {
            assertEquals(1, one(c, "SELECT expect(1 = 1, 'unused')"));
            SQLException e = assertThrows(SQLException.class, () -> one(c, "SELECT expect(1 = 2, 'one is not two')"));
            assertMentions(e, "one is not two");
            assertEquals("integer 7", one(c, "SELECT describe(7)"));
        }
    }

    @Test
    void medianAbsoluteDeviationAggregatePerGroup() throws SQLException {
        try (Connection c = open(STATS)) {
            c.createStatement().executeUpdate("CREATE TABLE t(g, x)");
            c.createStatement().executeUpdate("INSERT INTO t VALUES (1, 5), (1, 1), (1, 3), (2, 10), (2, 20), (2, NULL),"
                    + " (3, 'text')");
            assertEquals(Arrays.asList(2.0, 5.0, null), column(c, "SELECT mad(x) FROM t GROUP BY g ORDER BY g"));
            assertNull(one(c, "SELECT mad(x) FROM t WHERE 0"));
            assertEquals(2.0, one(c, "SELECT stats_mad(x) FROM t WHERE g = 1"));
        }
    }

    @Test
    void stddevAsAggregateAndAsWindowOverAMovingFrame() throws SQLException {
        try (Connection c = open(STATS)) {
            c.createStatement().executeUpdate("CREATE TABLE t(i INTEGER PRIMARY KEY, x)");
            c.createStatement().executeUpdate("INSERT INTO t(x) VALUES (2), (4), (4), (4), (5), (5), (7), (9)");
            assertEquals(2.138, (double) one(c, "SELECT stddev(x) FROM t"), 1e-3);
            List<Object> moving = column(c, "SELECT stddev(x) OVER (ORDER BY i ROWS BETWEEN 1 PRECEDING AND CURRENT ROW)"
                    + " FROM t ORDER BY i");
            assertNull(moving.get(0)); // one row: no sample deviation
            assertEquals(Math.sqrt(2), (double) moving.get(1), 1e-9);
            assertEquals(0.0, (double) moving.get(2), 1e-9);
            assertEquals(Math.sqrt(2), (double) moving.get(7), 1e-9);
        }
    }

    @Test
    void environmentOnlyAsGranted() throws SQLException {
        try (Connection c = open(STATS)) {
            assertEquals(System.getenv("HOME"), one(c, "SELECT env('HOME')"));
            SQLException e = assertThrows(SQLException.class, () -> one(c, "SELECT env('PATH')"));
            assertMentions(e, "env", "PATH", "grants=stats:env=PATH");
            assertEquals("integer 1", one(c, "SELECT describe(1)")); // still usable
        }
    }
}

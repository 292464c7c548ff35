package dev.sqlink.jdbc.ext.wasm;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.JdbcQueries.column;
import static dev.sqlink.jdbc.ext.wasm.WasmFiles.item;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static dev.sqlink.jdbc.ext.JdbcQueries.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The AssemblyScript example extension (extensions-wasm/textkit) through jdbc:sqlink: URLs. */
class TextkitExtensionTest {
    private static final String TEXTKIT = "extensions=" + item("textkit", "textkit");

    @Test
    void scalarTextFunctions() throws SQLException {
        try (Connection c = open(TEXTKIT)) {
            assertEquals("hello-world", one(c, "SELECT slugify('  Héllo, World! ')"));
            assertEquals("sqlite-3-54-rocks", one(c, "SELECT slugify('SQLite 3.54 -- rocks')"));
            assertNull(one(c, "SELECT slugify(NULL)"));
            assertEquals(3, one(c, "SELECT levenshtein('kitten', 'sitting')"));
            assertEquals(1, one(c, "SELECT textkit_levenshtein('日本語', '日本人')"));
            assertEquals(0, one(c, "SELECT levenshtein('', '')"));
            assertMentions(assertThrows(SQLException.class, () -> one(c, "SELECT levenshtein(1, 'a')")), "two texts");
            assertEquals(2, one(c, "SELECT levenshtein('ab', 'ba')")); // usable after the error
        }
    }

    @Test
    void longestAggregateAndModeWindow() throws SQLException {
        try (Connection c = open(TEXTKIT); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE t(i INTEGER PRIMARY KEY, g, w)");
            s.executeUpdate("INSERT INTO t(g, w) VALUES (1, 'a'), (1, 'bbb'), (1, 'cc'), (2, 'x'), (2, 'x'), (2, 'y'),"
                    + " (2, 'y'), (2, 'y'), (3, NULL)");
            assertEquals(Arrays.asList("bbb", "x", null), column(c, "SELECT longest(w) FROM t GROUP BY g ORDER BY g"));
            assertEquals(Arrays.asList("a", "y", null), column(c, "SELECT mode(w) FROM t GROUP BY g ORDER BY g"));
            List<Object> moving = column(c, "SELECT mode(w) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)"
                    + " FROM t WHERE g = 2 ORDER BY i");
            assertEquals(Arrays.asList("x", "x", "x", "y", "y"), moving);
        }
    }

    @Test
    void naturalSortCollation() throws SQLException {
        try (Connection c = open(TEXTKIT); Statement s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE f(name)");
            s.executeUpdate("INSERT INTO f VALUES ('file10'), ('file2'), ('file1'), ('file02b'), ('a')");
            assertEquals(List.of("a", "file1", "file2", "file02b", "file10"),
                    column(c, "SELECT name FROM f ORDER BY name COLLATE natsort"));
            assertEquals(List.of("a", "file02b", "file1", "file10", "file2"), column(c, "SELECT name FROM f ORDER BY name"));
        }
    }
}

package dev.sqlink.jdbc.ext.wasm;

import static dev.sqlink.jdbc.ext.JdbcQueries.assertMentions;
import static dev.sqlink.jdbc.ext.wasm.WasmFiles.item;
import static dev.sqlink.jdbc.ext.JdbcQueries.one;
import static dev.sqlink.jdbc.ext.JdbcQueries.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A wasm extension that loops or allocates without bound is stopped; its connection goes on. */
class WasmLimitsTest {
    /** Enough work in SQLite's own engine that an interrupt left over on the thread would trap it. */
    private static final String ENGINE_WORK =
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000) SELECT count(*) FROM c";

    @Test
    void runawayLoopIsStoppedByTheTimeLimitAndTheConnectionStaysUsable() throws SQLException {
        try (Connection c = open("extensions=" + item("testing", "runaway") + "&wasm_call_timeout_ms=300")) {
            long start = System.nanoTime();
            SQLException e = assertThrows(SQLException.class, () -> one(c, "SELECT spin()"));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertMentions(e, "extension 'runaway'", "spin", "time limit of 300 ms", "wasm_call_timeout_ms");
            assertTrue(millis < 30_000, "stopped only after " + millis + " ms");
            assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt leaked to the caller");
            assertEquals(10000, one(c, ENGINE_WORK));
            assertEquals(1, one(c, "SELECT ok()"), "a fresh instance replaced the stopped one");
            assertThrows(SQLException.class, () -> one(c, "SELECT spin()")); // and again
            assertEquals(10000, one(c, ENGINE_WORK));
        }
    }

    @Test
    void unboundedAllocationIsStoppedByTheMemoryCapAndTheConnectionStaysUsable() throws SQLException {
        try (Connection c = open("extensions=" + item("testing", "hog") + "&wasm_memory_limit_mb=8")) {
            SQLException e = assertThrows(SQLException.class, () -> one(c, "SELECT hog()"));
            assertMentions(e, "extension 'hog'", "out of memory", "limit of 8 MiB", "wasm_memory_limit_mb", "reset");
            long pages = ((Number) one(c, "SELECT pages()")).longValue();
            assertTrue(pages < 16, "the replacement instance starts small again: " + pages + " pages");
            assertEquals(10000, one(c, ENGINE_WORK));
        }
    }

    @Test
    void limitsAreValidated() {
        SQLException e = assertThrows(SQLException.class,
                () -> open("extensions=" + item("testing", "hog") + "&wasm_memory_limit_mb=0").close());
        assertMentions(e, "wasm_memory_limit_mb");
    }
}

package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A multi-statement execution always ends: at the end of its text, at a NUL, or at a cancel between statements. */
class ScriptEndTest {

    /** Bounds a hang, not a speed: each of these takes milliseconds. */
    private static final Duration HANG_BOUND = Duration.ofSeconds(20);

    /** Found by the fuzz corpora: the text after a NUL came back as the tail forever. */
    @Test
    void sqlTextEndsAtTheFirstNul() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:");
                Statement s = c.createStatement()) {
            assertTimeoutPreemptively(HANG_BOUND, () -> {
                assertTrue(s.execute("select min('a');\0\u009f garbage"));
                try (ResultSet rs = s.getResultSet()) {
                    assertTrue(rs.next());
                    assertEquals("a", rs.getString(1));
                }
                assertFalse(s.getMoreResults());
                assertEquals(-1, s.getUpdateCount());
                assertEquals(0, s.executeUpdate("create table t(x);\0 insert into t values (1)"));
                try (ResultSet rs = s.executeQuery("select count(*) from t")) {
                    assertTrue(rs.next());
                    assertEquals(0, rs.getInt(1), "nothing after the NUL runs");
                }
            });
        }
    }

    /**
     * SQLite clears its interrupt flag when the next statement starts with none running, so a
     * cancel that arrives between two statements of a script must be honoured by the driver.
     */
    @Test
    void cancelBetweenStatementsStopsTheScript() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:");
                Statement s = c.createStatement()) {
            s.execute("create table t(x)");
            CountDownLatch firstCommitted = new CountDownLatch(1);
            CountDownLatch cancelled = new CountDownLatch(1);
            AtomicInteger commits = new AtomicInteger();
            c.unwrap(SqlinkConnection.class).setCommitHook(() -> {
                if (commits.incrementAndGet() == 1) {
                    firstCommitted.countDown();
                    await(cancelled); // statement 1 is at its very end: the cancel lands between statements
                }
                return false;
            });
            CompletableFuture<Throwable> script = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeUpdate("insert into t values (1); insert into t values (2); insert into t values (3)");
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            assertTrue(firstCommitted.await(20, TimeUnit.SECONDS));
            s.cancel();
            cancelled.countDown();
            Throwable outcome = script.get(20, TimeUnit.SECONDS);
            assertInstanceOf(SQLTimeoutException.class, outcome);
            c.unwrap(SqlinkConnection.class).setCommitHook(null);
            try (ResultSet rs = s.executeQuery("select count(*) from t")) {
                assertTrue(rs.next());
                assertEquals(1, rs.getInt(1), "the statements after the cancel did not run");
            }
            assertTrue(c.isValid(1), "a cancel between statements does not retire the connection");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

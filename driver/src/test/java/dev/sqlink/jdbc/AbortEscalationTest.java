package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A statement stuck in one long C loop never looks at SQLite's interrupt flag; the driver then
 * aborts the engine call after a grace period and retires the connection, so a timeout or a
 * cancel always ends the statement.
 */
class AbortEscalationTest {
    /**
     * One long stretch of C with no VM loop in it, so SQLite never looks at its interrupt flag:
     * forty nested replace() calls over a 50 MB string, evaluated by consecutive opcodes with no
     * backward jump between them. Seconds of work even on a fast machine, bounded memory.
     */
    static final String DEAF_TO_INTERRUPT = deafQuery();

    private static String deafQuery() {
        String text = "printf('%.*c', 50000000, 'a')";
        for (int i = 0; i < 40; i++) {
            text = "replace(" + text + ", 'aaaaaaaaaaaaaaaaaaab', 'c')";
        }
        return "select length(" + text + ")";
    }

    @Test
    void queryTimeoutEndsEvenWorkThatIgnoresInterrupt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:");
                Statement s = c.createStatement()) {
            s.setQueryTimeout(1);
            long start = System.nanoTime();
            assertThrows(SQLTimeoutException.class, () -> s.executeQuery(DEAF_TO_INTERRUPT).next());
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertTrue(seconds < 30, "took " + seconds + " s");
            assertFalse(c.isValid(1), "an aborted connection is not valid, so pools evict it");
            assertThrows(SQLNonTransientConnectionException.class, () -> c.createStatement().execute("select 1"));
        }
    }

    @Test
    void cancelFromAnotherThreadEndsEvenWorkThatIgnoresInterrupt() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:");
                Statement s = c.createStatement()) {
            CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
                try {
                    s.executeQuery(DEAF_TO_INTERRUPT).next();
                    return null;
                } catch (Exception e) {
                    return e;
                }
            });
            Thread.sleep(500);
            s.cancel();
            Throwable outcome = running.get(30, TimeUnit.SECONDS);
            assertTrue(outcome instanceof SQLTimeoutException, String.valueOf(outcome));
        }
    }
}

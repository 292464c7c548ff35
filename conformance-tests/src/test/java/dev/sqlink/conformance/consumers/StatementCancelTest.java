package dev.sqlink.conformance.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DBeaver's "cancel query" button calls Statement.cancel() from the UI thread while a worker thread
 * is inside executeQuery. The query must stop promptly and the connection stay usable.
 */
class StatementCancelTest {

    /** Counts to ten billion: minutes of work on any engine, so only a cancel ends it in time. */
    private static final String LONG_QUERY =
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10000000000) SELECT count(*) FROM n";

    @TempDir
    Path directory;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS) // a broken cancel must fail the test, not hang the build
    void cancelFromAnotherThreadStopsALongQueryWithinTwoSeconds() throws Exception {
        String url = new ConsumerDatabase(directory, "cancel").url();
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement()) {
            CountDownLatch starting = new CountDownLatch(1);
            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                starting.countDown();
                try (ResultSet rows = statement.executeQuery(LONG_QUERY)) {
                    rows.next();
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            });
            starting.await();
            Thread.sleep(500); // let the query get deep into its work

            long cancelledAt = System.nanoTime();
            statement.cancel();
            Throwable error = outcome.get(30, TimeUnit.SECONDS);
            Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - cancelledAt);

            if (error == null) {
                fail("the query finished instead of being cancelled");
            }
            assertTrue(error instanceof SQLException, () -> "cancel surfaces as an SQLException, got " + error);
            assertTrue(stoppedAfter.compareTo(Duration.ofSeconds(2)) <= 0, () -> "stopped only after " + stoppedAfter);

            try (ResultSet rows = statement.executeQuery("SELECT 41 + 1")) {
                assertTrue(rows.next(), "the statement runs again after a cancel");
                assertEquals(42, rows.getInt(1));
            }
        }
    }
}

package dev.sqlink.conformance.support;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs database work on a worker thread with a time limit, so one hanging record cannot stop a whole
 * suite. Two layers: the statement gets {@link Statement#setQueryTimeout} (the driver's own
 * mechanism), and if the work is still running after the limit the watchdog calls
 * {@link Statement#cancel()} itself. If even that does not end it within a grace period the worker
 * thread is abandoned (it is a daemon) and {@link TimedOut#hung()} tells the caller to abandon the
 * connection too.
 */
public final class Watchdog implements AutoCloseable {

    private final Duration limit;
    private final Duration grace;
    private final AtomicReference<Statement> watched = new AtomicReference<>();
    private ExecutorService worker = newWorker();

    /**
     * {@code grace}: how long a cancelled statement may take to stop. SQLite checks for interrupts
     * between VDBE steps, so one long step (e.g. printf with a width of a billion) ends only later.
     */
    public Watchdog(Duration limit, Duration grace) {
        this.limit = limit;
        this.grace = grace;
    }

    public Duration limit() {
        return limit;
    }

    /** Called by the work before executing: gives the statement the driver-side timeout and lets the watchdog cancel it. */
    public void watch(Statement statement) throws SQLException {
        statement.setQueryTimeout((int) Math.max(1, limit.toSeconds()));
        watched.set(statement);
    }

    /**
     * Runs {@code work} and returns its result, rethrows what it threw (Errors included), or throws
     * {@link TimedOut} when it overran the limit.
     */
    public <T> T call(Callable<T> work) throws Exception {
        watched.set(null);
        Future<T> future = worker.submit(work);
        try {
            return unwrap(future, limit);
        } catch (TimeoutException overran) {
            cancelWatched();
            try {
                unwrap(future, grace);
                throw new TimedOut(limit, grace, false);
            } catch (TimeoutException stillRunning) {
                future.cancel(true);
                worker.shutdownNow();
                worker = newWorker();
                throw new TimedOut(limit, grace, true);
            } catch (TimedOut t) {
                throw t;
            } catch (Exception | Error endedByCancel) {
                throw new TimedOut(limit, grace, false);
            }
        }
    }

    private static <T> T unwrap(Future<T> future, Duration wait) throws Exception {
        try {
            return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    private void cancelWatched() {
        Statement statement = watched.get();
        if (statement != null) {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException ignored) {
                // The statement may have just finished; the grace wait below decides.
            }
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "conformance-worker");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    /** The work overran its limit. {@code hung}: it did not stop even when cancelled; abandon its connection. */
    public static final class TimedOut extends Exception {
        private final boolean hung;

        TimedOut(Duration limit, Duration grace, boolean hung) {
            super(hung ? "still running " + grace.toSeconds() + " s after cancel (limit " + limit.toSeconds() + " s); connection abandoned"
                    : "exceeded the time limit of " + limit.toSeconds() + " s and was cancelled");
            this.hung = hung;
        }

        public boolean hung() {
            return hung;
        }
    }
}

package dev.sqlink.jdbc;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for all query timeouts: a statement with a timeout schedules an
 * interrupt of its connection's engine and cancels it when it finishes first.
 */
final class QueryTimer {
    private QueryTimer() {}

    private static final class Holder {
        static final ScheduledThreadPoolExecutor TIMER = create();

        private static ScheduledThreadPoolExecutor create() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "sqlink-query-timeout");
                thread.setDaemon(true);
                return thread;
            });
            t.setRemoveOnCancelPolicy(true); // cancelled timeouts must not pile up
            return t;
        }
    }

    static ScheduledFuture<?> schedule(int seconds, Runnable action) {
        return Holder.TIMER.schedule(action, seconds, TimeUnit.SECONDS);
    }

    static ScheduledFuture<?> scheduleMillis(long millis, Runnable action) {
        return Holder.TIMER.schedule(action, millis, TimeUnit.MILLISECONDS);
    }
}

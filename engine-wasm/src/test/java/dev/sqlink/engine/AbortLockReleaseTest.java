package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Whatever moment an abort or a plain thread interrupt hits a call, the connection's lock must
 * be free once that call has returned: a lock kept by a thread that then ends can never be
 * released, and every later user of the connection (close included) waits for it.
 *
 * <p>This once happened on every abort that landed inside {@code prepare}: the trap retired the
 * instance, and the {@code free} of the SQL text in the {@code finally} block then threw "trapped
 * earlier" before the lock was released.
 */
class AbortLockReleaseTest {

    private static final int ROUNDS = 25;
    /** Far above a healthy close (milliseconds), far below the two waits of a close that finds the lock held. */
    private static final Duration CLOSE_BOUND = Duration.ofSeconds(4);

    /** Statements whose prepare takes most of the time, so aborts land inside prepare and around it. */
    private static final String SLOW_TO_PREPARE = slowToPrepare();

    private static String slowToPrepare() {
        StringBuilder sql = new StringBuilder("select 1 where 1 in (");
        for (int i = 0; i < 20_000; i++) {
            sql.append(i == 0 ? "" : ",").append(i);
        }
        return sql.append(")").toString();
    }

    @Test
    void abortAtAnyMomentLeavesTheLockFree() throws Exception {
        stopAtRandomMoments(Database::abort);
    }

    /** A watchdog's {@code Future.cancel(true)} or {@code shutdownNow()} interrupts the thread without abort(). */
    @Test
    void threadInterruptAtAnyMomentLeavesTheLockFree() throws Exception {
        stopAtRandomMoments(db -> {
            Thread running = runningThread.get();
            if (running != null) {
                running.interrupt();
            }
        });
    }

    private final AtomicReference<Thread> runningThread = new AtomicReference<>();

    private void stopAtRandomMoments(Consumer<Database> stop) throws Exception {
        Random random = new Random(20251121);
        for (int round = 0; round < ROUNDS; round++) {
            Database db = Engine.open(":memory:", OpenFlags.DEFAULT);
            Thread worker = new Thread(() -> workUntilStopped(db), "abort-lock-worker-" + round);
            runningThread.set(worker);
            worker.start();
            waitUntilExecuting(db);
            Thread.sleep(random.nextInt(40));
            while (worker.isAlive()) {
                stop.accept(db);
                worker.join(20);
            }
            worker.join(TimeUnit.SECONDS.toMillis(10));
            assertFalse(worker.isAlive(), "round " + round + ": the worker did not stop");
            assertFalse(db.lock.isLocked(), "round " + round + ": the lock is still held by a thread that has ended");
            assertFalse(db.isExecuting(), "round " + round + ": the connection still names an ended thread as running");
            assertTimeoutPreemptively(CLOSE_BOUND, db::close, "round " + round + ": close waited for the lock");
            assertTrue(db.isClosed());
        }
    }

    /** Calls into the engine in a tight loop (prepare, step, exec) until one of them is stopped. */
    private static void workUntilStopped(Database db) {
        try {
            while (true) {
                try (Stmt s = db.prepare(SLOW_TO_PREPARE)) {
                    s.step();
                }
                db.exec("select 2; select 3");
            }
        } catch (SqliteException stopped) {
            // expected: the abort or interrupt ends the work with INTERRUPT (or a retired connection)
        } finally {
            Thread.interrupted();
        }
    }

    private static void waitUntilExecuting(Database db) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!db.isExecuting()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the work never started");
            }
            Thread.sleep(1);
        }
    }
}

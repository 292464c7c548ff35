package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** abort(): the last resort for work that ignores SQLite's interrupt flag. */
class AbortTest {

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
    void abortStopsWorkThatIgnoresInterruptAndRetiresTheConnection() throws Exception {
        Database db = Engine.open(":memory:", OpenFlags.DEFAULT);
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() -> {
            try (Stmt s = db.prepare(DEAF_TO_INTERRUPT)) {
                s.step();
                return s.getLong(0);
            } catch (SqliteException e) {
                return e;
            } finally {
                // whatever happened, the caller's thread must not keep an interrupt it never asked for
                assertFalse(Thread.currentThread().isInterrupted(), "interrupt status leaked to the caller");
            }
        });
        waitUntilExecuting(db);
        db.interrupt();
        Thread.sleep(300);
        assertTrue(db.isExecuting(), "the soft interrupt alone does not stop this loop");
        assertTrue(db.abort());
        Object outcome = running.get(10, TimeUnit.SECONDS);
        SqliteException e = assertThrows(SqliteException.class, () -> {
            throw (SqliteException) outcome;
        });
        assertEquals(ResultCode.INTERRUPT, e.resultCode());
        assertTrue(e.getMessage().contains("aborted"), e.getMessage());
        SqliteException after = assertThrows(SqliteException.class, () -> db.prepare("select 1"));
        assertTrue(after.getMessage().contains("unusable"), after.getMessage());
        db.close(); // closing a retired connection is quiet
    }

    @Test
    void abortWithNothingRunningIsHarmless() {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            assertFalse(db.abort());
            try (Stmt s = db.prepare("select 42")) {
                assertTrue(s.step());
                assertEquals(42, s.getLong(0));
            }
        }
    }

    @Test
    void abortThatArrivesAfterTheWorkFinishedLeavesTheConnectionUsable() throws ExecutionException, InterruptedException {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            // A call that finishes inside the engine before any loop sees the interrupt: the
            // connection stays healthy and the interrupt status is cleared on the way out.
            boolean interruptedAfter = CompletableFuture.supplyAsync(() -> {
                db.locked(() -> db.abort());
                return Thread.currentThread().isInterrupted();
            }).get();
            assertFalse(interruptedAfter);
            try (Stmt s = db.prepare("select 1")) {
                assertTrue(s.step());
            }
        }
    }

    private static void waitUntilExecuting(Database db) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!db.isExecuting()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the statement never started");
            }
            Thread.sleep(5);
        }
        Thread.sleep(200); // let it get into the replace() calls
    }
}

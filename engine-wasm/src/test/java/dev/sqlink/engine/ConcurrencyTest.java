package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ConcurrencyTest {
    private static final String ENDLESS =
            "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c";

    @Test
    @Timeout(60)
    void interruptFromAnotherThreadStopsALongQuery() throws Exception {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            CountDownLatch started = new CountDownLatch(1);
            AtomicInteger ticks = new AtomicInteger();
            db.setProgressHandler(10_000, () -> {
                started.countDown();
                ticks.incrementAndGet();
                return false; // never stops the query on its own
            });
            ExecutorService ex = Executors.newSingleThreadExecutor();
            try {
                Future<SqliteException> run = ex.submit(() -> {
                    try (Stmt s = db.prepare(ENDLESS)) {
                        return assertThrows(SqliteException.class, s::step);
                    }
                });
                assertTrue(started.await(30, TimeUnit.SECONDS));
                db.interrupt(); // lock-free: the running thread holds the lock
                SqliteException e = run.get(30, TimeUnit.SECONDS);
                assertEquals(ResultCode.INTERRUPT, e.resultCode());
                assertEquals("interrupted", e.getMessage());
            } finally {
                ex.shutdownNow();
            }
            db.setProgressHandler(0, null);
            // The flag is cleared: the next statement runs normally.
            try (Stmt s = db.prepare("select 42")) {
                assertTrue(s.step());
                assertEquals(42, s.getLong(0));
            }
        }
    }

    @Test
    void interruptWhileIdleDoesNotAffectTheNextStatement() {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            db.interrupt();
            try (Stmt s = db.prepare("select 1")) {
                assertTrue(s.step());
            }
        }
        Database closed = Engine.open(":memory:", OpenFlags.DEFAULT);
        closed.close();
        closed.interrupt(); // harmless
    }

    @Test
    @Timeout(120)
    void threadsSharingOneConnectionAreSerialized() throws Exception {
        int threads = 8;
        int perThread = 200;
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            db.exec("create table t(thread, i, text)");
            ExecutorService ex = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> futures = new ArrayList<>();
                CountDownLatch go = new CountDownLatch(1);
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    futures.add(ex.submit(() -> {
                        go.await();
                        for (int i = 0; i < perThread; i++) {
                            // Each thread prepares its own statement; the connection's lock
                            // serializes every call into the single wasm instance.
                            try (Stmt s = db.prepare("insert into t values (?, ?, ?)")) {
                                s.bindLong(1, thread);
                                s.bindLong(2, i);
                                s.bindText(3, "thread " + thread + " row " + i + " 😀");
                                s.step();
                            }
                            if (i % 50 == 0) {
                                try (Stmt s = db.prepare("select count(*) from t where thread = ?")) {
                                    s.bindLong(1, thread);
                                    s.step();
                                    assertEquals(i + 1, s.getLong(0));
                                }
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(100, TimeUnit.SECONDS);
                }
            } finally {
                ex.shutdownNow();
            }
            try (Stmt s = db.prepare("select count(*), count(distinct thread || '-' || i),"
                    + " sum(text = 'thread ' || thread || ' row ' || i || ' 😀') from t")) {
                s.step();
                assertEquals(threads * perThread, s.getLong(0));
                assertEquals(threads * perThread, s.getLong(1));
                assertEquals(threads * perThread, s.getLong(2));
            }
            try (Stmt s = db.prepare("pragma integrity_check")) {
                s.step();
                assertEquals("ok", s.getText(0));
            }
        }
    }

    @Test
    @Timeout(60)
    void lockedSequenceIsAtomic() throws Exception {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            db.exec("create table c(n); insert into c values (0)");
            ExecutorService ex = Executors.newFixedThreadPool(4);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    futures.add(ex.submit(() -> {
                        for (int i = 0; i < 100; i++) {
                            db.locked(() -> {
                                long n;
                                try (Stmt s = db.prepare("select n from c")) {
                                    s.step();
                                    n = s.getLong(0);
                                }
                                try (Stmt s = db.prepare("update c set n = ?")) {
                                    s.bindLong(1, n + 1);
                                    s.step();
                                }
                                return null;
                            });
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(50, TimeUnit.SECONDS);
                }
            } finally {
                ex.shutdownNow();
            }
            try (Stmt s = db.prepare("select n from c")) {
                s.step();
                assertEquals(400, s.getLong(0));
            }
        }
    }
}

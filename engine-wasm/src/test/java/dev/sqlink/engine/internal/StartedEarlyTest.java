package dev.sqlink.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.EngineLoadException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Start-up work begun early: runs once, on a daemon thread or the caller's, and never swallows or hangs on a failure. */
class StartedEarlyTest {
    private static final int CALLERS = 8;

    @Test
    void withoutStartTheCallerDoesTheWorkItself() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        StartedEarly<String> work = new StartedEarly<>("test work", () -> {
            ranOn.set(Thread.currentThread());
            return "done";
        });
        assertEquals("done", work.get());
        assertSame(Thread.currentThread(), ranOn.get());
    }

    @Test
    void startedWorkRunsOnADaemonThreadThatEnds() throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch began = new CountDownLatch(1);
        StartedEarly<String> work = new StartedEarly<>("test work", () -> {
            ranOn.set(Thread.currentThread());
            began.countDown();
            return "done";
        });
        work.start();
        began.await(); // else get() may find the work not yet begun and, rightly, do it itself
        assertEquals("done", work.get());
        Thread background = ranOn.get();
        assertTrue(background != Thread.currentThread(), "start() should hand the work to another thread");
        assertTrue(background.isDaemon(), "a background start-up thread must never keep the JVM alive");
        assertTrue(background.getName().contains("test work"), background.getName());
        background.join(); // ends once the work is done: returns, or this test never finishes
    }

    @Test
    void startTwiceStartsOnce() {
        AtomicInteger runs = new AtomicInteger();
        StartedEarly<Integer> work = new StartedEarly<>("test work", runs::incrementAndGet);
        work.start();
        work.start();
        assertEquals(1, work.get());
        assertEquals(1, work.get());
        assertEquals(1, runs.get());
    }

    @Test
    void concurrentCallersShareOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        StartedEarly<Object> work = new StartedEarly<>("test work", () -> {
            runs.incrementAndGet();
            release.await();
            return new Object();
        });
        work.start();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                results.add(callers.submit(work::get));
            }
            release.countDown();
            Object first = results.get(0).get();
            for (Future<Object> result : results) {
                assertSame(first, result.get(), "every caller must get the one result");
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(1, runs.get());
    }

    @Test
    void aFailureReachesEveryWaitingCallerWithItsCause() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        IllegalStateException cause = new IllegalStateException("meta is damaged");
        StartedEarly<Object> work = new StartedEarly<>("parsing the test module", () -> {
            release.await();
            throw cause;
        });
        work.start();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            List<Future<Throwable>> failures = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                failures.add(callers.submit(() -> assertThrows(EngineLoadException.class, work::get)));
            }
            release.countDown();
            for (Future<Throwable> failure : failures) {
                Throwable thrown = failure.get();
                assertSame(cause, thrown.getCause());
                assertTrue(thrown.getMessage().contains("parsing the test module"), thrown.getMessage());
                assertTrue(thrown.getMessage().contains("meta is damaged"), thrown.getMessage());
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void anErrorIsReportedNotSwallowed() {
        StartedEarly<Object> work = new StartedEarly<>("loading test classes", () -> {
            throw new NoClassDefFoundError("dev/sqlink/Missing");
        });
        work.start();
        EngineLoadException thrown = assertThrows(EngineLoadException.class, work::get);
        assertInstanceOf(NoClassDefFoundError.class, thrown.getCause());
    }

    @Test
    void theCallAfterAFailureTriesAgain() {
        AtomicInteger runs = new AtomicInteger();
        StartedEarly<String> work = new StartedEarly<>("test work", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new OutOfMemoryError("transient");
            }
            return "recovered";
        });
        work.start();
        assertThrows(EngineLoadException.class, work::get);
        assertEquals("recovered", work.get());
        assertEquals("recovered", work.get());
        assertEquals(2, runs.get());
    }

    @Test
    void anInterruptedCallerStillGetsTheResultAndKeepsItsInterrupt() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StartedEarly<String> work = new StartedEarly<>("test work", () -> {
            running.countDown();
            release.await();
            return "done";
        });
        work.start();
        // The caller must find the work running elsewhere: if it got there first it would run
        // the work itself, and this test's interruptible wait would see its own interrupt.
        running.await();
        AtomicReference<String> result = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            result.set(work.get());
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        release.countDown();
        caller.join();
        assertEquals("done", result.get());
        assertTrue(stillInterrupted.get(), "the caller's interrupt must stay set");
    }
}

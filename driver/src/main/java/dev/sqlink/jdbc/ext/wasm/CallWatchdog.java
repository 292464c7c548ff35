package dev.sqlink.jdbc.ext.wasm;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Stops wasm calls that run past their time limit. Chicory's compiled code checks the thread's
 * interrupt flag at every loop back-edge and call, so interrupting the calling thread stops a
 * runaway loop. The dangerous part is the other end: the same thread goes on into SQLite's own
 * wasm engine, which would take a late interrupt as a fatal trap. {@link Guard#disarm()} and
 * {@link Guard#expireIfDue} synchronize on the guard, so once a call has disarmed no interrupt
 * for it can arrive, and the caller clears the one that did.
 *
 * <p>One daemon thread watches the guards that are armed: every few milliseconds while a call
 * runs, every 100 ms otherwise. Arming costs two uncontended locks and a set insertion, no
 * scheduling.
 */
final class CallWatchdog {
    private CallWatchdog() {}

    private static final long ACTIVE_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long IDLE_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Set<Guard> ARMED = ConcurrentHashMap.newKeySet();

    static {
        Thread t = new Thread(CallWatchdog::watch, "sqlink-wasm-call-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private static void watch() {
        while (true) {
            LockSupport.parkNanos(ARMED.isEmpty() ? IDLE_TICK_NANOS : ACTIVE_TICK_NANOS);
            long now = System.nanoTime();
            for (Guard g : ARMED) {
                g.expireIfDue(now);
            }
        }
    }

    /** The time limit of one runtime's calls; one call at a time. */
    static final class Guard {
        private Thread thread;
        private long deadline;
        private boolean fired;

        /** Starts timing a call made by the current thread. */
        synchronized void arm(long timeoutMillis) {
            thread = Thread.currentThread();
            deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            fired = false;
            ARMED.add(this);
        }

        /**
         * Ends timing; from here on this guard interrupts nobody.
         *
         * @return whether the limit was reached (the caller's thread was then interrupted by us)
         */
        synchronized boolean disarm() {
            if (thread != null) {
                thread = null;
                ARMED.remove(this);
            }
            return fired;
        }

        synchronized void expireIfDue(long now) {
            if (thread != null && now - deadline >= 0) {
                fired = true;
                thread.interrupt();
                thread = null;
                ARMED.remove(this);
            }
        }
    }
}

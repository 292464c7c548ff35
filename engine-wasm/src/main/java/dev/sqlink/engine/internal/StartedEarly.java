package dev.sqlink.engine.internal;

import dev.sqlink.engine.EngineLoadException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A one-time piece of start-up work that may begin on a background thread before anyone needs
 * its result, so that it overlaps with what the application does meanwhile (a cold JVM spends
 * hundreds of milliseconds parsing the module metadata and loading the generated classes).
 *
 * <p>Whoever needs the result calls {@link #get()}. If the work has not begun (never started,
 * or no thread could be created) the caller does it itself, so nobody ever waits for a thread
 * that will not come; if it is running elsewhere the caller waits for it. The work runs at most
 * once per attempt however many threads ask. A failure is thrown, as an
 * {@link EngineLoadException} naming the work, to every caller of that attempt, and the next
 * call tries again (a transient cause such as memory pressure may have passed).
 *
 * <p>The thread is a daemon and ends when the work does: it never keeps a JVM alive.
 */
public final class StartedEarly<T> {
    private final String description;
    private final Callable<T> work;
    private final AtomicReference<FutureTask<T>> attempt;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param description what the work does, for thread names and error messages, e.g.
     *     "parsing SqliteModule.meta"
     */
    public StartedEarly(String description, Callable<T> work) {
        this.description = description;
        this.work = work;
        this.attempt = new AtomicReference<>(new FutureTask<>(work));
    }

    /** Begins the work on a daemon thread, once; later calls do nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        FutureTask<T> task = attempt.get();
        try {
            Thread thread = new Thread(task, "sqlink " + description);
            thread.setDaemon(true);
            thread.start();
        } catch (OutOfMemoryError | RuntimeException noThread) {
            // Only a head start is lost: get() does the work on the caller's thread.
        }
    }

    /** The result, computing it here if no other thread has begun to. */
    public T get() {
        FutureTask<T> task = attempt.get();
        task.run(); // returns at once if the task already ran or is running on another thread
        try {
            return awaitUninterruptibly(task);
        } catch (ExecutionException e) {
            attempt.compareAndSet(task, new FutureTask<>(work));
            Throwable cause = e.getCause();
            throw new EngineLoadException("sqlink could not load the SQLite engine: " + description + " failed: "
                    + cause, cause);
        }
    }

    /**
     * Waits like the synchronous work it replaces would have: an interrupt does not abandon the
     * open half-way, it stays set for the caller to see afterwards.
     */
    private static <T> T awaitUninterruptibly(FutureTask<T> task) throws ExecutionException {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

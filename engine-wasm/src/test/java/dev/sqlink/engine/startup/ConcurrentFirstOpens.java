package dev.sqlink.engine.startup;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Child JVM for {@link FirstOpenInFreshJvmTest}: several threads make the JVM's very first
 * opens at once (right after the background loading was started, so they race it), each reads
 * one row and prints it (or the error it got), then the JVM reports any non-daemon thread
 * still alive besides main. Usage: {@code ConcurrentFirstOpens DATABASE_FILE THREADS}.
 */
public final class ConcurrentFirstOpens {
    static final String ROW = "row ";
    static final String ERROR = "error ";
    static final String LINGERING = "non-daemon thread still alive: ";

    private ConcurrentFirstOpens() {}

    public static void main(String[] args) throws InterruptedException {
        String file = args[0];
        int threads = Integer.parseInt(args[1]);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> openers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread opener = new Thread(() -> {
                awaitQuietly(go);
                System.out.println(firstRow(file));
            }, "opener-" + i);
            opener.start();
            openers.add(opener);
        }
        Engine.startLoading();
        go.countDown();
        for (Thread opener : openers) {
            opener.join();
        }
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !thread.isDaemon() && thread != Thread.currentThread()) {
                System.out.println(LINGERING + thread.getName());
            }
        }
        System.out.flush();
        // exits on its own: a lingering non-daemon thread would also show as a child that never ends
    }

    private static String firstRow(String file) {
        try (Database db = Engine.open(file, OpenFlags.READONLY);
                Stmt stmt = db.prepare("SELECT value FROM settings WHERE key = 'theme'")) {
            return stmt.step() ? ROW + stmt.getText(0) : ERROR + "no row";
        } catch (RuntimeException e) {
            return ERROR + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

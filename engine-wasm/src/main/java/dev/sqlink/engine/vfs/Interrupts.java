package dev.sqlink.engine.vfs;

/**
 * Keeps a thread's interrupt from closing a shared channel. A {@code FileChannel} closes
 * itself when an interrupted thread uses it; here that would close the file for every
 * connection of the JVM and drop the process's locks on it. So the VFS clears the flag
 * around each channel call and sets it again afterwards: the caller still sees its
 * interrupt, the channel stays open. (An interrupt arriving during the system call itself
 * still closes the channel; the next use then fails with a clear I/O error instead of
 * silently running without locks.)
 */
final class Interrupts {
    private Interrupts() {}

    /** Clears the current thread's interrupt flag and returns whether it was set. */
    static boolean suspend() {
        return Thread.interrupted();
    }

    /** Restores what {@link #suspend()} cleared. */
    static void resume(boolean wasInterrupted) {
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

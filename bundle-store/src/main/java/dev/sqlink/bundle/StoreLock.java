package dev.sqlink.bundle;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The store-wide lock: shared for everything that reads or adds (save, import, build, open),
 * exclusive for garbage collection, which deletes. Across processes it is a {@link FileLock}
 * on {@code ROOT/lock}; inside one JVM a {@link ReentrantReadWriteLock}, because file locks
 * belong to the whole process (a second lock on the same file from this JVM would throw).
 *
 * <p>There is exactly one instance and one open channel per store folder and JVM, and the
 * channel is never closed: on POSIX, closing any descriptor of a file drops every lock the
 * process holds on it. Locks are taken with {@code tryLock} polling, never with a blocking
 * {@code lock()}, because interrupting a thread blocked in a channel operation closes the
 * channel, which would silently release the locks of every other thread.
 */
final class StoreLock {
    private static final ConcurrentHashMap<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantReadWriteLock jvm = new ReentrantReadWriteLock();
    private FileChannel channel;
    private FileLock shared;
    private int sharedHolders;

    private StoreLock(Path file) {
        this.file = file;
    }

    /** @param root the store folder, already created and resolved to its real path */
    static StoreLock of(Path root) {
        return LOCKS.computeIfAbsent(root, r -> new StoreLock(r.resolve("lock")));
    }

    /** A held lock; closing releases it. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held shared() throws IOException {
        jvm.readLock().lock();
        try {
            synchronized (this) {
                if (sharedHolders == 0) {
                    shared = acquire(true);
                }
                sharedHolders++;
            }
        } catch (IOException | RuntimeException e) {
            jvm.readLock().unlock();
            throw e;
        }
        return () -> {
            synchronized (this) {
                if (--sharedHolders == 0) {
                    release(shared);
                    shared = null;
                }
            }
            jvm.readLock().unlock();
        };
    }

    Held exclusive() throws IOException {
        if (jvm.getReadHoldCount() > 0) {
            throw new IllegalStateException("cannot upgrade a shared store lock to exclusive");
        }
        jvm.writeLock().lock();
        FileLock lock;
        try {
            lock = acquire(false);
        } catch (IOException | RuntimeException e) {
            jvm.writeLock().unlock();
            throw e;
        }
        return () -> {
            release(lock);
            jvm.writeLock().unlock();
        };
    }

    private synchronized FileChannel channel() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        }
        return channel;
    }

    private FileLock acquire(boolean sharedLock) throws IOException {
        long sleep = 1;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("interrupted while waiting for the bundle store lock " + file);
            }
            FileLock l = channel().tryLock(0, Long.MAX_VALUE, sharedLock);
            if (l != null) {
                return l;
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while waiting for the bundle store lock " + file);
            }
            sleep = Math.min(sleep * 2, 50);
        }
    }

    private static void release(FileLock l) {
        try {
            l.release();
        } catch (IOException e) {
            // The channel stays open, so this cannot happen short of a dying file system; the
            // lock goes with the process at the latest.
        }
    }
}

package dev.sqlink.engine;

import dev.sqlink.engine.vfs.ForwardingVfs;
import dev.sqlink.engine.vfs.ForwardingVfsFile;
import dev.sqlink.engine.vfs.VfsException;
import dev.sqlink.engine.vfs.VfsFile;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real files, but the next {@link #refuseLocks} lock requests of the main database fail with
 * SQLITE_BUSY, as if another process held the lock: lets a test drive SQLite's busy
 * handling without a second process.
 */
final class ContendedVfs extends ForwardingVfs {
    private static final int SQLITE_BUSY = 5;
    private static final int OPEN_MAIN_DB = 0x100;

    final AtomicInteger refuseLocks = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    @Override
    protected VfsFile wrap(VfsFile file, int flags) {
        return (flags & OPEN_MAIN_DB) == 0 ? file : new Contended(file);
    }

    private final class Contended extends ForwardingVfsFile {
        Contended(VfsFile file) {
            super(file);
        }

        @Override
        public void lock(int level) throws VfsException {
            if (refuseLocks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                throw new VfsException(SQLITE_BUSY, "locked by another holder (simulated)");
            }
            file.lock(level);
        }
    }
}

package dev.sqlink.engine;

import dev.sqlink.engine.vfs.FileVfs;
import dev.sqlink.engine.vfs.Vfs;
import dev.sqlink.engine.vfs.VfsException;
import dev.sqlink.engine.vfs.VfsFile;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real files, but the next {@link #refuseLocks} lock requests of the main database fail with
 * SQLITE_BUSY, as if another process held the lock: lets a test drive SQLite's busy
 * handling without a second process.
 */
final class ContendedVfs implements Vfs {
    private static final int SQLITE_BUSY = 5;
    private static final int OPEN_MAIN_DB = 0x100;

    final AtomicInteger refuseLocks = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();

    @Override
    public VfsFile open(String path, int flags) throws VfsException {
        VfsFile file = FileVfs.INSTANCE.open(path, flags);
        return (flags & OPEN_MAIN_DB) == 0 ? file : new Contended(file);
    }

    @Override
    public void delete(String path, boolean syncDirectory) throws VfsException {
        FileVfs.INSTANCE.delete(path, syncDirectory);
    }

    @Override
    public boolean access(String path, int flags) throws VfsException {
        return FileVfs.INSTANCE.access(path, flags);
    }

    @Override
    public String fullPathname(String path) throws VfsException {
        return FileVfs.INSTANCE.fullPathname(path);
    }

    private final class Contended implements VfsFile {
        private final VfsFile file;

        Contended(VfsFile file) {
            this.file = file;
        }

        @Override
        public void lock(int level) throws VfsException {
            if (refuseLocks.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refused.incrementAndGet();
                throw new VfsException(SQLITE_BUSY, "locked by another holder (simulated)");
            }
            file.lock(level);
        }

        @Override public int read(byte[] b, int n, long o) throws VfsException { return file.read(b, n, o); }
        @Override public void write(byte[] b, int n, long o) throws VfsException { file.write(b, n, o); }
        @Override public void truncate(long size) throws VfsException { file.truncate(size); }
        @Override public void sync(int flags) throws VfsException { file.sync(flags); }
        @Override public long size() throws VfsException { return file.size(); }
        @Override public void unlock(int level) throws VfsException { file.unlock(level); }
        @Override public boolean checkReservedLock() throws VfsException { return file.checkReservedLock(); }
        @Override public void close() throws VfsException { file.close(); }
    }
}

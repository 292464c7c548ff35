package dev.sqlink.engine.vfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One connection's handle on a file of {@link FileVfs}. I/O goes through the JVM-wide
 * {@link SharedFile} channel; this object only remembers the connection's own lock level
 * and whether it may write.
 */
final class FileVfsFile implements VfsFile {
    private static final int IOCAP_POWERSAFE_OVERWRITE = 0x1000;

    private final SharedFile shared;
    private final FileChannel channel;
    private final Path path;
    private final boolean deleteOnClose;
    private final boolean readOnly;
    /** Set when this open created the file: its directory entry must reach the disk on the first sync. */
    private boolean syncDirectoryOnSync;
    private boolean closed;
    /** The database's wal-index while this connection maps it. */
    private WalIndex walIndex;
    /** This connection's wal-index lock slots: bits 0-7 shared, 8-15 exclusive. */
    private int shmHeld;
    /** This connection's SQLite lock level; changed only by {@link SharedFile} under its guard. */
    int lockLevel;

    FileVfsFile(SharedFile shared, boolean deleteOnClose, boolean readOnly, boolean created) {
        this.shared = shared;
        this.channel = shared.channel;
        this.path = shared.path;
        this.deleteOnClose = deleteOnClose;
        this.readOnly = readOnly;
        this.syncDirectoryOnSync = created && !deleteOnClose;
    }

    SharedFile shared() {
        return shared;
    }

    @Override
    public int read(byte[] buffer, int length, long offset) throws VfsException {
        boolean interrupted = Interrupts.suspend();
        try {
            ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
            long position = offset;
            while (target.hasRemaining()) {
                int n = channel.read(target, position);
                if (n < 0) {
                    break;
                }
                position += n;
            }
            return target.position();
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.IOERR_READ, "read failed on " + path + ": " + e.getMessage(), e);
        } finally {
            Interrupts.resume(interrupted);
        }
    }

    @Override
    public void write(byte[] buffer, int length, long offset) throws VfsException {
        if (readOnly) {
            throw new VfsException(SqliteCodes.READONLY, path + " was opened read-only");
        }
        boolean interrupted = Interrupts.suspend();
        try {
            ByteBuffer source = ByteBuffer.wrap(buffer, 0, length);
            long position = offset;
            while (source.hasRemaining()) {
                position += channel.write(source, position);
            }
        } catch (IOException e) {
            boolean full = e.getMessage() != null && e.getMessage().contains("No space left");
            throw new VfsException(full ? SqliteCodes.FULL : SqliteCodes.IOERR_WRITE,
                    "write failed on " + path + ": " + e.getMessage(), e);
        } finally {
            Interrupts.resume(interrupted);
        }
    }

    @Override
    public void truncate(long size) throws VfsException {
        if (readOnly) {
            throw new VfsException(SqliteCodes.READONLY, path + " was opened read-only");
        }
        boolean interrupted = Interrupts.suspend();
        try {
            channel.truncate(size);
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.IOERR_TRUNCATE, "truncate failed on " + path + ": " + e.getMessage(), e);
        } finally {
            Interrupts.resume(interrupted);
        }
    }

    /**
     * {@code PRAGMA synchronous} decides whether SQLite calls this; when it does, data reaches
     * the disk. Like SQLite's unix VFS on Linux this is a data sync ({@code fdatasync}): it
     * includes the file size, and SQLite never depends on times or permissions being durable.
     */
    @Override
    public void sync(int flags) throws VfsException {
        boolean interrupted = Interrupts.suspend();
        try {
            channel.force(false);
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.IOERR_FSYNC, "sync failed on " + path + ": " + e.getMessage(), e);
        } finally {
            Interrupts.resume(interrupted);
        }
        if (syncDirectoryOnSync) {
            // A journal that exists on disk but not in its directory cannot roll anything back.
            FileVfs.syncDirectory(path);
            syncDirectoryOnSync = false;
        }
    }

    @Override
    public long size() throws VfsException {
        boolean interrupted = Interrupts.suspend();
        try {
            return channel.size();
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.IOERR_FSTAT, "size failed on " + path + ": " + e.getMessage(), e);
        } finally {
            Interrupts.resume(interrupted);
        }
    }

    @Override
    public void lock(int level) throws VfsException {
        shared.lock(this, level);
    }

    @Override
    public void unlock(int level) throws VfsException {
        shared.unlock(this, level);
    }

    @Override
    public boolean checkReservedLock() throws VfsException {
        return shared.reservedByAnyone();
    }

    @Override
    public SharedMemoryRegion shmMap(int region, int regionSize, boolean extend) throws VfsException {
        if (walIndex == null) {
            walIndex = OpenFileTable.attachWalIndex(shared);
        }
        return walIndex.region(region, regionSize, extend);
    }

    @Override
    public void shmLock(int offset, int count, int flags) throws VfsException {
        if (walIndex == null) {
            throw new VfsException(SqliteCodes.IOERR_SHMLOCK, "wal-index lock before the index was mapped");
        }
        shmHeld = walIndex.lock(this, shmHeld, offset, count, flags);
    }

    @Override
    public void shmUnmap(boolean delete) {
        if (walIndex == null) {
            return;
        }
        try {
            if (shmHeld != 0) {
                walIndex.lock(this, shmHeld, 0, 8, 1);
            }
        } catch (VfsException e) {
            // unlocking cannot fail
        }
        shmHeld = 0;
        OpenFileTable.detachWalIndex(walIndex, delete);
        walIndex = null;
    }

    @Override
    public int deviceCharacteristics() {
        return IOCAP_POWERSAFE_OVERWRITE;
    }

    @Override
    public boolean openedReadOnly() {
        return readOnly;
    }

    @Override
    public void close() throws VfsException {
        if (closed) {
            return;
        }
        closed = true;
        shmUnmap(false);
        try {
            // SQLite unlocks before closing; after a trap it could not, so never leave locks behind.
            shared.unlock(this, LOCK_NONE);
        } finally {
            try {
                OpenFileTable.release(shared);
                if (deleteOnClose) {
                    Files.deleteIfExists(path);
                }
            } catch (IOException e) {
                throw new VfsException(SqliteCodes.IOERR_CLOSE, "close failed on " + path + ": " + e.getMessage(), e);
            }
        }
    }
}

package dev.sqlink.engine.vfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The wal-index ("-shm") of one database, shared by every connection of this JVM that has
 * the database open in WAL mode: SQLite's {@code unixShmNode}.
 *
 * <p>The index lives in {@code byte[]} pages of 64 KiB (two of SQLite's 32 KiB regions
 * each), which the host maps into each connection's linear memory (see
 * {@link SharedMemoryRegion}); the {@code -shm} file itself only carries locks.
 *
 * <p>Other processes: this JVM cannot share its pages with a native process, so it keeps
 * them out instead. While the index is in use it holds a write lock on the {@code -shm}
 * file's DMS byte (offset 128, where native SQLite takes a read lock for as long as it uses
 * the file): a native process then gets {@code SQLITE_BUSY} and never touches the WAL, and if
 * a native process is already using it, this JVM refuses with a clear error. Neither side
 * can corrupt the other.
 */
final class WalIndex {
    static final int REGION_SIZE = 32768;
    static final int PAGE_SIZE = 65536;
    private static final long DMS_BYTE = 128;
    private static final int LOCK_SLOTS = 8;
    private static final int SHM_UNLOCK = 1;
    private static final int SHM_SHARED = 4;
    private static final int SHM_EXCLUSIVE = 8;

    private final SharedFile database;
    private final Path shmPath;
    private final FileChannel shmChannel;
    private final FileLock dmsLock;
    private final ReentrantLock guard = new ReentrantLock();
    private final List<byte[]> pages = new ArrayList<>();
    private int regions;
    private final int[] readers = new int[LOCK_SLOTS];
    private final Object[] writers = new Object[LOCK_SLOTS];
    /** Connections of this JVM using the index; guarded by {@link OpenFileTable}. */
    int users;

    private WalIndex(SharedFile database, Path shmPath, FileChannel shmChannel, FileLock dmsLock) {
        this.database = database;
        this.shmPath = shmPath;
        this.shmChannel = shmChannel;
        this.dmsLock = dmsLock;
    }

    /** Opens the index for {@code database}, or refuses when another process uses it. */
    static WalIndex open(SharedFile database) throws VfsException {
        Path shm = database.path.resolveSibling(database.path.getFileName() + "-shm");
        FileChannel channel;
        try {
            channel = FileChannel.open(shm, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.IOERR_SHMOPEN, "cannot open " + shm + " for WAL mode: " + e.getMessage()
                    + " (a read-only directory cannot hold a WAL database; use journal_mode=DELETE)", e);
        }
        FileLock dms;
        boolean interrupted = Interrupts.suspend();
        try {
            dms = channel.tryLock(DMS_BYTE, 1, false);
        } catch (IOException | OverlappingFileLockException e) {
            dms = null;
        } finally {
            Interrupts.resume(interrupted);
        }
        if (dms == null) {
            closeQuietly(channel);
            throw new VfsException(SqliteCodes.IOERR_SHMOPEN, database.path + " is open in WAL mode by another process"
                    + " (for example the native sqlite3 tool): its WAL index cannot be shared with this JVM."
                    + " Close the other process, or use journal_mode=DELETE to share the file between processes");
        }
        return new WalIndex(database, shm, channel, dms);
    }

    /**
     * The region {@code index}, creating it (zeroed) when {@code extend}; null when it does not
     * exist and must not be created.
     */
    SharedMemoryRegion region(int index, int size, boolean extend) throws VfsException {
        if (size != REGION_SIZE) {
            throw new VfsException(SqliteCodes.IOERR_SHMSIZE, "unexpected wal-index region size " + size);
        }
        guard.lock();
        try {
            if (index >= regions) {
                if (!extend) {
                    return null;
                }
                regions = index + 1;
                while (pages.size() * 2 < regions) {
                    pages.add(new byte[PAGE_SIZE]);
                }
            }
            byte[] page = pages.get(index / 2);
            return new SharedMemoryRegion(page, (index % 2) * REGION_SIZE);
        } finally {
            guard.unlock();
        }
    }

    /**
     * SQLite's {@code xShmLock} between connections of this JVM. Other processes are kept out
     * of the whole index by the DMS lock, so the slots need no file locks.
     *
     * @param held the caller's slots: bits 0-7 shared, bits 8-15 exclusive; returns the new value
     */
    int lock(Object owner, int held, int offset, int count, int flags) throws VfsException {
        guard.lock();
        try {
            if ((flags & SHM_UNLOCK) != 0) {
                for (int i = offset; i < offset + count; i++) {
                    if ((held & (1 << (8 + i))) != 0) {
                        writers[i] = null;
                    }
                    if ((held & (1 << i)) != 0) {
                        readers[i]--;
                    }
                    held &= ~((1 << i) | (1 << (8 + i)));
                }
                return held;
            }
            if ((flags & SHM_SHARED) != 0) {
                for (int i = offset; i < offset + count; i++) {
                    if ((held & (1 << i)) == 0) {
                        if (writers[i] != null && writers[i] != owner) {
                            throw busy();
                        }
                    }
                }
                for (int i = offset; i < offset + count; i++) {
                    if ((held & (1 << i)) == 0) {
                        readers[i]++;
                        held |= 1 << i;
                    }
                }
                return held;
            }
            if ((flags & SHM_EXCLUSIVE) != 0) {
                for (int i = offset; i < offset + count; i++) {
                    boolean ownShared = (held & (1 << i)) != 0;
                    if ((writers[i] != null && writers[i] != owner) || readers[i] > (ownShared ? 1 : 0)) {
                        throw busy();
                    }
                }
                for (int i = offset; i < offset + count; i++) {
                    writers[i] = owner;
                    held |= 1 << (8 + i);
                }
                return held;
            }
            throw new VfsException(SqliteCodes.IOERR_SHMLOCK, "unknown xShmLock flags " + flags);
        } finally {
            guard.unlock();
        }
    }

    private static VfsException busy() {
        return new VfsException(SqliteCodes.BUSY, "wal-index lock held by another connection");
    }

    /** Closes the index after its last user; deletes the -shm file when SQLite asks. */
    void close(boolean delete) {
        try {
            dmsLock.release();
        } catch (IOException e) {
            // the channel closes below, which drops the lock anyway
        }
        closeQuietly(shmChannel);
        if (delete) {
            try {
                Files.deleteIfExists(shmPath);
            } catch (IOException e) {
                // a stale -shm file is harmless: the next opener starts a fresh index
            }
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing useful to do
        }
    }

    SharedFile database() {
        return database;
    }
}

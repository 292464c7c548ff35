package dev.sqlink.engine.vfs;

/**
 * One open file of one connection: SQLite's {@code sqlite3_io_methods}. Lock levels are
 * SQLite's: 0 NONE, 1 SHARED, 2 RESERVED, 3 PENDING, 4 EXCLUSIVE.
 */
public interface VfsFile extends AutoCloseable {
    int LOCK_NONE = 0;
    int LOCK_SHARED = 1;
    int LOCK_RESERVED = 2;
    int LOCK_PENDING = 3;
    int LOCK_EXCLUSIVE = 4;

    /** {@code xSync} flags. */
    int SYNC_NORMAL = 0x2;
    int SYNC_FULL = 0x3;
    int SYNC_DATAONLY = 0x10;

    /**
     * Reads up to {@code length} bytes at {@code offset} into {@code buffer}.
     *
     * @return the number of bytes read; fewer than asked means end of file (the caller
     *     zero-fills and reports a short read, as SQLite requires)
     */
    int read(byte[] buffer, int length, long offset) throws VfsException;

    void write(byte[] buffer, int length, long offset) throws VfsException;

    void truncate(long size) throws VfsException;

    void sync(int flags) throws VfsException;

    long size() throws VfsException;

    /** Raises the lock; throws {@link VfsException} with {@code SQLITE_BUSY} when another holder prevents it. */
    void lock(int level) throws VfsException;

    void unlock(int level) throws VfsException;

    boolean checkReservedLock() throws VfsException;

    default int sectorSize() {
        return 4096;
    }

    /** {@code SQLITE_IOCAP_*} bits. */
    default int deviceCharacteristics() {
        return 0;
    }

    /** Whether a read-write open fell back to read-only (SQLite's {@code pOutFlags}). */
    default boolean openedReadOnly() {
        return false;
    }

    /**
     * Maps wal-index region {@code region} of {@code regionSize} (32 KiB) bytes; returns null
     * when the region does not exist and {@code extend} is false. The returned page must be
     * the same array for every connection of the JVM that maps the region: the host maps it
     * into each connection's linear memory. Only called when the VFS
     * {@linkplain Vfs#supportsSharedMemory() supports shared memory}.
     */
    default SharedMemoryRegion shmMap(int region, int regionSize, boolean extend) throws VfsException {
        throw new VfsException(0x150a /* SQLITE_IOERR_SHMMAP */, "shared memory is not supported by this VFS");
    }

    /** SQLite's {@code xShmLock}: {@code flags} combine LOCK/UNLOCK (2/1) with SHARED/EXCLUSIVE (4/8). */
    default void shmLock(int offset, int count, int flags) throws VfsException {
        throw new VfsException(0x140a /* SQLITE_IOERR_SHMLOCK */, "shared memory is not supported by this VFS");
    }

    default void shmBarrier() {}

    default void shmUnmap(boolean delete) throws VfsException {}

    @Override
    void close() throws VfsException;
}

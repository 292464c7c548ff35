package dev.sqlink.engine.vfs;

/**
 * The storage SQLite sees. The wasm module is built with {@code SQLITE_OS_OTHER}: every
 * file operation of the engine arrives here, so this is the single place where the engine
 * touches the file system. Which paths a connection may reach is decided in one place,
 * {@link OpenPolicy}, which {@link FileVfs} consults before every named open, delete and
 * access check.
 *
 * <p>Methods report failure by throwing {@link VfsException} with an SQLite result code;
 * the host glue turns that into the code SQLite expects. Implementations must be safe for
 * use by many connections at once; one {@link VfsFile} is used by one connection at a time.
 */
public interface Vfs {

    /** {@code xAccess} flags. */
    int ACCESS_EXISTS = 0;
    int ACCESS_READWRITE = 1;
    int ACCESS_READ = 2;

    /**
     * Opens a file.
     *
     * @param path the full path as returned by {@link #fullPathname}, or {@code null} for a
     *     temporary file that is deleted when closed
     * @param flags SQLite's {@code SQLITE_OPEN_*} flags, including the file-type bits
     *     (main db, journal, WAL, temp ...)
     * @return the open file; {@link VfsFile#openedReadOnly()} tells whether a read-write
     *     request fell back to read-only
     */
    VfsFile open(String path, int flags) throws VfsException;

    void delete(String path, boolean syncDirectory) throws VfsException;

    boolean access(String path, int flags) throws VfsException;

    /** Turns a name as the user wrote it into the canonical absolute path SQLite keys files by. */
    String fullPathname(String path) throws VfsException;

    /** Whether this VFS offers the shared-memory methods WAL needs across connections. */
    default boolean supportsSharedMemory() {
        return false;
    }
}

/**
 * The host VFS: the only way the SQLite engine reaches storage.
 *
 * <p>The wasm module is built with {@code SQLITE_OS_OTHER}; every {@code sqlite3_vfs} and
 * {@code sqlite3_io_methods} call arrives, through {@code internal.VfsBridge}, at a
 * {@link dev.sqlink.engine.vfs.Vfs}. The default, {@link dev.sqlink.engine.vfs.FileVfs}, works on
 * real files so that the files are ordinary SQLite files other processes can share:
 *
 * <ul>
 *   <li><b>Access</b>: {@link dev.sqlink.engine.vfs.OpenPolicy} decides, in one place, which
 *       named files a connection may open, delete or probe (main database, sidecars, ATTACH).
 *   <li><b>One file, one channel per JVM</b>: {@code OpenFileTable} keys open files by identity
 *       (device and inode) and hands every connection the same {@code SharedFile}, whose channel
 *       closes with the last connection, so closing one connection never drops another's
 *       POSIX locks.
 *   <li><b>Locks</b>: {@code SharedFile} runs SQLite's unix protocol (PENDING byte 0x40000000,
 *       RESERVED +1, SHARED range of 510 bytes at +2) with counts inside the JVM and
 *       {@code FileLock}s towards other processes, which native SQLite honours.
 *   <li><b>WAL</b>: {@code WalIndex} holds the wal-index in 64 KiB pages that every connection
 *       maps into its own linear memory (see {@code internal.SharedPageMemory}); its slot locks
 *       are JVM-wide. Across processes it excludes instead of sharing: a write lock on the
 *       {@code -shm} DMS byte keeps native SQLite out while this JVM uses WAL on the file, and a
 *       native process already using it makes this JVM refuse with {@code SQLITE_IOERR_SHMOPEN}.
 *   <li><b>Durability</b>: {@code xSync} is {@code FileChannel.force}; a newly created journal's
 *       directory is synced on its first sync, as the unix VFS does.
 * </ul>
 */
package dev.sqlink.engine.vfs;

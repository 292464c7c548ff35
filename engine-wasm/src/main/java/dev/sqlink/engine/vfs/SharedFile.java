package dev.sqlink.engine.vfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One file as this JVM sees it (SQLite's unix VFS keeps the same per inode): the single
 * channel every connection of the JVM uses for it, and the JVM's share of SQLite's lock
 * protocol on it.
 *
 * <p>Why one channel: POSIX record locks belong to the process, and closing any descriptor of a
 * file drops all of the process's locks on it. With one channel per file, a connection
 * closing never drops another connection's lock; the channel is closed only when the last
 * connection of the JVM lets go of the file (see {@link OpenFileTable}).
 *
 * <p>The byte ranges are SQLite's ({@code os_unix.c}), so native SQLite processes and this
 * JVM exclude each other: PENDING byte at 0x40000000, RESERVED at +1, SHARED range of 510
 * bytes at +2. Inside the JVM the counts below decide; the OS locks stand for the whole JVM.
 */
final class SharedFile {
    static final long PENDING_BYTE = 0x40000000L;
    static final long RESERVED_BYTE = PENDING_BYTE + 1;
    static final long SHARED_FIRST = PENDING_BYTE + 2;
    static final long SHARED_SIZE = 510;

    final Object key;
    final Path path;
    final FileChannel channel;
    final boolean writable;
    /** Connections of this JVM that have the file open; guarded by {@link OpenFileTable}. */
    int openCount;
    /** The wal-index while any connection of the JVM uses it; guarded by {@link OpenFileTable}. */
    WalIndex walIndex;

    private final ReentrantLock guard = new ReentrantLock();
    /** The strongest lock any connection of this JVM holds. */
    private int level;
    /** Connections of this JVM holding at least SHARED. */
    private int sharedHolders;
    private FileLock pendingLock;
    private FileLock reservedLock;
    private FileLock sharedRangeLock;

    SharedFile(Object key, Path path, FileChannel channel, boolean writable) {
        this.key = key;
        this.path = path;
        this.channel = channel;
        this.writable = writable;
    }

    /**
     * Raises {@code file}'s lock to {@code wanted}, following {@code unixLock}. On failure
     * throws {@code SQLITE_BUSY}; a failed EXCLUSIVE still leaves the file at PENDING so new
     * readers stay out while the writer waits for old ones to finish.
     */
    void lock(FileVfsFile file, int wanted) throws VfsException {
        guard.lock();
        try {
            int current = file.lockLevel;
            if (current >= wanted) {
                return;
            }
            if (level != current && (level >= VfsFile.LOCK_PENDING || wanted > VfsFile.LOCK_SHARED)) {
                throw busy("another connection of this JVM holds a lock");
            }
            if (wanted == VfsFile.LOCK_SHARED
                    && (level == VfsFile.LOCK_SHARED || level == VfsFile.LOCK_RESERVED)) {
                sharedHolders++;
                file.lockLevel = VfsFile.LOCK_SHARED;
                return;
            }
            if (wanted == VfsFile.LOCK_SHARED
                    || (wanted == VfsFile.LOCK_EXCLUSIVE && current < VfsFile.LOCK_PENDING)) {
                pendingLock = tryLock(PENDING_BYTE, 1, wanted == VfsFile.LOCK_SHARED);
                if (pendingLock == null) {
                    throw busy("another process holds the pending lock");
                }
            }
            if (wanted == VfsFile.LOCK_SHARED) {
                // The pending byte was only a gate that keeps new readers out while a writer waits.
                sharedRangeLock = tryLock(SHARED_FIRST, SHARED_SIZE, true);
                release(pendingLock);
                pendingLock = null;
                if (sharedRangeLock == null) {
                    throw busy("another process holds an exclusive lock");
                }
                sharedHolders = 1;
                level = VfsFile.LOCK_SHARED;
                file.lockLevel = VfsFile.LOCK_SHARED;
                return;
            }
            if (wanted == VfsFile.LOCK_EXCLUSIVE && sharedHolders > 1) {
                markPending(file);
                throw busy("other connections of this JVM are reading");
            }
            if (wanted == VfsFile.LOCK_RESERVED) {
                reservedLock = tryLock(RESERVED_BYTE, 1, false);
                if (reservedLock == null) {
                    throw busy("another process holds the reserved lock");
                }
                level = VfsFile.LOCK_RESERVED;
                file.lockLevel = VfsFile.LOCK_RESERVED;
                return;
            }
            if (!upgradeSharedRange()) {
                markPending(file);
                throw busy("other processes are reading");
            }
            level = VfsFile.LOCK_EXCLUSIVE;
            file.lockLevel = VfsFile.LOCK_EXCLUSIVE;
        } finally {
            guard.unlock();
        }
    }

    private void markPending(FileVfsFile file) {
        if (pendingLock != null) {
            level = VfsFile.LOCK_PENDING;
            file.lockLevel = VfsFile.LOCK_PENDING;
        }
    }

    /**
     * Turns the JVM's read lock on the SHARED range into a write lock. Java cannot convert a
     * lock in place, so it is released and re-taken; this is safe because we hold the
     * PENDING byte, without which no process can take a new lock on the range meanwhile.
     */
    private boolean upgradeSharedRange() throws VfsException {
        release(sharedRangeLock);
        sharedRangeLock = tryLock(SHARED_FIRST, SHARED_SIZE, false);
        if (sharedRangeLock != null) {
            return true;
        }
        sharedRangeLock = tryLock(SHARED_FIRST, SHARED_SIZE, true);
        if (sharedRangeLock == null) {
            throw new VfsException(SqliteCodes.IOERR_RDLOCK, "lost the shared lock on " + path + " while upgrading");
        }
        return false;
    }

    /** Lowers {@code file}'s lock to {@code wanted} (SHARED or NONE), following {@code posixUnlock}. */
    void unlock(FileVfsFile file, int wanted) throws VfsException {
        guard.lock();
        try {
            int current = file.lockLevel;
            if (current <= wanted) {
                return;
            }
            if (current > VfsFile.LOCK_SHARED) {
                if (wanted == VfsFile.LOCK_SHARED && sharedRangeLock != null && !sharedRangeLock.isShared()) {
                    // Downgrade while still holding PENDING, so no writer slips in between.
                    release(sharedRangeLock);
                    sharedRangeLock = tryLock(SHARED_FIRST, SHARED_SIZE, true);
                    if (sharedRangeLock == null) {
                        throw new VfsException(SqliteCodes.IOERR_RDLOCK, "could not downgrade the lock on " + path);
                    }
                }
                release(pendingLock);
                pendingLock = null;
                release(reservedLock);
                reservedLock = null;
                level = VfsFile.LOCK_SHARED;
            }
            if (wanted == VfsFile.LOCK_NONE) {
                sharedHolders--;
                if (sharedHolders == 0) {
                    release(sharedRangeLock);
                    sharedRangeLock = null;
                    level = VfsFile.LOCK_NONE;
                }
            }
            file.lockLevel = wanted;
        } finally {
            guard.unlock();
        }
    }

    /** Whether any connection, of this JVM or another process, holds RESERVED or more. */
    boolean reservedByAnyone() throws VfsException {
        guard.lock();
        try {
            if (level > VfsFile.LOCK_SHARED) {
                return true;
            }
            // A read lock on the byte succeeds exactly when no one holds the write lock on it.
            FileLock probe = tryLock(RESERVED_BYTE, 1, true);
            if (probe == null) {
                return true;
            }
            release(probe);
            return false;
        } finally {
            guard.unlock();
        }
    }

    private FileLock tryLock(long position, long size, boolean shared) throws VfsException {
        boolean interrupted = Interrupts.suspend();
        try {
            return channel.tryLock(position, size, shared);
        } catch (OverlappingFileLockException e) {
            // Something else in this JVM (not a connection of ours) locked the file: treat as busy.
            return null;
        } catch (NonWritableChannelException e) {
            throw new VfsException(SqliteCodes.READONLY, path + " is open read-only: cannot take a write lock");
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.IOERR_LOCK, "lock failed on " + path + ": " + e.getMessage(), e);
        } finally {
            Interrupts.resume(interrupted);
        }
    }

    private void release(FileLock lock) throws VfsException {
        if (lock == null) {
            return;
        }
        boolean interrupted = Interrupts.suspend();
        try {
            lock.release();
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.IOERR_UNLOCK, "unlock failed on " + path + ": " + e.getMessage(), e);
        } finally {
            Interrupts.resume(interrupted);
        }
    }

    private VfsException busy(String why) {
        return new VfsException(SqliteCodes.BUSY, path + " is locked: " + why);
    }
}

package dev.sqlink.engine.vfs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One open file of {@link FileVfs}. Locking here is the minimal in-process scheme of the
 * foundation: the host-VFS work replaces it with SQLite's byte-range protocol.
 */
final class FileVfsFile implements VfsFile {
    private static final int SQLITE_IOERR_READ = 10 | (1 << 8);
    private static final int SQLITE_IOERR_WRITE = 10 | (3 << 8);
    private static final int SQLITE_IOERR_FSYNC = 10 | (4 << 8);
    private static final int SQLITE_IOERR_TRUNCATE = 10 | (6 << 8);
    private static final int SQLITE_IOERR_FSTAT = 10 | (7 << 8);
    private static final int SQLITE_IOERR_CLOSE = 10 | (16 << 8);
    private static final int SQLITE_FULL = 13;

    private final Path path;
    private final FileChannel channel;
    private final boolean deleteOnClose;
    private final boolean readOnly;
    private int lockLevel;

    FileVfsFile(Path path, FileChannel channel, boolean deleteOnClose, boolean readOnly) {
        this.path = path;
        this.channel = channel;
        this.deleteOnClose = deleteOnClose;
        this.readOnly = readOnly;
    }

    @Override
    public int read(byte[] buffer, int length, long offset) throws VfsException {
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
            throw new VfsException(SQLITE_IOERR_READ, "read failed on " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void write(byte[] buffer, int length, long offset) throws VfsException {
        try {
            ByteBuffer source = ByteBuffer.wrap(buffer, 0, length);
            long position = offset;
            while (source.hasRemaining()) {
                position += channel.write(source, position);
            }
        } catch (IOException e) {
            boolean full = e.getMessage() != null && e.getMessage().contains("No space left");
            throw new VfsException(full ? SQLITE_FULL : SQLITE_IOERR_WRITE,
                    "write failed on " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void truncate(long size) throws VfsException {
        try {
            channel.truncate(size);
        } catch (IOException e) {
            throw new VfsException(SQLITE_IOERR_TRUNCATE, "truncate failed on " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void sync(int flags) throws VfsException {
        try {
            channel.force((flags & SYNC_DATAONLY) == 0);
        } catch (IOException e) {
            throw new VfsException(SQLITE_IOERR_FSYNC, "sync failed on " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long size() throws VfsException {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new VfsException(SQLITE_IOERR_FSTAT, "size failed on " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void lock(int level) {
        lockLevel = Math.max(lockLevel, level);
    }

    @Override
    public void unlock(int level) {
        lockLevel = Math.min(lockLevel, level);
    }

    @Override
    public boolean checkReservedLock() {
        return false;
    }

    @Override
    public boolean openedReadOnly() {
        return readOnly;
    }

    @Override
    public void close() throws VfsException {
        try {
            channel.close();
            if (deleteOnClose) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new VfsException(SQLITE_IOERR_CLOSE, "close failed on " + path + ": " + e.getMessage(), e);
        }
    }
}

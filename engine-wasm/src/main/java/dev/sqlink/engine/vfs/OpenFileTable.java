package dev.sqlink.engine.vfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The JVM-wide table of open files, keyed by the file's identity (device and inode where the
 * platform reports them, else the real path), so that every connection of the JVM to one
 * file shares one {@link SharedFile}: one channel, one lock state.
 */
final class OpenFileTable {
    private static final Map<Object, SharedFile> FILES = new HashMap<>();

    private OpenFileTable() {}

    /**
     * Opens {@code path} for one more connection.
     *
     * @param existing the file's attributes if it exists (from {@link #attributes}), else null
     * @param create create the file when it does not exist
     * @param exclusive fail when it exists (SQLite's {@code SQLITE_OPEN_EXCLUSIVE})
     * @param write whether the connection wants to write; the shared channel is opened for
     *     writing whenever the file allows it, so later writers can share it
     */
    static SharedFile acquire(Path path, BasicFileAttributes existing, boolean write, boolean create, boolean exclusive)
            throws VfsException {
        synchronized (FILES) {
            if (!exclusive && existing != null) {
                SharedFile known = FILES.get(keyOf(path, existing));
                if (known != null) {
                    known.openCount++;
                    return known;
                }
            }
            FileChannel channel;
            boolean writable = true;
            try {
                channel = open(path, write && create, exclusive);
            } catch (AccessDeniedException | ReadOnlyFileSystem e) {
                if (write && !Files.exists(path)) {
                    throw new VfsException(SqliteCodes.CANTOPEN, "permission denied: cannot create " + path, e);
                }
                writable = false;
                try {
                    channel = FileChannel.open(path, StandardOpenOption.READ);
                } catch (AccessDeniedException e2) {
                    throw new VfsException(SqliteCodes.CANTOPEN, "permission denied: cannot read " + path, e2);
                } catch (IOException e2) {
                    throw cantOpen(path, e2);
                }
            } catch (IOException e) {
                throw cantOpen(path, e);
            }
            Object key = keyOf(path);
            SharedFile file = new SharedFile(key, path, channel, writable);
            file.openCount = 1;
            FILES.put(key, file);
            return file;
        }
    }

    /** Lets go of one connection's use; the channel closes with the last one. */
    static void release(SharedFile file) throws IOException {
        synchronized (FILES) {
            if (--file.openCount > 0) {
                return;
            }
            FILES.remove(file.key, file);
        }
        file.channel.close();
    }

    /**
     * Called before {@code path} is deleted: its entry must not outlive the directory entry,
     * or a new file that the file system gives the same inode number would be mistaken for
     * the deleted one (and written through a channel to a file nobody can see).
     */
    static void forget(Path path) {
        synchronized (FILES) {
            SharedFile known = lookup(path);
            if (known != null) {
                FILES.remove(known.key, known);
            }
        }
    }

    /** The wal-index of {@code file} for one more connection, opened by the first. */
    static WalIndex attachWalIndex(SharedFile file) throws VfsException {
        synchronized (FILES) {
            if (file.walIndex == null) {
                file.walIndex = WalIndex.open(file);
            }
            file.walIndex.users++;
            return file.walIndex;
        }
    }

    /** One connection stops using the wal-index; the last one closes it. */
    static void detachWalIndex(WalIndex index, boolean delete) {
        synchronized (FILES) {
            if (--index.users > 0) {
                return;
            }
            index.database().walIndex = null;
        }
        index.close(delete);
    }

    /** The shared file for {@code path} if some connection of this JVM has it open. */
    static SharedFile lookup(Path path) {
        synchronized (FILES) {
            BasicFileAttributes attributes = attributes(path);
            try {
                return attributes == null ? null : FILES.get(keyOf(path, attributes));
            } catch (VfsException e) {
                return null; // a file we cannot identify is not one we have open
            }
        }
    }

    /** The file's attributes (one stat), or null when it does not exist or cannot be read. */
    static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static FileChannel open(Path path, boolean create, boolean exclusive) throws IOException {
        try {
            if (exclusive) {
                return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE_NEW);
            }
            if (create) {
                return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        StandardOpenOption.CREATE);
            }
            return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException | NoSuchFileException | AccessDeniedException e) {
            throw e;
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Read-only file system")) {
                throw new ReadOnlyFileSystem(e);
            }
            throw e;
        }
    }

    private static Object keyOf(Path path) throws VfsException {
        try {
            return keyOf(path, Files.readAttributes(path, BasicFileAttributes.class));
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.CANTOPEN, "cannot identify " + path + ": " + e.getMessage(), e);
        }
    }

    /** Device and inode where the platform reports them, else the real path. */
    private static Object keyOf(Path path, BasicFileAttributes attributes) throws VfsException {
        Object key = attributes.fileKey();
        if (key != null) {
            return key;
        }
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            throw new VfsException(SqliteCodes.CANTOPEN, "cannot identify " + path + ": " + e.getMessage(), e);
        }
    }

    private static VfsException cantOpen(Path path, IOException e) {
        if (e instanceof NoSuchFileException) {
            return new VfsException(SqliteCodes.CANTOPEN, "no such file: " + path, e);
        }
        if (e instanceof FileAlreadyExistsException) {
            return new VfsException(SqliteCodes.CANTOPEN, "already exists: " + path, e);
        }
        return new VfsException(SqliteCodes.CANTOPEN, "cannot open " + path + ": " + e.getMessage(), e);
    }

    /** A write open refused because the file system is mounted read-only; handled like a permission denial. */
    private static final class ReadOnlyFileSystem extends IOException {
        private static final long serialVersionUID = 1L;

        ReadOnlyFileSystem(FileSystemException cause) {
            super(cause.getMessage(), cause);
        }
    }
}

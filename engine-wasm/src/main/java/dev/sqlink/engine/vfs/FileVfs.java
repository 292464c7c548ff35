package dev.sqlink.engine.vfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The default VFS: real files through {@link FileChannel}, locked with SQLite's unix
 * byte-range protocol so native SQLite processes can share the files, and shared per JVM
 * (see {@link SharedFile}) so connections of one JVM exclude each other correctly.
 *
 * <p>Every named file the engine opens, deletes or probes passes {@link OpenPolicy} first:
 * that is the one place to restrict what a connection may reach.
 */
public final class FileVfs implements Vfs {

    /** Allows every path. */
    public static final FileVfs INSTANCE = new FileVfs(OpenPolicy.ALLOW_ALL);

    private final OpenPolicy policy;

    private FileVfs(OpenPolicy policy) {
        this.policy = policy;
    }

    /** A file VFS whose opens are decided by {@code policy}; files and locks are still shared JVM-wide. */
    public static FileVfs withPolicy(OpenPolicy policy) {
        return new FileVfs(policy);
    }

    @Override
    public VfsFile open(String name, int flags) throws VfsException {
        boolean deleteOnClose = (flags & SqliteCodes.OPEN_DELETEONCLOSE) != 0;
        boolean write = (flags & SqliteCodes.OPEN_READWRITE) != 0;
        boolean create = write && (flags & SqliteCodes.OPEN_CREATE) != 0;
        boolean exclusive = create && (flags & SqliteCodes.OPEN_EXCLUSIVE) != 0;
        Path path;
        if (name == null) {
            // SQLite wants an anonymous temporary file (temp database, sorter, statement journal).
            path = createTempFile();
            deleteOnClose = true;
            // SQLite asks for an exclusive create, but the file already exists: it was just
            // made, with a unique name, by createTempFile, so exclusivity holds already.
            exclusive = false;
        } else {
            path = Paths.get(name);
            try {
                check(name, flags, write);
            } catch (VfsException refused) {
                if (!write || !mayRetryReadOnly(name, path, flags)) {
                    throw refused;
                }
                // As SQLite's unix VFS does when it may not write a database: open it read-only.
                write = false;
                create = false;
                exclusive = false;
            }
        }
        BasicFileAttributes existing = OpenFileTable.attributes(path);
        if (existing != null && existing.isDirectory()) {
            throw new VfsException(SqliteCodes.CANTOPEN_ISDIR, "is a directory, not a database file: " + path);
        }
        boolean existed = name != null && existing != null;
        SharedFile shared = OpenFileTable.acquire(path, existing, write, create || name == null, exclusive);
        boolean readOnly = !write || !shared.writable;
        return new FileVfsFile(shared, deleteOnClose, readOnly, write && !existed);
    }

    private void check(String name, int flags, boolean write) throws VfsException {
        policy.check(new OpenPolicy.Request(name, OpenPolicy.databaseOf(name), OpenPolicy.Kind.of(flags), write));
    }

    /**
     * A database the policy will not let us write may still be readable: then it opens
     * read-only (SQLite reports SQLITE_READONLY on a write), as a file without write
     * permission does. Only for an existing database; creating one needs the write grant.
     */
    private boolean mayRetryReadOnly(String name, Path path, int flags) {
        OpenPolicy.Kind kind = OpenPolicy.Kind.of(flags);
        if ((kind != OpenPolicy.Kind.MAIN_DB && kind != OpenPolicy.Kind.TEMP_DB) || !Files.isRegularFile(path)) {
            return false;
        }
        try {
            check(name, flags, false);
            return true;
        } catch (VfsException stillRefused) {
            return false;
        }
    }

    private static Path createTempFile() throws VfsException {
        try {
            return Files.createTempFile("sqlink-", ".tmp");
        } catch (IOException | RuntimeException e) {
            throw new VfsException(SqliteCodes.CANTOPEN,
                    "cannot create a temporary file in " + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String name, boolean syncDirectory) throws VfsException {
        policy.check(new OpenPolicy.Request(name, OpenPolicy.databaseOf(name), OpenPolicy.Kind.OTHER, true));
        Path path = Paths.get(name);
        OpenFileTable.forget(path);
        try {
            Files.delete(path);
        } catch (NoSuchFileException e) {
            throw new VfsException(SqliteCodes.IOERR_DELETE_NOENT, "no such file: " + name, e);
        } catch (IOException | RuntimeException e) {
            throw new VfsException(SqliteCodes.IOERR_DELETE, "cannot delete " + name + ": " + e.getMessage(), e);
        }
        if (syncDirectory) {
            syncDirectory(path);
        }
    }

    @Override
    public boolean access(String name, int flags) throws VfsException {
        try {
            policy.check(new OpenPolicy.Request(name, OpenPolicy.databaseOf(name), OpenPolicy.Kind.OTHER,
                    flags == ACCESS_READWRITE));
        } catch (VfsException refused) {
            return false; // a file the connection may not touch is, for SQLite, not there
        }
        try {
            Path file = Paths.get(name);
            switch (flags) {
                case ACCESS_EXISTS:
                    // As SQLite's unix VFS: an empty regular file (an empty journal or WAL) does not exist.
                    return Files.exists(file) && (!Files.isRegularFile(file) || Files.size(file) > 0);
                case ACCESS_READWRITE:
                    return Files.isReadable(file) && Files.isWritable(file);
                default:
                    return Files.isReadable(file);
            }
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            throw new VfsException(SqliteCodes.IOERR_ACCESS, "cannot check " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String fullPathname(String name) throws VfsException {
        try {
            return Paths.get(name).toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            throw new VfsException(SqliteCodes.CANTOPEN_FULLPATH, "not a valid path: " + name, e);
        }
    }

    /** Offers SQLite's shared-memory methods: the wal-index is shared by the connections of this JVM. */
    @Override
    public boolean supportsSharedMemory() {
        return true;
    }

    /** Makes a created or deleted directory entry durable (what {@code unixSync} does for journals). */
    static void syncDirectory(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Best effort, as in SQLite's unix VFS: some file systems cannot sync a directory.
        }
    }
}

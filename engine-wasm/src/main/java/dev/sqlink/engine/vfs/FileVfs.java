package dev.sqlink.engine.vfs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/** The default VFS: real files through {@link FileChannel}. */
public final class FileVfs implements Vfs {

    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_CANTOPEN_ISDIR = 14 | (2 << 8);
    private static final int SQLITE_CANTOPEN_FULLPATH = 14 | (3 << 8);
    private static final int SQLITE_IOERR_DELETE = 10 | (10 << 8);
    private static final int SQLITE_IOERR_DELETE_NOENT = 10 | (23 << 8);
    private static final int SQLITE_IOERR_ACCESS = 10 | (13 << 8);

    private static final int OPEN_READONLY = 0x1;
    private static final int OPEN_READWRITE = 0x2;
    private static final int OPEN_CREATE = 0x4;
    private static final int OPEN_DELETEONCLOSE = 0x8;
    private static final int OPEN_EXCLUSIVE = 0x10;

    public static final FileVfs INSTANCE = new FileVfs();

    private FileVfs() {}

    @Override
    public VfsFile open(String path, int flags) throws VfsException {
        Path file;
        boolean deleteOnClose = (flags & OPEN_DELETEONCLOSE) != 0;
        try {
            if (path == null) {
                file = Files.createTempFile("sqlink-", ".tmp");
                deleteOnClose = true;
            } else {
                file = Paths.get(path);
            }
        } catch (IOException | RuntimeException e) {
            throw new VfsException(SQLITE_CANTOPEN, "cannot create a temporary file: " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new VfsException(SQLITE_CANTOPEN_ISDIR, "is a directory: " + file);
        }
        boolean readWrite = (flags & OPEN_READWRITE) != 0;
        Set<OpenOption> options = new HashSet<>();
        options.add(StandardOpenOption.READ);
        if (readWrite) {
            options.add(StandardOpenOption.WRITE);
            if ((flags & OPEN_CREATE) != 0) {
                options.add((flags & OPEN_EXCLUSIVE) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            }
        }
        try {
            FileChannel channel = FileChannel.open(file, options);
            return new FileVfsFile(file, channel, deleteOnClose, false);
        } catch (AccessDeniedException e) {
            if (readWrite && Files.isReadable(file)) {
                // As SQLite's unix VFS does: fall back to read-only and tell SQLite so.
                try {
                    return new FileVfsFile(file, FileChannel.open(file, StandardOpenOption.READ), deleteOnClose, true);
                } catch (IOException e2) {
                    throw new VfsException(SQLITE_CANTOPEN, "cannot open " + file + ": " + e2.getMessage(), e2);
                }
            }
            throw new VfsException(SQLITE_CANTOPEN, "permission denied: " + file, e);
        } catch (NoSuchFileException e) {
            throw new VfsException(SQLITE_CANTOPEN, "no such file: " + file, e);
        } catch (IOException | RuntimeException e) {
            throw new VfsException(SQLITE_CANTOPEN, "cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String path, boolean syncDirectory) throws VfsException {
        try {
            Files.delete(Paths.get(path));
        } catch (NoSuchFileException e) {
            throw new VfsException(SQLITE_IOERR_DELETE_NOENT, "no such file: " + path, e);
        } catch (IOException | RuntimeException e) {
            throw new VfsException(SQLITE_IOERR_DELETE, "cannot delete " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean access(String path, int flags) throws VfsException {
        try {
            Path file = Paths.get(path);
            switch (flags) {
                case ACCESS_EXISTS:
                    // SQLite treats an empty journal as absent, like the unix VFS does.
                    return Files.exists(file) && (Files.isDirectory(file) || Files.size(file) > 0 || !isSidecar(path));
                case ACCESS_READWRITE:
                    return Files.isReadable(file) && Files.isWritable(file);
                default:
                    return Files.isReadable(file);
            }
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | RuntimeException e) {
            throw new VfsException(SQLITE_IOERR_ACCESS, "cannot check " + path + ": " + e.getMessage(), e);
        }
    }

    private static boolean isSidecar(String path) {
        return path.endsWith("-journal") || path.endsWith("-wal");
    }

    @Override
    public String fullPathname(String path) throws VfsException {
        try {
            return Paths.get(path).toAbsolutePath().normalize().toString();
        } catch (RuntimeException e) {
            throw new VfsException(SQLITE_CANTOPEN_FULLPATH, "not a valid path: " + path, e);
        }
    }

}

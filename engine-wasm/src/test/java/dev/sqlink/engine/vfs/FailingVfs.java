package dev.sqlink.engine.vfs;

/**
 * Wraps {@link FileVfs} and makes writes that grow a file fail with {@code SQLITE_FULL}
 * once armed: a full disk, as a failing channel would report it.
 */
final class FailingVfs implements Vfs {
    private static final int SQLITE_FULL = 13;

    volatile boolean diskFull;

    @Override
    public VfsFile open(String path, int flags) throws VfsException {
        return new FailingFile(FileVfs.INSTANCE.open(path, flags));
    }

    @Override
    public void delete(String path, boolean syncDirectory) throws VfsException {
        FileVfs.INSTANCE.delete(path, syncDirectory);
    }

    @Override
    public boolean access(String path, int flags) throws VfsException {
        return FileVfs.INSTANCE.access(path, flags);
    }

    @Override
    public String fullPathname(String path) throws VfsException {
        return FileVfs.INSTANCE.fullPathname(path);
    }

    private final class FailingFile implements VfsFile {
        private final VfsFile file;

        FailingFile(VfsFile file) {
            this.file = file;
        }

        @Override
        public int read(byte[] buffer, int length, long offset) throws VfsException {
            return file.read(buffer, length, offset);
        }

        @Override
        public void write(byte[] buffer, int length, long offset) throws VfsException {
            if (diskFull && offset + length > file.size()) {
                throw new VfsException(SQLITE_FULL, "No space left on device (simulated)");
            }
            file.write(buffer, length, offset);
        }

        @Override
        public void truncate(long size) throws VfsException {
            file.truncate(size);
        }

        @Override
        public void sync(int flags) throws VfsException {
            file.sync(flags);
        }

        @Override
        public long size() throws VfsException {
            return file.size();
        }

        @Override
        public void lock(int level) throws VfsException {
            file.lock(level);
        }

        @Override
        public void unlock(int level) throws VfsException {
            file.unlock(level);
        }

        @Override
        public boolean checkReservedLock() throws VfsException {
            return file.checkReservedLock();
        }

        @Override
        public boolean openedReadOnly() {
            return file.openedReadOnly();
        }

        @Override
        public void close() throws VfsException {
            file.close();
        }
    }
}

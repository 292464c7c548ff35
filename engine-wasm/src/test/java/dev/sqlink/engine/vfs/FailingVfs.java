package dev.sqlink.engine.vfs;

/**
 * Wraps {@link FileVfs} and makes writes that grow a file fail with {@code SQLITE_FULL}
 * once armed: a full disk, as a failing channel would report it.
 */
final class FailingVfs extends ForwardingVfs {
    private static final int SQLITE_FULL = 13;

    volatile boolean diskFull;

    @Override
    protected VfsFile wrap(VfsFile file, int flags) {
        return new FailingFile(file);
    }

    private final class FailingFile extends ForwardingVfsFile {
        FailingFile(VfsFile file) {
            super(file);
        }

        @Override
        public void write(byte[] buffer, int length, long offset) throws VfsException {
            if (diskFull && offset + length > file.size()) {
                throw new VfsException(SQLITE_FULL, "No space left on device (simulated)");
            }
            file.write(buffer, length, offset);
        }
    }
}

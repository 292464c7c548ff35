package dev.sqlink.engine.vfs;

/**
 * Test base: real files through {@link FileVfs}, with each opened file handed to
 * {@link #wrap} so a test can put a {@link ForwardingVfsFile} with one changed behaviour
 * around it.
 */
public abstract class ForwardingVfs implements Vfs {

    /** Returns {@code file} itself or a wrapper around it. */
    protected abstract VfsFile wrap(VfsFile file, int flags);

    @Override
    public VfsFile open(String path, int flags) throws VfsException {
        return wrap(FileVfs.INSTANCE.open(path, flags), flags);
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
}

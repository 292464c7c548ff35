package dev.sqlink.engine.vfs;

/** Test base: a {@link VfsFile} that forwards every call; subclasses override the one they change. */
public class ForwardingVfsFile implements VfsFile {
    protected final VfsFile file;

    public ForwardingVfsFile(VfsFile file) {
        this.file = file;
    }

    @Override public int read(byte[] buffer, int length, long offset) throws VfsException {
        return file.read(buffer, length, offset);
    }
    @Override public void write(byte[] buffer, int length, long offset) throws VfsException {
        file.write(buffer, length, offset);
    }
    @Override public void truncate(long size) throws VfsException { file.truncate(size); }
    @Override public void sync(int flags) throws VfsException { file.sync(flags); }
    @Override public long size() throws VfsException { return file.size(); }
    @Override public void lock(int level) throws VfsException { file.lock(level); }
    @Override public void unlock(int level) throws VfsException { file.unlock(level); }
    @Override public boolean checkReservedLock() throws VfsException { return file.checkReservedLock(); }
    @Override public int sectorSize() { return file.sectorSize(); }
    @Override public int deviceCharacteristics() { return file.deviceCharacteristics(); }
    @Override public boolean openedReadOnly() { return file.openedReadOnly(); }
    @Override public void close() throws VfsException { file.close(); }
}

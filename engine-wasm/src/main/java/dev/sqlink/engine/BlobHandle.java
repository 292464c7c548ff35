package dev.sqlink.engine;

import dev.sqlink.engine.internal.Native;
import dev.sqlink.engine.internal.OutOfWasmMemoryException;

/** Incremental I/O on one blob value ({@code sqlite3_blob_*}); close it when done. */
public final class BlobHandle implements AutoCloseable {
    private final Database db;
    private final Native nat;
    private int blob;

    BlobHandle(Database db, int blob) {
        this.db = db;
        this.nat = db.nat;
        this.blob = blob;
    }

    private void open() {
        if (blob == 0) {
            throw new SqliteException(ResultCode.MISUSE, "the blob handle is closed");
        }
    }

    public int size() {
        db.acquire();
        try {
            open();
            return nat.blobBytes(blob);
        } finally {
            db.release();
        }
    }

    public byte[] read(int offset, int length) {
        db.acquire();
        int buf = 0;
        try {
            open();
            checkRange(offset, length);
            buf = nat.mallocOrThrow(Math.max(1, length));
            int rc = nat.blobRead(blob, buf, length, offset);
            if (rc != ResultCode.OK) {
                throw db.error(rc);
            }
            return nat.memory.readBytes(buf, length);
        } catch (OutOfWasmMemoryException e) {
            throw Database.outOfMemory(e);
        } finally {
            db.releaseFreeing(buf);
        }
    }

    public void write(int offset, byte[] data) {
        db.acquire();
        int buf = 0;
        try {
            open();
            buf = nat.copyIn(data, 0, data.length);
            int rc = nat.blobWrite(blob, buf, data.length, offset);
            if (rc != ResultCode.OK) {
                throw db.error(rc);
            }
        } catch (OutOfWasmMemoryException e) {
            throw Database.outOfMemory(e);
        } finally {
            db.releaseFreeing(buf);
        }
    }

    /** Points the handle at another row of the same column. */
    public void reopen(long rowid) {
        db.acquire();
        try {
            open();
            int rc = nat.blobReopen(blob, rowid);
            if (rc != ResultCode.OK) {
                throw db.error(rc);
            }
        } finally {
            db.release();
        }
    }

    /** Refuses a read outside the blob before allocating a buffer for it. */
    private void checkRange(int offset, int length) {
        int size = nat.blobBytes(blob);
        if (offset < 0 || length < 0 || (long) offset + length > size) {
            throw new SqliteException(ResultCode.ERROR, "cannot read " + length + " bytes at offset " + offset
                    + " of a blob of " + size + " bytes");
        }
    }

    @Override
    public void close() {
        db.lock.lock();
        try {
            if (blob != 0 && db.isUsable()) {
                nat.blobClose(blob);
            }
            blob = 0;
        } finally {
            db.lock.unlock();
        }
    }
}

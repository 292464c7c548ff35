package dev.sqlink.engine.vfs;

import java.io.IOException;

/** A VFS failure with the SQLite result code that SQLite should see. */
public class VfsException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int resultCode;

    public VfsException(int resultCode, String message) {
        super(message);
        this.resultCode = resultCode;
    }

    public VfsException(int resultCode, String message, Throwable cause) {
        super(message, cause);
        this.resultCode = resultCode;
    }

    public int resultCode() {
        return resultCode;
    }
}

package dev.sqlink.engine;

/**
 * An error reported by SQLite (or by the binding on SQLite's behalf), carrying SQLite's
 * primary and extended result codes. The engine knows nothing of JDBC: the driver turns
 * this into the right {@code SQLException} subclass.
 */
public class SqliteException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int extendedCode;

    public SqliteException(int extendedCode, String message) {
        super(message);
        this.extendedCode = extendedCode;
    }

    public SqliteException(int extendedCode, String message, Throwable cause) {
        super(message, cause);
        this.extendedCode = extendedCode;
    }

    /** SQLite's primary result code, e.g. {@link ResultCode#CONSTRAINT}. */
    public int resultCode() {
        return extendedCode & 0xff;
    }

    /** SQLite's extended result code, e.g. {@link ResultCode#CONSTRAINT_UNIQUE}. */
    public int extendedCode() {
        return extendedCode;
    }
}

package dev.sqlink.jdbc.ext.wasm;

import dev.sqlink.spi.SqlResult;

/**
 * The result a wasm call reported through the {@code sqlink.result_*} imports, held until the
 * call has returned: SQLite's own state is touched only after the extension is out of the way.
 */
final class PendingResult {
    private static final int NONE = 0;
    private static final int NULL = 1;
    private static final int INTEGER = 2;
    private static final int FLOAT = 3;
    private static final int TEXT = 4;
    private static final int BLOB = 5;
    private static final int ERROR = 6;

    private int kind;
    private long integer;
    private double real;
    private byte[] bytes;

    void reset() {
        kind = NONE;
        bytes = null;
    }

    void setNull() {
        kind = NULL;
    }

    void setInteger(long v) {
        kind = INTEGER;
        integer = v;
    }

    void setDouble(double v) {
        kind = FLOAT;
        real = v;
    }

    void setText(byte[] utf8) {
        kind = TEXT;
        bytes = utf8;
    }

    void setBlob(byte[] v) {
        kind = BLOB;
        bytes = v;
    }

    void setError(byte[] utf8) {
        kind = ERROR;
        bytes = utf8;
    }

    /** The error message the extension reported, or null. */
    String error() {
        return kind == ERROR ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    /** Hands the result to SQLite; nothing reported means SQL NULL. */
    void applyTo(SqlResult result) {
        switch (kind) {
            case INTEGER: result.setLong(integer); break;
            case FLOAT: result.setDouble(real); break;
            case TEXT: result.setText(new String(bytes, java.nio.charset.StandardCharsets.UTF_8)); break;
            case BLOB: result.setBlob(bytes); break;
            case ERROR: result.setError(error()); break;
            default: result.setNull(); break;
        }
        reset();
    }
}

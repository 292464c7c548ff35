package dev.sqlink.engine;

/** Where a user-defined SQL function puts its result. Unset means SQL NULL. */
public interface FunctionResult {
    void setNull();

    void setLong(long value);

    void setDouble(double value);

    void setText(String value);

    void setBlob(byte[] value);

    void setZeroBlob(long length);

    /** Fails the statement with this message (SQLITE_ERROR). */
    void setError(String message);

    /**
     * Fails the statement with this message and result code (a {@link ResultCode} constant), so
     * the caller sees the same code as for the engine's own failure of that kind, e.g.
     * {@link ResultCode#AUTH} for a refused file.
     */
    void setError(String message, int resultCode);

    /** Sets a Java value by its type: null, integral numbers, floating numbers, String, byte[], Boolean. */
    default void setObject(Object value) {
        if (value == null) {
            setNull();
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            setLong(((Number) value).longValue());
        } else if (value instanceof Number) {
            setDouble(((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            setLong((Boolean) value ? 1 : 0);
        } else if (value instanceof byte[]) {
            setBlob((byte[]) value);
        } else {
            setText(value.toString());
        }
    }
}

package dev.sqlink.spi;

/** Where a function (or a virtual table column) puts its value. Nothing set means SQL NULL. */
public interface SqlResult {
    void setNull();

    void setLong(long value);

    void setDouble(double value);

    /** Text; null means SQL NULL. */
    void setText(String value);

    /** A blob; null means SQL NULL. */
    void setBlob(byte[] value);

    /** Fails the statement with this message. Throwing an exception does the same. */
    void setError(String message);

    /** Sets a Java value by type: null, integral numbers, floating numbers, Boolean, String, byte[]. */
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

package dev.sqlink.spi;

/**
 * The arguments of one call (a function call, a virtual table filter or update). Valid only
 * during that call: copy what you need to keep.
 */
public interface SqlArguments {
    int count();

    /** The storage class of argument {@code i} (0-based). */
    SqlType type(int i);

    default boolean isNull(int i) {
        return type(i) == SqlType.NULL;
    }

    long getLong(int i);

    double getDouble(int i);

    /** The value as text (numbers converted as SQLite does); null for SQL NULL. */
    String getText(int i);

    /** The value's bytes; null for SQL NULL. */
    byte[] getBlob(int i);

    /** Long, Double, String, byte[] or null, by the argument's storage class. */
    default Object getObject(int i) {
        switch (type(i)) {
            case INTEGER: return getLong(i);
            case FLOAT: return getDouble(i);
            case TEXT: return getText(i);
            case BLOB: return getBlob(i);
            default: return null;
        }
    }
}

package dev.sqlink.engine;

/** The arguments of one call of a user-defined SQL function. Valid only during that call. */
public interface FunctionArgs {
    int count();

    /** The {@link Datatype} of argument {@code i} (0-based). */
    int type(int i);

    default boolean isNull(int i) {
        return type(i) == Datatype.NULL;
    }

    long getLong(int i);

    double getDouble(int i);

    String getText(int i);

    byte[] getBlob(int i);

    /** Long, Double, String, byte[] or null, by the argument's datatype. */
    default Object getObject(int i) {
        switch (type(i)) {
            case Datatype.INTEGER: return getLong(i);
            case Datatype.FLOAT: return getDouble(i);
            case Datatype.TEXT: return getText(i);
            case Datatype.BLOB: return getBlob(i);
            default: return null;
        }
    }
}

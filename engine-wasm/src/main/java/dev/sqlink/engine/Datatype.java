package dev.sqlink.engine;

/** SQLite's fundamental datatypes (storage classes), as {@code sqlite3_column_type} returns them. */
public final class Datatype {
    public static final int INTEGER = 1;
    public static final int FLOAT = 2;
    public static final int TEXT = 3;
    public static final int BLOB = 4;
    public static final int NULL = 5;

    private Datatype() {}
}

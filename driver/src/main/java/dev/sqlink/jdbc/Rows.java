package dev.sqlink.jdbc;

/**
 * The cursor behind a result set: a live statement or rows already read. Column indexes are
 * 0-based here; {@link JdbcResultSet} turns JDBC's 1-based ones into these. Callers hold the
 * connection's lock.
 */
interface Rows {
    /** Moves to the next row; false when there is none. */
    boolean next();

    /** Whether a row is current (after a {@link #next()} that returned true). */
    boolean hasRow();

    int columnCount();

    String columnName(int col);

    /** The {@link dev.sqlink.engine.Datatype} of the value in the current row; NULL when there is no row. */
    int type(int col);

    long getLong(int col);

    double getDouble(int col);

    String getText(int col);

    byte[] getBlob(int col);

    /** Declared type of the column's origin, or null (expressions, materialized rows). */
    String declaredType(int col);

    String tableName(int col);

    String originName(int col);

    String databaseName(int col);

    /** Releases the cursor (finalizes or rewinds its statement). */
    void close();
}

package dev.sqlink.engine;

/**
 * {@code sqlite3_index_info} during one {@link Vtab#bestIndex} call: read the constraints
 * and ORDER BY terms, write the plan. Valid only during that call.
 */
public interface VtabIndex {
    int constraintCount();

    int constraintColumn(int i);

    /** {@code SQLITE_INDEX_CONSTRAINT_*}. */
    int constraintOperator(int i);

    boolean constraintUsable(int i);

    int orderByCount();

    int orderByColumn(int i);

    boolean orderByDescending(int i);

    /** Asks for constraint {@code i}'s value as filter argument {@code argvIndex} (1-based, as in SQLite). */
    void use(int i, int argvIndex, boolean omit);

    void indexNumber(int value);

    void indexString(String value);

    void estimatedCost(double cost);

    void estimatedRows(long rows);

    void orderByConsumed(boolean consumed);
}

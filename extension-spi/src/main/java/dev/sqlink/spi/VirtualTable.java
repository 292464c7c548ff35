package dev.sqlink.spi;

/**
 * One virtual table on one connection. Read-only unless it overrides the write methods.
 */
public interface VirtualTable {
    /**
     * The table's shape as a CREATE TABLE statement (the table name in it is ignored), e.g.
     * {@code CREATE TABLE x(value TEXT, pattern HIDDEN)}; HIDDEN columns become the
     * arguments of a table-valued function.
     */
    String declaration();

    /**
     * Plans a query: read {@link IndexInfo#constraints()} and {@link IndexInfo#orderBy()},
     * choose the constraints to receive in {@link VirtualCursor#filter} and say what it costs.
     * The default scans everything.
     */
    default void bestIndex(IndexInfo info) throws Exception {
        info.estimatedCost(1_000_000);
    }

    /** A new cursor over the table. */
    VirtualCursor open() throws Exception;

    /** Deletes the row {@code rowid}. */
    default void delete(long rowid) throws Exception {
        throw new UnsupportedOperationException("this virtual table is read-only");
    }

    /**
     * Inserts a row; {@code rowid} is null when SQLite lets the table choose one.
     *
     * @param values one value per declared column (Long, Double, String, byte[] or null)
     * @return the new row's rowid
     */
    default long insert(Long rowid, Object[] values) throws Exception {
        throw new UnsupportedOperationException("this virtual table is read-only");
    }

    /** Replaces row {@code oldRowid} with {@code values}, now at {@code newRowid}. */
    default void update(long oldRowid, long newRowid, Object[] values) throws Exception {
        throw new UnsupportedOperationException("this virtual table is read-only");
    }

    /** The connection no longer uses the table. */
    default void disconnect() throws Exception {
    }

    /** DROP TABLE: remove any persistent state; then {@link #disconnect()} is not called. */
    default void destroy() throws Exception {
        disconnect();
    }
}

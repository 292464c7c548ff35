package dev.sqlink.spi;

/** A position in a virtual table's rows, driven by SQLite: filter, then next until eof. */
public interface VirtualCursor extends AutoCloseable {
    /**
     * Starts a scan with the plan {@link VirtualTable#bestIndex} chose.
     *
     * @param arguments the values of the constraints the plan asked for, in argv order
     */
    void filter(int indexNumber, String indexString, SqlArguments arguments) throws Exception;

    /** Moves to the next row. */
    void next() throws Exception;

    /** Whether the scan has passed its last row. */
    boolean eof() throws Exception;

    /** The value of column {@code i} of the current row. */
    void column(int i, SqlResult result) throws Exception;

    /** The current row's rowid. */
    long rowid() throws Exception;

    @Override
    default void close() throws Exception {
    }
}

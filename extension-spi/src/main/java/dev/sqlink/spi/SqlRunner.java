package dev.sqlink.spi;

import java.util.List;

/**
 * Runs SQL on the connection the extension is registered on, from inside its callbacks (the
 * connection is already locked by the statement that called the extension).
 * Parameters are Long, Integer, Double, String, byte[] or null.
 */
public interface SqlRunner {
    /** Runs one statement and returns its rows, each an array of column values. */
    List<Object[]> query(String sql, Object... parameters);

    /** Runs one statement and returns the number of rows it changed. */
    long execute(String sql, Object... parameters);
}

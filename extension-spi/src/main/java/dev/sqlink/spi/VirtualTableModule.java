package dev.sqlink.spi;

import java.util.List;

/**
 * A virtual table implementation. SQLite calls {@link #create} for
 * {@code CREATE VIRTUAL TABLE t USING module(args)} and {@link #connect} whenever a
 * connection first uses an existing table; an eponymous module also exists as the table
 * {@code module} itself (table-valued functions, {@code SELECT * FROM module('x')}).
 */
public interface VirtualTableModule {
    /** Whether the module is usable as a table of its own name without CREATE VIRTUAL TABLE. */
    default boolean eponymous() {
        return false;
    }

    /** Whether CREATE VIRTUAL TABLE may use the module. */
    default boolean creatable() {
        return true;
    }

    /**
     * Whether the module's tables may be used only directly in a statement, never from a
     * trigger or a view. A module that reaches outside the database (files, the network)
     * should say true: a database file from elsewhere could otherwise hide a use of it in its
     * schema, run by an innocent query. SQLite then refuses such a use ("unsafe use of virtual
     * table").
     */
    default boolean directOnly() {
        return false;
    }

    /**
     * Opens an existing table (or the eponymous one).
     *
     * @param arguments the text between the parentheses of CREATE VIRTUAL TABLE, split at
     *     top-level commas (empty for the eponymous table)
     */
    VirtualTable connect(String schema, String table, List<String> arguments) throws Exception;

    /** Creates a new table; defaults to {@link #connect}. Persistent state belongs in shadow tables. */
    default VirtualTable create(String schema, String table, List<String> arguments) throws Exception {
        return connect(schema, table, arguments);
    }
}

package dev.sqlink.engine;

/**
 * A virtual table module implemented in Java ({@code sqlite3_module}); register it with
 * {@link Database#createModule}. Callbacks run on the thread executing the statement.
 */
public interface VtabModule {
    /** How SQLite may use the module. */
    enum Kind {
        /** Only through CREATE VIRTUAL TABLE. */
        CREATABLE,
        /** Only as the table named like the module (no CREATE VIRTUAL TABLE). */
        EPONYMOUS,
        /** Both; every open is then a {@code connect} with {@code create} false. */
        BOTH
    }

    /**
     * Opens (or, with {@code create}, creates) a table. {@code argv} is SQLite's: module name,
     * schema name, table name, then the module arguments. The table's
     * {@link Vtab#declaration()} is declared right after.
     */
    Vtab connect(boolean create, String[] argv) throws Exception;
}

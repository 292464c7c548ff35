package dev.sqlink.engine;

/** One virtual table ({@code sqlite3_vtab}) of a {@link VtabModule}. */
public interface Vtab {
    /** The CREATE TABLE statement that declares the table's columns. */
    String declaration();

    /** Plans a query. */
    void bestIndex(VtabIndex index) throws Exception;

    VtabCursor open() throws Exception;

    /**
     * {@code xUpdate}: {@code args} as SQLite passes them (1 argument: delete that rowid;
     * first NULL: insert; otherwise update). Returns the rowid of an inserted row.
     */
    long update(FunctionArgs args) throws Exception;

    /**
     * Whether SQLite must refuse the table inside triggers and views
     * ({@code SQLITE_VTAB_DIRECTONLY}), so a schema from an untrusted database file cannot
     * make an innocent query use it. Asked once, when the table is connected.
     */
    default boolean directOnly() {
        return false;
    }

    /** The table is no longer used; {@code destroy} when it is being dropped. */
    void disconnect(boolean destroy) throws Exception;
}

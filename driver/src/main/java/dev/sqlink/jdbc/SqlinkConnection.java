package dev.sqlink.jdbc;

import dev.sqlink.engine.Aggregate;
import dev.sqlink.engine.BackupProgress;
import dev.sqlink.engine.BlobHandle;
import dev.sqlink.engine.Hooks;
import dev.sqlink.engine.ScalarFunction;
import dev.sqlink.engine.WindowAggregate;
import dev.sqlink.spi.ExtensionManifest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * What SQLite offers beyond JDBC, reached with {@code connection.unwrap(SqlinkConnection.class)}
 * (which also works through pool proxies). Each method delegates to the connection's engine;
 * callbacks run on the thread executing the statement that triggers them, while the
 * connection is locked. See docs/migrating-from-sqlite-jdbc.md for the {@code org.sqlite}
 * equivalents.
 */
public interface SqlinkConnection extends Connection {
    /** {@code flags}: {@link dev.sqlink.engine.FunctionFlags} such as DETERMINISTIC; nArgs -1 = any count. */
    void createFunction(String name, int nArgs, int flags, ScalarFunction function) throws SQLException;

    void createAggregate(String name, int nArgs, int flags, Supplier<? extends Aggregate> factory) throws SQLException;

    void createWindowFunction(String name, int nArgs, int flags, Supplier<? extends WindowAggregate> factory)
            throws SQLException;

    void removeFunction(String name, int nArgs) throws SQLException;

    /** Registers a collation; null removes it. */
    void createCollation(String name, Comparator<String> comparator) throws SQLException;

    void setUpdateHook(Hooks.UpdateHook hook) throws SQLException;

    void setCommitHook(Hooks.CommitHook hook) throws SQLException;

    void setRollbackHook(Runnable hook) throws SQLException;

    void setPreupdateHook(Hooks.PreupdateHook hook) throws SQLException;

    /** Replaces busy_timeout with a handler; null restores nothing (set busy_timeout again with {@link #setBusyTimeout}). */
    void setBusyHandler(Hooks.BusyHandler handler) throws SQLException;

    void setBusyTimeout(int millis) throws SQLException;

    void setProgressHandler(int instructions, Hooks.ProgressHandler handler) throws SQLException;

    void setAuthorizer(Hooks.Authorizer authorizer) throws SQLException;

    void setTraceHandler(Hooks.TraceHandler handler) throws SQLException;

    /** Online backup of {@code schema} ("main") to a database file, {@code pagesPerStep} at a time (-1 all). */
    void backup(String schema, String path, int pagesPerStep, BackupProgress progress) throws SQLException;

    /** Replaces {@code schema} with the content of a database file. */
    void restore(String schema, String path, int pagesPerStep, BackupProgress progress) throws SQLException;

    byte[] serialize(String schema) throws SQLException;

    void deserialize(String schema, byte[] image, boolean readOnly) throws SQLException;

    /** Sets a {@code sqlite3_limit} ({@code Database.LIMIT_*}); returns the previous value; negative only reads. */
    int limit(int id, int value) throws SQLException;

    /** {@code sqlite3_db_status}: {current, highwater}. */
    int[] databaseStatus(int op, boolean reset) throws SQLException;

    /** Incremental blob I/O; close the handle when done. */
    BlobHandle openBlob(String schema, String table, String column, long rowid, boolean writable) throws SQLException;

    long totalChanges() throws SQLException;

    long lastInsertRowid() throws SQLException;

    /** The file SQLite opened (or {@code :memory:}). */
    String filename();

    /**
     * The manifests of the extensions this connection loaded (the {@code extensions} property
     * and the compiled-in extensions they required), dependencies first. Wasm extensions carry
     * their content hash.
     */
    List<ExtensionManifest> extensions();

    /**
     * The bundle store of this connection ({@code bundle_store}, else the default under the
     * user's cache folder): save this connection's extensions as a bundle, list, show, delete
     * aliases, gc, export, import, build. See docs/bundles.md.
     */
    SqlinkBundles bundles() throws SQLException;
}

package dev.sqlink.jdbc;

import dev.sqlink.bundle.BundleStore;
import dev.sqlink.engine.Aggregate;
import dev.sqlink.engine.BackupProgress;
import dev.sqlink.engine.BlobHandle;
import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.EngineLoadException;
import dev.sqlink.engine.EngineOptions;
import dev.sqlink.engine.Hooks;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.ScalarFunction;
import dev.sqlink.engine.SqliteException;
import dev.sqlink.engine.Stmt;
import dev.sqlink.engine.WindowAggregate;
import dev.sqlink.engine.vfs.FileVfs;
import dev.sqlink.jdbc.ext.BundleErrors;
import dev.sqlink.jdbc.ext.BundleMode;
import dev.sqlink.jdbc.ext.ConnectionExtensions;
import dev.sqlink.jdbc.ext.ConnectionFilePolicy;
import dev.sqlink.jdbc.ext.ConnectionFiles;
import dev.sqlink.jdbc.ext.Grants;
import dev.sqlink.jdbc.ext.LoadedExtensions;
import dev.sqlink.jdbc.ext.OpenedBundle;
import dev.sqlink.jdbc.ext.wasm.WasmLimits;
import dev.sqlink.spi.ExtensionManifest;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Clob;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A JDBC connection over one engine {@link Database}. Every operation takes the
 * connection's {@link ReentrantLock} (never {@code synchronized}, so virtual threads are not
 * pinned); {@link Statement#cancel()} and timeouts interrupt the engine without it.
 *
 * <p>With auto-commit off, a transaction is begun lazily ({@code BEGIN} in the configured
 * {@code transaction_mode}) just before the next statement runs, so an idle connection holds
 * no lock between {@code commit()} and its next statement.
 */
public final class JdbcConnection implements SqlinkConnection, SelfWrapper {
    private final ReentrantLock lock = new ReentrantLock();
    private final Guard guard = new Guard();
    private final Database db;
    private final ConnectionSettings settings;
    private final LoadedExtensions extensions;
    private final SqlinkBundles bundles;
    private final StatementCache cache;
    private final Set<JdbcStatement> statements = Collections.newSetFromMap(new IdentityHashMap<>());
    private final boolean openedReadOnly;
    private volatile boolean closed;
    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = TRANSACTION_SERIALIZABLE;
    private String schema;
    private int savepointCounter;
    private int networkTimeout;
    private Properties clientInfo = new Properties();
    private SQLWarning warnings;

    /** Unlocks the connection at the end of a try-with-resources block; one per connection, no garbage. */
    final class Guard implements AutoCloseable {
        @Override
        public void close() {
            lock.unlock();
        }
    }

    private JdbcConnection(Database db, ConnectionSettings settings, LoadedExtensions extensions,
            SqlinkBundles bundles) {
        this.db = db;
        this.extensions = extensions;
        this.bundles = bundles;
        this.settings = settings;
        this.cache = new StatementCache(settings.statementCacheSize());
        this.openedReadOnly = (settings.openFlags() & OpenFlags.READONLY) != 0;
        this.readOnly = openedReadOnly;
    }

    static JdbcConnection open(ConnectionSettings settings) throws SQLException {
        // Every property is judged before anything is opened, read or compiled.
        Grants grants = Grants.parse(settings.values().get("grants"));
        WasmLimits wasmLimits = settings.wasmLimits();
        // connection: grants confine what the connection's own SQL may open (ATTACH, VACUUM INTO)
        // and where the bundle functions may export and import.
        ConnectionFiles connectionFiles = ConnectionFiles.of(grants);
        ConnectionFilePolicy files = ConnectionFilePolicy.of(connectionFiles);
        Path storeLocation = settings.isSet("bundle_store") ? Path.of(settings.get("bundle_store"))
                : BundleStore.defaultRoot();
        String bundleRef = settings.get("bundle");
        // The bundle is resolved and every blob verified before the engine opens: a tampered
        // store costs nothing but the error.
        OpenedBundle bundle = bundleRef == null || bundleRef.isBlank() ? null
                : OpenedBundle.open(openStore(storeLocation), bundleRef.trim(), BundleMode.of(settings.get("bundle_mode")));
        Database db;
        try {
            db = files == null ? Engine.open(settings.filename(), settings.openFlags())
                    : Engine.open(settings.filename(), settings.openFlags(),
                            EngineOptions.DEFAULT.withVfs(FileVfs.withPolicy(files)));
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        } catch (EngineLoadException e) {
            throw SqlErrors.engineUnavailable(e);
        }
        LoadedExtensions extensions;
        SqlinkBundles bundles;
        try {
            if (files != null) {
                files.arm(db.databaseFilename("main"));
            }
            new ConnectionSetup(db, settings).apply();
            // Extensions and grants take effect before the connection exists for anyone to use.
            extensions = ConnectionExtensions.load(db, settings.values().get("extensions"), grants, bundle,
                    wasmLimits);
            bundles = new SqlinkBundles(storeLocation, extensions);
            BundleSql.register(db, bundles, connectionFiles);
        } catch (SqliteException e) {
            db.close();
            throw SqlErrors.translate(e);
        } catch (SQLException | RuntimeException e) {
            db.close();
            throw e;
        }
        return new JdbcConnection(db, settings, extensions, bundles);
    }

    private static BundleStore openStore(Path location) throws SQLException {
        try {
            return BundleStore.open(location);
        } catch (IOException e) {
            throw BundleErrors.sql(e);
        }
    }

    @Override
    public List<ExtensionManifest> extensions() {
        return extensions.manifests();
    }

    @Override
    public SqlinkBundles bundles() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("the connection");
        }
        return bundles;
    }

    // ------------------------------------------------------------------ internals for statements

    /** Locks the connection; fails if it is closed. Use with try-with-resources. */
    Guard enter() throws SQLException {
        lock.lock();
        if (closed) {
            lock.unlock();
            throw SqlErrors.closed("the connection");
        }
        return guard;
    }

    Database database() {
        return db;
    }

    ConnectionSettings settings() {
        return settings;
    }

    DateSettings dates() {
        return settings.dates();
    }

    /** Called (locked) before a statement runs: opens the transaction auto-commit=false promised. */
    void beginIfNeeded() {
        if (!autoCommit && db.isAutocommit()) {
            db.exec(settings.beginStatement(readOnly));
        }
    }

    void register(JdbcStatement s) {
        statements.add(s);
    }

    void forget(JdbcStatement s) {
        statements.remove(s);
    }

    /** A compiled statement for {@code sql}: from the cache, or freshly prepared. */
    Stmt prepareCached(String sql) {
        Stmt s = cache.take(sql);
        return s != null ? s : db.prepare(sql, true);
    }

    void release(String sql, Stmt stmt) {
        if (closed) {
            return;
        }
        cache.giveBack(sql, stmt);
    }

    int cachedStatementCount() {
        return cache.size();
    }

    void addWarning(SQLWarning w) {
        if (warnings == null) {
            warnings = w;
        } else {
            warnings.setNextWarning(w);
        }
    }

    // ------------------------------------------------------------------ statements

    @Override
    public Statement createStatement() throws SQLException {
        return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return createStatement(type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        try (Guard g = enter()) {
            checkCursor(type, concurrency);
            JdbcStatement s = new JdbcStatement(this);
            statements.add(s);
            return s;
        }
    }

    /** SQLite cursors only go forward and are read-only: other requests are downgraded with a warning, as JDBC allows. */
    private void checkCursor(int type, int concurrency) throws SQLException {
        if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
                && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
            throw new SQLException("unknown result set type " + type, "HY024");
        }
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            addWarning(new SQLWarning("SQLite result sets are forward-only; TYPE_FORWARD_ONLY is used", "01000"));
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            addWarning(new SQLWarning("SQLite result sets are read-only; CONCUR_READ_ONLY is used", "01000"));
        }
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return prepare(sql, null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        try (Guard g = enter()) {
            checkCursor(type, concurrency);
        }
        return prepare(sql, null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return prepareStatement(sql, type, concurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return prepare(sql, autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS ? KeyRequest.ROWID : null);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return prepare(sql, columnIndexes == null || columnIndexes.length == 0 ? KeyRequest.ROWID
                : KeyRequest.byIndexes(columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return prepare(sql, columnNames == null || columnNames.length == 0 ? KeyRequest.ROWID
                : KeyRequest.byNames(columnNames));
    }

    private PreparedStatement prepare(String sql, KeyRequest keys) throws SQLException {
        if (sql == null) {
            throw new SQLException("SQL must not be null", "HY009");
        }
        try (Guard g = enter()) {
            JdbcPreparedStatement ps = new JdbcPreparedStatement(this, sql, keys);
            statements.add(ps);
            return ps;
        }
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw SqlErrors.unsupported("CallableStatement (stored procedures)");
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }

    // ------------------------------------------------------------------ transactions

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        try (Guard g = enter()) {
            if (on == autoCommit) {
                return;
            }
            if (on && !db.isAutocommit()) {
                db.exec("COMMIT"); // JDBC: switching auto-commit on commits the transaction
            }
            autoCommit = on;
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        try (Guard g = enter()) {
            if (autoCommit) {
                throw new SQLException("commit() while auto-commit is on: call setAutoCommit(false) first", "25000");
            }
            if (!db.isAutocommit()) {
                db.exec("COMMIT");
            }
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public void rollback() throws SQLException {
        try (Guard g = enter()) {
            if (autoCommit) {
                throw new SQLException("rollback() while auto-commit is on: call setAutoCommit(false) first", "25000");
            }
            if (!db.isAutocommit()) {
                db.exec("ROLLBACK");
            }
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return savepoint(null);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        if (name == null || name.isEmpty()) {
            throw new SQLException("a savepoint name must not be empty", "HY024");
        }
        return savepoint(name);
    }

    private Savepoint savepoint(String name) throws SQLException {
        try (Guard g = enter()) {
            if (autoCommit) {
                throw new SQLException("savepoints need auto-commit off: call setAutoCommit(false) first", "25000");
            }
            beginIfNeeded(); // inside BEGIN, RELEASE of the outermost savepoint does not commit
            JdbcSavepoint sp = new JdbcSavepoint(++savepointCounter, name);
            db.exec("SAVEPOINT " + sp.sqlName());
            return sp;
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        try (Guard g = enter()) {
            db.exec("ROLLBACK TO SAVEPOINT " + own(savepoint).sqlName());
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        try (Guard g = enter()) {
            db.exec("RELEASE SAVEPOINT " + own(savepoint).sqlName());
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    private static JdbcSavepoint own(Savepoint sp) throws SQLException {
        if (!(sp instanceof JdbcSavepoint)) {
            throw new SQLException("not a savepoint of this driver: " + sp, "3B001");
        }
        return (JdbcSavepoint) sp;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        try (Guard g = enter()) {
            switch (level) {
                case TRANSACTION_SERIALIZABLE:
                    db.exec("PRAGMA read_uncommitted = 0");
                    break;
                case TRANSACTION_READ_UNCOMMITTED:
                    db.exec("PRAGMA read_uncommitted = 1"); // effective with shared cache only, as in SQLite
                    break;
                default:
                    throw new SQLFeatureNotSupportedException("SQLite supports TRANSACTION_SERIALIZABLE and "
                            + "TRANSACTION_READ_UNCOMMITTED only, not level " + level, "0A000");
            }
            isolation = level;
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    /** Read-only through {@code PRAGMA query_only}, so it can be switched back and forth outside transactions. */
    @Override
    public void setReadOnly(boolean on) throws SQLException {
        try (Guard g = enter()) {
            if (on == readOnly) {
                return;
            }
            if (!on && openedReadOnly) {
                throw new SQLException("the database was opened read-only (open_mode); open a new connection "
                        + "without the READONLY flag to write", "25006");
            }
            if (!db.isAutocommit()) {
                throw new SQLException("setReadOnly cannot change a running transaction: commit or roll back first",
                        "25001");
            }
            db.exec("PRAGMA query_only = " + (on ? 1 : 0));
            readOnly = on;
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
            throw new SQLException("unknown holdability " + holdability, "HY024");
        }
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            addWarning(new SQLWarning("holdability stays CLOSE_CURSORS_AT_COMMIT", "01000"));
        }
    }

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void close() throws SQLException {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            for (JdbcStatement s : new ArrayList<>(statements)) {
                s.closeFromConnection();
            }
            statements.clear();
            cache.clear();
            closed = true;
            db.close();
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** False once closed or once the engine retired: then no call can succeed any more. Takes no lock. */
    boolean isUsable() {
        return !closed && db.isUsable();
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("the connection");
        }
        if (!db.isUsable()) {
            throw SqlErrors.retired();
        }
    }

    /** True when the engine answers within {@code timeoutSeconds} (0 = no limit). */
    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        ArgumentChecks.nonNegative("timeout", timeoutSeconds);
        if (!isUsable()) {
            return false;
        }
        boolean locked;
        try {
            locked = timeoutSeconds == 0 ? lockInterruptibly() : lock.tryLock(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (!locked) {
            return false; // busy with a long statement for longer than the caller will wait
        }
        try {
            if (closed) {
                return false;
            }
            db.isAutocommit();
            return true;
        } catch (SqliteException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    private boolean lockInterruptibly() throws InterruptedException {
        lock.lockInterruptibly();
        return true;
    }

    /** Stops any running statement and closes the connection on {@code executor}. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw new SQLException("abort needs an executor", "HY009");
        }
        if (closed) {
            return;
        }
        db.interrupt();
        executor.execute(() -> {
            try {
                close();
            } catch (SQLException ignored) {
                // the connection is being discarded; nothing to report to
            }
        });
    }

    /** Accepted and reported back: SQLite has no network; statements are bounded by setQueryTimeout. */
    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        networkTimeout = ArgumentChecks.nonNegative("network timeout", milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeout;
    }

    // ------------------------------------------------------------------ catalog, schema, info

    /** SQLite has no catalogs: always null, and setCatalog is ignored as JDBC prescribes. */
    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
    }

    /**
     * Remembers one of the attached databases ("main", "temp", or an ATTACH name) as the
     * schema tools should show; SQL is not rewritten, so unqualified names resolve as SQLite does.
     */
    @Override
    public void setSchema(String name) throws SQLException {
        try (Guard g = enter()) {
            if (name == null) {
                schema = null;
                return;
            }
            try (Stmt s = db.prepare("SELECT 1 FROM pragma_database_list WHERE name = ?1 COLLATE NOCASE")) {
                s.bindText(1, name);
                if (!s.step()) {
                    throw new SQLException("no attached database named '" + name
                            + "' (see PRAGMA database_list)", "3F000");
                }
            }
            schema = name;
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return schema;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return metaDataShownAs(this);
    }

    /** The metadata of this database, reached through and reporting {@code shown} (this, or a pooled handle). */
    DatabaseMetaData metaDataShownAs(Connection shown) throws SQLException {
        checkOpen();
        return new dev.sqlink.jdbc.meta.SqliteDatabaseMetaData(shown, settings.url());
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings = null;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Collections.emptyMap();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (map != null && !map.isEmpty()) {
            throw SqlErrors.unsupported("a type map (user-defined SQL types)");
        }
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("the connection is closed", "08003", 0, Collections.emptyMap());
        }
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("the connection is closed", "08003", 0, Collections.emptyMap());
        }
        Properties copy = new Properties();
        if (properties != null) {
            copy.putAll(properties);
        }
        clientInfo = copy;
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    // ------------------------------------------------------------------ LOBs and other types

    @Override
    public Blob createBlob() throws SQLException {
        checkOpen();
        return new JdbcBlob(new byte[0]);
    }

    @Override
    public Clob createClob() throws SQLException {
        checkOpen();
        return new JdbcClob("");
    }

    @Override
    public NClob createNClob() throws SQLException {
        checkOpen();
        return new JdbcClob("");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw SqlErrors.unsupported("SQLXML");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw SqlErrors.unsupported("SQL ARRAY");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw SqlErrors.unsupported("SQL STRUCT");
    }

    // ------------------------------------------------------------------ SqlinkConnection: the engine's extras

    /** Runs an engine call under the connection lock, translating its errors. */
    private <T> T call(Supplier<T> body) throws SQLException {
        try (Guard g = enter()) {
            return body.get();
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    private void run(Runnable body) throws SQLException {
        call(() -> {
            body.run();
            return null;
        });
    }

    @Override
    public void createFunction(String name, int nArgs, int flags, ScalarFunction function) throws SQLException {
        run(() -> db.createFunction(name, nArgs, flags, function));
    }

    @Override
    public void createAggregate(String name, int nArgs, int flags, Supplier<? extends Aggregate> factory)
            throws SQLException {
        run(() -> db.createAggregate(name, nArgs, flags, factory));
    }

    @Override
    public void createWindowFunction(String name, int nArgs, int flags, Supplier<? extends WindowAggregate> factory)
            throws SQLException {
        run(() -> db.createWindowFunction(name, nArgs, flags, factory));
    }

    @Override
    public void removeFunction(String name, int nArgs) throws SQLException {
        run(() -> db.removeFunction(name, nArgs));
    }

    @Override
    public void createCollation(String name, Comparator<String> comparator) throws SQLException {
        run(() -> db.createCollation(name, comparator));
    }

    @Override
    public void setUpdateHook(Hooks.UpdateHook hook) throws SQLException {
        run(() -> db.setUpdateHook(hook));
    }

    @Override
    public void setCommitHook(Hooks.CommitHook hook) throws SQLException {
        run(() -> db.setCommitHook(hook));
    }

    @Override
    public void setRollbackHook(Runnable hook) throws SQLException {
        run(() -> db.setRollbackHook(hook));
    }

    @Override
    public void setPreupdateHook(Hooks.PreupdateHook hook) throws SQLException {
        run(() -> db.setPreupdateHook(hook));
    }

    @Override
    public void setBusyHandler(Hooks.BusyHandler handler) throws SQLException {
        run(() -> db.setBusyHandler(handler));
    }

    @Override
    public void setBusyTimeout(int millis) throws SQLException {
        run(() -> db.busyTimeout(millis));
    }

    @Override
    public void setProgressHandler(int instructions, Hooks.ProgressHandler handler) throws SQLException {
        run(() -> db.setProgressHandler(instructions, handler));
    }

    @Override
    public void setAuthorizer(Hooks.Authorizer authorizer) throws SQLException {
        run(() -> db.setAuthorizer(authorizer));
    }

    @Override
    public void setTraceHandler(Hooks.TraceHandler handler) throws SQLException {
        run(() -> db.setTraceHandler(handler));
    }

    @Override
    public void backup(String schemaName, String path, int pagesPerStep, BackupProgress progress) throws SQLException {
        run(() -> db.backupTo(schemaName, path, pagesPerStep, progress));
    }

    @Override
    public void restore(String schemaName, String path, int pagesPerStep, BackupProgress progress) throws SQLException {
        run(() -> db.restoreFrom(schemaName, path, pagesPerStep, progress));
    }

    @Override
    public byte[] serialize(String schemaName) throws SQLException {
        return call(() -> db.serialize(schemaName));
    }

    @Override
    public void deserialize(String schemaName, byte[] image, boolean readOnlyImage) throws SQLException {
        run(() -> db.deserialize(schemaName, image, readOnlyImage));
    }

    @Override
    public int limit(int id, int value) throws SQLException {
        return call(() -> db.limit(id, value));
    }

    @Override
    public int[] databaseStatus(int op, boolean reset) throws SQLException {
        return call(() -> db.status(op, reset));
    }

    @Override
    public BlobHandle openBlob(String schemaName, String table, String column, long rowid, boolean writable)
            throws SQLException {
        return call(() -> db.openBlob(schemaName, table, column, rowid, writable));
    }

    @Override
    public long totalChanges() throws SQLException {
        return call(db::totalChanges);
    }

    @Override
    public long lastInsertRowid() throws SQLException {
        return call(db::lastInsertRowid);
    }

    @Override
    public String filename() {
        return db.filename();
    }

    @Override
    public String toString() {
        return "JdbcConnection[" + settings.url() + (closed ? ", closed]" : "]");
    }
}

package dev.sqlink.jdbc;

import dev.sqlink.engine.Aggregate;
import dev.sqlink.engine.BackupProgress;
import dev.sqlink.engine.BlobHandle;
import dev.sqlink.engine.Hooks;
import dev.sqlink.engine.ScalarFunction;
import dev.sqlink.engine.WindowAggregate;
import dev.sqlink.spi.ExtensionManifest;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * One logical connection lent out by a {@link SqlinkPooledConnection}: every call goes to the
 * physical connection until the handle is closed, and closing it gives the physical connection
 * back to the pool instead of closing the database.
 *
 * <p>A plain class rather than a {@code java.lang.reflect.Proxy}: a pool takes a handle on every
 * borrow, and an application makes every connection call through it, so neither should pay for
 * a proxy class lookup and a reflective call. {@code unwrap(SqlinkConnection.class)} returns the
 * handle itself, so the extras also stop working once the handle is closed, and the physical
 * connection never escapes to be closed behind the pool's back.
 */
final class PooledHandle implements SqlinkConnection, SelfWrapper {
    /** A call on the physical connection. */
    @FunctionalInterface
    private interface Call<T> {
        T on(JdbcConnection physical) throws SQLException;
    }

    /** A call on the physical connection that returns nothing. */
    @FunctionalInterface
    private interface Action {
        void on(JdbcConnection physical) throws SQLException;
    }

    private final SqlinkPooledConnection owner;
    private final JdbcConnection physical;
    private volatile boolean closed;

    PooledHandle(SqlinkPooledConnection owner, JdbcConnection physical) {
        this.owner = owner;
        this.physical = physical;
    }

    /** Closes the handle without telling the pool: the pool already knows (it lent out a new one). */
    void revoke() {
        closed = true;
    }

    private <T> T call(Call<T> call) throws SQLException {
        checkOpen();
        try {
            return call.on(physical);
        } catch (SQLException e) {
            owner.reportIfFatal(e);
            throw e;
        }
    }

    private void run(Action action) throws SQLException {
        call(c -> {
            action.on(c);
            return null;
        });
    }

    /** A statement made through this handle reports the handle as its connection. */
    private <S extends Statement> S shown(S statement) {
        ((JdbcStatement) statement).showConnection(this);
        return statement;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("the connection handle");
        }
    }

    // ------------------------------------------------------------------ the handle's own state

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owner.handleClosed();
        }
    }

    @Override
    public boolean isClosed() {
        return closed || physical.isClosed();
    }

    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        ArgumentChecks.nonNegative("timeout", timeoutSeconds);
        return !closed && physical.isValid(timeoutSeconds);
    }

    /** Aborting a handle discards the physical connection, so the pool hears of an error, not a return. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (closed) {
            return;
        }
        physical.abort(executor);
        closed = true;
        owner.physicalAborted();
    }

    @Override
    public String toString() {
        return "pooled handle of " + physical;
    }

    // ------------------------------------------------------------------ statements

    @Override
    public Statement createStatement() throws SQLException {
        return shown(call(JdbcConnection::createStatement));
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return shown(call(c -> c.createStatement(type, concurrency)));
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        return shown(call(c -> c.createStatement(type, concurrency, holdability)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return shown(call(c -> c.prepareStatement(sql)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return shown(call(c -> c.prepareStatement(sql, type, concurrency)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return shown(call(c -> c.prepareStatement(sql, type, concurrency, holdability)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return shown(call(c -> c.prepareStatement(sql, autoGeneratedKeys)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return shown(call(c -> c.prepareStatement(sql, columnIndexes)));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return shown(call(c -> c.prepareStatement(sql, columnNames)));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return call(c -> c.prepareCall(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return call(c -> c.prepareCall(sql, type, concurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return call(c -> c.prepareCall(sql, type, concurrency, holdability));
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return call(c -> c.nativeSQL(sql));
    }

    // ------------------------------------------------------------------ transactions

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        run(c -> c.setAutoCommit(autoCommit));
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return call(JdbcConnection::getAutoCommit);
    }

    @Override
    public void commit() throws SQLException {
        run(JdbcConnection::commit);
    }

    @Override
    public void rollback() throws SQLException {
        run(JdbcConnection::rollback);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return call(JdbcConnection::setSavepoint);
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return call(c -> c.setSavepoint(name));
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        run(c -> c.rollback(savepoint));
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        run(c -> c.releaseSavepoint(savepoint));
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        run(c -> c.setTransactionIsolation(level));
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return call(JdbcConnection::getTransactionIsolation);
    }

    // ------------------------------------------------------------------ connection settings

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return call(c -> c.metaDataShownAs(this));
    }

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        run(c -> c.setReadOnly(readOnly));
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return call(JdbcConnection::isReadOnly);
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        run(c -> c.setCatalog(catalog));
    }

    @Override
    public String getCatalog() throws SQLException {
        return call(JdbcConnection::getCatalog);
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        run(c -> c.setSchema(schema));
    }

    @Override
    public String getSchema() throws SQLException {
        return call(JdbcConnection::getSchema);
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return call(JdbcConnection::getWarnings);
    }

    @Override
    public void clearWarnings() throws SQLException {
        run(JdbcConnection::clearWarnings);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return call(JdbcConnection::getTypeMap);
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        run(c -> c.setTypeMap(map));
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        run(c -> c.setHoldability(holdability));
    }

    @Override
    public int getHoldability() throws SQLException {
        return call(JdbcConnection::getHoldability);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        checkOpenForClientInfo();
        physical.setClientInfo(name, value);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        checkOpenForClientInfo();
        physical.setClientInfo(properties);
    }

    /** setClientInfo may throw only SQLClientInfoException, so a closed handle is reported as one. */
    private void checkOpenForClientInfo() throws SQLClientInfoException {
        if (closed) {
            throw new SQLClientInfoException("the connection handle is closed", "08003", 0, Map.of());
        }
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return call(c -> c.getClientInfo(name));
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return call(JdbcConnection::getClientInfo);
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        run(c -> c.setNetworkTimeout(executor, milliseconds));
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return call(JdbcConnection::getNetworkTimeout);
    }

    // ------------------------------------------------------------------ values

    @Override
    public Clob createClob() throws SQLException {
        return call(JdbcConnection::createClob);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return call(JdbcConnection::createBlob);
    }

    @Override
    public NClob createNClob() throws SQLException {
        return call(JdbcConnection::createNClob);
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return call(JdbcConnection::createSQLXML);
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return call(c -> c.createArrayOf(typeName, elements));
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return call(c -> c.createStruct(typeName, attributes));
    }

    // ------------------------------------------------------------------ SQLite's extras

    @Override
    public void createFunction(String name, int nArgs, int flags, ScalarFunction function) throws SQLException {
        run(c -> c.createFunction(name, nArgs, flags, function));
    }

    @Override
    public void createAggregate(String name, int nArgs, int flags, Supplier<? extends Aggregate> factory)
            throws SQLException {
        run(c -> c.createAggregate(name, nArgs, flags, factory));
    }

    @Override
    public void createWindowFunction(String name, int nArgs, int flags, Supplier<? extends WindowAggregate> factory)
            throws SQLException {
        run(c -> c.createWindowFunction(name, nArgs, flags, factory));
    }

    @Override
    public void removeFunction(String name, int nArgs) throws SQLException {
        run(c -> c.removeFunction(name, nArgs));
    }

    @Override
    public void createCollation(String name, Comparator<String> comparator) throws SQLException {
        run(c -> c.createCollation(name, comparator));
    }

    @Override
    public void setUpdateHook(Hooks.UpdateHook hook) throws SQLException {
        run(c -> c.setUpdateHook(hook));
    }

    @Override
    public void setCommitHook(Hooks.CommitHook hook) throws SQLException {
        run(c -> c.setCommitHook(hook));
    }

    @Override
    public void setRollbackHook(Runnable hook) throws SQLException {
        run(c -> c.setRollbackHook(hook));
    }

    @Override
    public void setPreupdateHook(Hooks.PreupdateHook hook) throws SQLException {
        run(c -> c.setPreupdateHook(hook));
    }

    @Override
    public void setBusyHandler(Hooks.BusyHandler handler) throws SQLException {
        run(c -> c.setBusyHandler(handler));
    }

    @Override
    public void setBusyTimeout(int millis) throws SQLException {
        run(c -> c.setBusyTimeout(millis));
    }

    @Override
    public void setProgressHandler(int instructions, Hooks.ProgressHandler handler) throws SQLException {
        run(c -> c.setProgressHandler(instructions, handler));
    }

    @Override
    public void setAuthorizer(Hooks.Authorizer authorizer) throws SQLException {
        run(c -> c.setAuthorizer(authorizer));
    }

    @Override
    public void setTraceHandler(Hooks.TraceHandler handler) throws SQLException {
        run(c -> c.setTraceHandler(handler));
    }

    @Override
    public void backup(String schema, String path, int pagesPerStep, BackupProgress progress) throws SQLException {
        run(c -> c.backup(schema, path, pagesPerStep, progress));
    }

    @Override
    public void restore(String schema, String path, int pagesPerStep, BackupProgress progress) throws SQLException {
        run(c -> c.restore(schema, path, pagesPerStep, progress));
    }

    @Override
    public byte[] serialize(String schema) throws SQLException {
        return call(c -> c.serialize(schema));
    }

    @Override
    public void deserialize(String schema, byte[] image, boolean readOnly) throws SQLException {
        run(c -> c.deserialize(schema, image, readOnly));
    }

    @Override
    public int limit(int id, int value) throws SQLException {
        return call(c -> c.limit(id, value));
    }

    @Override
    public int[] databaseStatus(int op, boolean reset) throws SQLException {
        return call(c -> c.databaseStatus(op, reset));
    }

    @Override
    public BlobHandle openBlob(String schema, String table, String column, long rowid, boolean writable)
            throws SQLException {
        return call(c -> c.openBlob(schema, table, column, rowid, writable));
    }

    @Override
    public long totalChanges() throws SQLException {
        return call(JdbcConnection::totalChanges);
    }

    @Override
    public long lastInsertRowid() throws SQLException {
        return call(JdbcConnection::lastInsertRowid);
    }

    @Override
    public String filename() {
        return physical.filename();
    }

    @Override
    public List<ExtensionManifest> extensions() {
        return physical.extensions();
    }

    @Override
    public SqlinkBundles bundles() throws SQLException {
        return call(JdbcConnection::bundles);
    }
}

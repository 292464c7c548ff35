package dev.sqlink.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * One physical connection lent out as short-lived logical handles: closing a handle tells the
 * pool (connectionClosed) instead of closing the database. A handle is a {@link PooledHandle},
 * so {@code unwrap(SqlinkConnection.class)} still reaches the extras.
 */
final class SqlinkPooledConnection implements PooledConnection {
    private final JdbcConnection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private PooledHandle current;
    /** Set by the first error report: a pool is told once, whichever thread finds the connection gone. */
    private final AtomicBoolean errorReported = new AtomicBoolean();

    SqlinkPooledConnection(JdbcConnection physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (physical.isClosed()) {
            throw SqlErrors.closed("the pooled connection");
        }
        if (current != null) {
            current.revoke(); // JDBC: a new handle closes the previous one
        }
        if (!physical.getAutoCommit()) {
            physical.rollback();
            physical.setAutoCommit(true);
        }
        current = new PooledHandle(this, physical);
        return current;
    }

    @Override
    public void close() throws SQLException {
        physical.close();
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    /** Statement events are not reported: statements are cached by the connection itself. */
    @Override
    public void addStatementEventListener(StatementEventListener listener) {
    }

    @Override
    public void removeStatementEventListener(StatementEventListener listener) {
    }

    /**
     * A handle was given back. Usually the pool may lend the connection again; but when a
     * statement's own call retired the engine (a trap, an abort after an ignored interrupt), the
     * handle made no call that could have reported it, so the return is where the pool hears it.
     */
    void handleClosed() {
        if (!physical.isUsable()) {
            reportError(physical.isClosed() ? SqlErrors.closed("the pooled connection") : SqlErrors.retired());
            return;
        }
        for (ConnectionEventListener listener : listeners) {
            listener.connectionClosed(new ConnectionEvent(this));
        }
    }

    /**
     * Tells the listeners once that the physical connection is gone when {@code error} left it
     * closed or its engine retired (a trap, an abort): the pool must discard it, not lend it again.
     */
    void reportIfFatal(SQLException error) {
        if (!physical.isUsable()) {
            reportError(error);
        }
    }

    void physicalAborted() {
        reportError(new SQLNonTransientConnectionException(
                "the pooled connection was aborted through one of its handles", "08003"));
    }

    private void reportError(SQLException error) {
        if (!errorReported.compareAndSet(false, true)) {
            return;
        }
        for (ConnectionEventListener listener : listeners) {
            listener.connectionErrorOccurred(new ConnectionEvent(this, error));
        }
    }
}

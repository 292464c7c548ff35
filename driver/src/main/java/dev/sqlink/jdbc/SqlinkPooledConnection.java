package dev.sqlink.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEventListener;

/**
 * One physical connection lent out as short-lived logical handles: closing a handle tells the
 * pool (connectionClosed) instead of closing the database. A handle is a proxy of
 * {@link SqlinkConnection}, so {@code unwrap(SqlinkConnection.class)} still reaches the extras.
 */
final class SqlinkPooledConnection implements PooledConnection {
    private final JdbcConnection physical;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private Handle current;

    SqlinkPooledConnection(JdbcConnection physical) {
        this.physical = physical;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (physical.isClosed()) {
            throw SqlErrors.closed("the pooled connection");
        }
        if (current != null) {
            current.closed = true; // JDBC: a new handle closes the previous one
        }
        if (!physical.getAutoCommit()) {
            physical.rollback();
            physical.setAutoCommit(true);
        }
        current = new Handle();
        return (Connection) Proxy.newProxyInstance(SqlinkConnection.class.getClassLoader(),
                new Class<?>[] {SqlinkConnection.class}, current);
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

    private final class Handle implements InvocationHandler {
        volatile boolean closed;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            if (name.equals("close") && method.getParameterCount() == 0) {
                if (!closed) {
                    closed = true;
                    for (ConnectionEventListener l : listeners) {
                        l.connectionClosed(new ConnectionEvent(SqlinkPooledConnection.this));
                    }
                }
                return null;
            }
            if (name.equals("isClosed") && method.getParameterCount() == 0) {
                return closed || physical.isClosed();
            }
            if (name.equals("equals") && args != null && args.length == 1) {
                return proxy == args[0];
            }
            if (name.equals("hashCode") && method.getParameterCount() == 0) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("toString") && method.getParameterCount() == 0) {
                return "pooled handle of " + physical;
            }
            if (closed) {
                throw SqlErrors.closed("the connection handle");
            }
            try {
                return method.invoke(physical, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException && physical.isClosed()) {
                    for (ConnectionEventListener l : listeners) {
                        l.connectionErrorOccurred(new ConnectionEvent(SqlinkPooledConnection.this, (SQLException) cause));
                    }
                }
                throw cause;
            }
        }
    }
}

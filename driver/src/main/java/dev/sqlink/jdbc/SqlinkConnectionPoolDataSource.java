package dev.sqlink.jdbc;

import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/** The source of physical connections for a JDBC connection pool (javax.sql style). */
public class SqlinkConnectionPoolDataSource extends SqlinkDataSource implements ConnectionPoolDataSource {
    @Override
    public PooledConnection getPooledConnection() throws SQLException {
        return new SqlinkPooledConnection((JdbcConnection) getConnection());
    }

    @Override
    public PooledConnection getPooledConnection(String user, String password) throws SQLException {
        return new SqlinkPooledConnection((JdbcConnection) getConnection(user, password));
    }
}

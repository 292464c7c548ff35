package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Opening connections to an existing database file, warm JVM:
 * <ul>
 *   <li>{@code openDriverManager}: a plain connection, open and close;
 *   <li>{@code openPooledPhysical}: what a pool does when it grows: a new physical connection
 *       from the driver's ConnectionPoolDataSource, open and close;
 *   <li>{@code openPooledHandle}: what a pool does on every borrow: a logical handle from an
 *       already open PooledConnection, taken and given back.
 * </ul>
 */
public class ConnectionOpenBenchmarks extends DriverBenchmark {

    private ScratchFolder folder;
    private String database;
    private DriverUnderTest under;
    private ConnectionPoolDataSource poolSource;
    private PooledConnection pooled;

    @Setup(Level.Trial)
    public void prepare() throws SQLException {
        under = DriverUnderTest.named(driver);
        folder = new ScratchFolder("open");
        database = folder.file("open.db");
        try (Connection connection = under.open(database)) {
            Dataset.createSettings(connection);
        }
        poolSource = under.poolDataSource(database);
        pooled = poolSource.getPooledConnection();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        pooled.close();
        folder.close();
    }

    @Benchmark
    public boolean openDriverManager() throws SQLException {
        try (Connection connection = under.open(database)) {
            return connection.getAutoCommit();
        }
    }

    @Benchmark
    public boolean openPooledPhysical() throws SQLException {
        PooledConnection physical = poolSource.getPooledConnection();
        try (Connection connection = physical.getConnection()) {
            return connection.getAutoCommit();
        } finally {
            physical.close();
        }
    }

    @Benchmark
    public boolean openPooledHandle() throws SQLException {
        try (Connection connection = pooled.getConnection()) {
            return connection.getAutoCommit();
        }
    }
}

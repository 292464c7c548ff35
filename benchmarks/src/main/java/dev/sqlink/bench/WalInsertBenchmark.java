package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One row per transaction (autocommit) into a database file in WAL mode with
 * {@code synchronous=NORMAL}, the usual setting for WAL: commits append to the WAL without an
 * fsync each, so this measures the commit path and the VFS, not the disk's flush latency.
 * A driver that cannot run WAL fails this workload instead of measuring another journal mode.
 */
public class WalInsertBenchmark extends DriverBenchmark {

    private ScratchFolder folder;
    private Connection connection;
    private PreparedStatement insert;
    private long counter;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        folder = new ScratchFolder("wal");
        connection = DriverUnderTest.named(driver).open(folder.file("wal.db"));
        try (Statement statement = connection.createStatement()) {
            try (ResultSet mode = statement.executeQuery("PRAGMA journal_mode=WAL")) {
                String actual = mode.next() ? mode.getString(1) : "(none)";
                if (!"wal".equalsIgnoreCase(actual)) {
                    throw new IllegalStateException(driver + " cannot run WAL: journal_mode=WAL gave '" + actual + "'");
                }
            }
            statement.execute("PRAGMA synchronous=NORMAL");
            statement.executeUpdate("CREATE TABLE log (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, message TEXT)");
        }
        insert = connection.prepareStatement("INSERT INTO log (at, message) VALUES (?, ?)");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        insert.close();
        connection.close();
        folder.close();
    }

    @Benchmark
    public int walAutocommitInsert() throws SQLException {
        long n = counter++;
        insert.setLong(1, n);
        insert.setString(2, "log line number " + n);
        return insert.executeUpdate();
    }
}

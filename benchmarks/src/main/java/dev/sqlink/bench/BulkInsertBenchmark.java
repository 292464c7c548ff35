package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Bulk load: {@value #ROWS} rows in one transaction through one batched prepared statement, into
 * an in-memory table emptied before each operation (so every operation does the same work).
 */
public class BulkInsertBenchmark extends DriverBenchmark {
    static final int ROWS = 5_000;
    private static final int BATCH = 1_000;

    private Connection connection;
    private PreparedStatement insert;
    private Statement cleaner;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        connection = DriverUnderTest.named(driver).open(":memory:");
        cleaner = connection.createStatement();
        cleaner.executeUpdate("CREATE TABLE events (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, at INTEGER NOT NULL, "
                + "value REAL, payload TEXT)");
        insert = connection.prepareStatement("INSERT INTO events (kind, at, value, payload) VALUES (?, ?, ?, ?)");
    }

    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        cleaner.executeUpdate("DELETE FROM events");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        insert.close();
        cleaner.close();
        connection.close();
    }

    @Benchmark
    public int bulkInsert() throws SQLException {
        connection.setAutoCommit(false);
        int inserted = 0;
        for (int i = 0; i < ROWS; i++) {
            insert.setString(1, (i & 3) == 0 ? "click" : "view");
            insert.setLong(2, 1_700_000_000_000L + i);
            insert.setDouble(3, i * 0.25);
            insert.setString(4, "payload " + i);
            insert.addBatch();
            if ((i + 1) % BATCH == 0) {
                inserted += insert.executeBatch().length;
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
        return QueryBenchmarks.expect(inserted, ROWS, "bulk insert");
    }
}

package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Large values: writing and reading back a {@value #SIZE}-byte blob (bound with setBytes, read
 * with getBytes) in an in-memory database, the path where copies across the wasm boundary show.
 */
public class BlobBenchmarks extends DriverBenchmark {
    static final int SIZE = 1 << 20;

    private Connection connection;
    private PreparedStatement write;
    private PreparedStatement read;
    private byte[] blob;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        connection = DriverUnderTest.named(driver).open(":memory:");
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE blobs (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
        }
        blob = new byte[SIZE];
        new SplittableRandom(3).nextBytes(blob);
        write = connection.prepareStatement("INSERT OR REPLACE INTO blobs (id, data) VALUES (?, ?)");
        write.setInt(1, 2);
        write.setBytes(2, blob);
        write.executeUpdate();
        write.setInt(1, 1);
        read = connection.prepareStatement("SELECT data FROM blobs WHERE id = 2");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        write.close();
        read.close();
        connection.close();
    }

    @Benchmark
    public int blobWrite() throws SQLException {
        write.setBytes(2, blob);
        return write.executeUpdate();
    }

    @Benchmark
    public byte[] blobRead() throws SQLException {
        try (ResultSet row = read.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("blob row missing");
            }
            byte[] data = row.getBytes(1);
            return QueryBenchmarks.expect(data.length, SIZE, "blob read") == SIZE ? data : null;
        }
    }
}

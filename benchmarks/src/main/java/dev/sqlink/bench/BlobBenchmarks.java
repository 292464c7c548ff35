package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Large values: writing and reading back a {@value #SIZE}-byte blob (bound with setBytes, read
 * with getBytes) in an in-memory database, the path where copies across the wasm boundary show.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 6, time = 3)
@Measurement(iterations = 5, time = 2)
public class BlobBenchmarks {
    static final int SIZE = 1 << 20;

    @Param({"sqlink", "xerial", "sqlite4j"})
    public String driver;

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

package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Diagnostics, not targets: queries that touch all 20k rows of {@link Dataset}'s {@code items}
 * inside SQLite but hand one row to JDBC, so the ratio to sqlite-jdbc is the compiled engine's
 * own speed with no driver layer in it. Three kinds of engine work per row: VDBE opcodes only
 * (a filter and a count), one SQL function's C loop (LIKE), and a heavier library call
 * (printf). When these are as far from native as GROUP BY or the join, the gap lies in how
 * compiled wasm runs on the JVM in general, not in any one opcode or in the JDBC layer.
 */
public class EngineOnlyBenchmarks extends DriverBenchmark {
    private Connection connection;
    private PreparedStatement filter;
    private PreparedStatement like;
    private PreparedStatement printf;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        connection = DriverUnderTest.named(driver).open(":memory:");
        Dataset.create(connection);
        filter = connection.prepareStatement("SELECT count(*) FROM items WHERE qty > 500 AND category <> 7");
        like = connection.prepareStatement("SELECT count(*) FROM items WHERE note LIKE '%99%'");
        printf = connection.prepareStatement("SELECT sum(length(printf('%s:%d:%.2f', name, qty, price))) FROM items");
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        filter.close();
        like.close();
        printf.close();
        connection.close();
    }

    @Benchmark
    public long engineScanFilter() throws SQLException {
        return single(filter);
    }

    @Benchmark
    public long engineLike() throws SQLException {
        return single(like);
    }

    @Benchmark
    public long enginePrintf() throws SQLException {
        return single(printf);
    }

    /** The one value an aggregate returns; zero would mean the query matched nothing, so fail it. */
    private static long single(PreparedStatement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery()) {
            if (!row.next() || row.getLong(1) == 0) {
                throw new IllegalStateException("engine-only query returned no count");
            }
            return row.getLong(1);
        }
    }
}

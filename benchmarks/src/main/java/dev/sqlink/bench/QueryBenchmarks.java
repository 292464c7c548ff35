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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Read workloads over {@link Dataset} in an in-memory database, so they measure the engine and the
 * JDBC layer rather than the disk: point selects by primary key, a full scan reading every
 * column, GROUP BY aggregation, ORDER BY ... LIMIT (a sort without an index) and a three-table join.
 */
public class QueryBenchmarks extends DriverBenchmark {
    static final String FULL_SCAN = "SELECT id, name, category, price, qty, note FROM items";
    static final String GROUP_BY = "SELECT category, count(*), sum(price), avg(qty) FROM items GROUP BY category";
    static final String ORDER_BY_LIMIT = "SELECT id, name, price FROM items ORDER BY price DESC, id LIMIT 20";
    /**
     * One region's customers (about 1/20), their orders through the index, each order's item by
     * primary key: a nested-loop join over three tables, grouped.
     */
    static final String JOIN = "SELECT i.category, count(*), sum(o.amount * i.qty) "
            + "FROM customers c JOIN orders o ON o.customer_id = c.id JOIN items i ON i.id = o.item_id "
            + "WHERE c.region = ? GROUP BY i.category ORDER BY i.category";

    private Connection connection;
    private PreparedStatement pointSelect;
    private PreparedStatement join;
    private int nextRegion;
    private final SplittableRandom random = new SplittableRandom(42);

    @Setup(Level.Trial)
    public void open() throws SQLException {
        connection = DriverUnderTest.named(driver).open(":memory:");
        Dataset.create(connection);
        pointSelect = connection.prepareStatement("SELECT id, name, category, price, qty, note FROM items WHERE id = ?");
        join = connection.prepareStatement(JOIN);
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        pointSelect.close();
        join.close();
        connection.close();
    }

    @Benchmark
    public void pointSelect(Blackhole sink) throws SQLException {
        pointSelect.setInt(1, 1 + random.nextInt(Dataset.ITEMS));
        try (ResultSet row = pointSelect.executeQuery()) {
            if (!row.next()) {
                throw new IllegalStateException("point select found no row");
            }
            sink.consume(row.getInt(1));
            sink.consume(row.getString(2));
            sink.consume(row.getInt(3));
            sink.consume(row.getDouble(4));
            sink.consume(row.getInt(5));
            sink.consume(row.getString(6));
        }
    }

    @Benchmark
    public int fullScan(Blackhole sink) throws SQLException {
        int rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(FULL_SCAN)) {
            while (row.next()) {
                sink.consume(row.getLong(1));
                sink.consume(row.getString(2));
                sink.consume(row.getInt(3));
                sink.consume(row.getDouble(4));
                sink.consume(row.getInt(5));
                sink.consume(row.getString(6));
                rows++;
            }
        }
        return expect(rows, Dataset.ITEMS, "full scan");
    }

    @Benchmark
    public int groupBy(Blackhole sink) throws SQLException {
        int groups = 0;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(GROUP_BY)) {
            while (row.next()) {
                sink.consume(row.getInt(1));
                sink.consume(row.getLong(2));
                sink.consume(row.getDouble(3));
                sink.consume(row.getDouble(4));
                groups++;
            }
        }
        return expect(groups, Dataset.CATEGORIES, "group by");
    }

    @Benchmark
    public int orderByLimit(Blackhole sink) throws SQLException {
        int rows = 0;
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(ORDER_BY_LIMIT)) {
            while (row.next()) {
                sink.consume(row.getLong(1));
                sink.consume(row.getString(2));
                sink.consume(row.getDouble(3));
                rows++;
            }
        }
        return expect(rows, 20, "order by limit");
    }

    @Benchmark
    public int join(Blackhole sink) throws SQLException {
        int categories = 0;
        join.setInt(1, nextRegion++ % Dataset.REGIONS);
        try (ResultSet row = join.executeQuery()) {
            while (row.next()) {
                sink.consume(row.getInt(1));
                sink.consume(row.getLong(2));
                sink.consume(row.getDouble(3));
                categories++;
            }
        }
        if (categories == 0) {
            throw new IllegalStateException("join returned no rows");
        }
        return categories;
    }

    /** A workload that silently returned nothing would look fast; fail it instead. */
    static int expect(int actual, int expected, String workload) {
        if (actual != expected) {
            throw new IllegalStateException(workload + " returned " + actual + " rows, expected " + expected);
        }
        return actual;
    }
}

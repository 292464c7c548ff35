package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * What an ORM does to a connection: one short transaction per operation that prepares, runs and
 * closes statements whose SQL text varies (generated aliases, column lists, comments), as
 * Hibernate's entity loads, updates and inserts do. {@value #DISTINCT_SELECTS} distinct SELECT
 * texts and {@value #DISTINCT_UPDATES} distinct UPDATE texts rotate, so a driver's statement
 * cache can help only as much as it would in an application.
 */
public class OrmMixBenchmark extends DriverBenchmark {
    static final int DISTINCT_SELECTS = 60;
    static final int DISTINCT_UPDATES = 12;
    private static final int SELECTS_PER_TRANSACTION = 8;
    private static final String[] COLUMNS = {"name", "category", "price", "qty", "note"};

    private Connection connection;
    private final List<String> selects = new ArrayList<>();
    private final List<String> updates = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(7);
    private int nextSelect;
    private int nextUpdate;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        connection = DriverUnderTest.named(driver).open(":memory:");
        Dataset.create(connection);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE audit (id INTEGER PRIMARY KEY, item_id INTEGER NOT NULL, "
                    + "action TEXT NOT NULL, at INTEGER NOT NULL)");
        }
        for (int i = 0; i < DISTINCT_SELECTS; i++) {
            selects.add(selectText(i));
        }
        for (int i = 0; i < DISTINCT_UPDATES; i++) {
            updates.add("update items set qty=qty+1, " + COLUMNS[i % 3] + "=" + COLUMNS[i % 3]
                    + " where id=? /* update #" + i + " */");
        }
    }

    /** An entity-load text: alias suffix and column subset vary like generated ORM SQL does. */
    private static String selectText(int variant) {
        String alias = "i" + (variant % 10) + "_" + (variant / 10);
        StringBuilder sql = new StringBuilder("select ").append(alias).append(".id");
        for (int c = 0; c < COLUMNS.length; c++) {
            if (((variant + 1) >> c & 1) == 1 || c == 0) {
                sql.append(", ").append(alias).append('.').append(COLUMNS[c]);
            }
        }
        return sql.append(" from items ").append(alias).append(" where ").append(alias).append(".id=?").toString();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        connection.close();
    }

    @Benchmark
    public void ormTransaction(Blackhole sink) throws SQLException {
        connection.setAutoCommit(false);
        int itemId = 1 + random.nextInt(Dataset.ITEMS);
        for (int i = 0; i < SELECTS_PER_TRANSACTION; i++) {
            String sql = selects.get(nextSelect++ % selects.size());
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setInt(1, 1 + random.nextInt(Dataset.ITEMS));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        sink.consume(row.getLong(1));
                        sink.consume(row.getString(2));
                    }
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement(updates.get(nextUpdate++ % updates.size()))) {
            update.setInt(1, itemId);
            sink.consume(update.executeUpdate());
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into audit (item_id, action, at) values (?, ?, ?)")) {
            insert.setInt(1, itemId);
            insert.setString(2, "update");
            insert.setLong(3, System.currentTimeMillis());
            sink.consume(insert.executeUpdate());
        }
        connection.commit();
        connection.setAutoCommit(true);
    }
}

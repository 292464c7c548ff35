package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * The tables the read workloads query, filled with the same deterministic rows for every driver:
 * {@code items} (a rowid table with text, integer and real columns), {@code customers} and
 * {@code orders} (a foreign key into both, indexed) for the join.
 */
final class Dataset {
    static final int ITEMS = 20_000;
    static final int CUSTOMERS = 1_000;
    static final int ORDERS = 20_000;
    static final int CATEGORIES = 100;
    static final int REGIONS = 20;
    private static final long SEED = 20261121L;

    private Dataset() {}

    /**
     * The one-row database the cold-start, memory and connection-open measurements open: small,
     * so that opening it measures the driver, not reading a file.
     */
    static void createSettings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)");
            statement.executeUpdate("INSERT INTO settings VALUES ('theme', 'dark')");
        }
    }

    static void create(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    + "category INTEGER NOT NULL, price REAL NOT NULL, qty INTEGER NOT NULL, note TEXT)");
            statement.executeUpdate("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                    + "region INTEGER NOT NULL)");
            statement.executeUpdate("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL "
                    + "REFERENCES customers(id), item_id INTEGER NOT NULL REFERENCES items(id), amount REAL NOT NULL)");
            statement.executeUpdate("CREATE INDEX orders_customer ON orders(customer_id)");
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        SplittableRandom random = new SplittableRandom(SEED);
        try (PreparedStatement items = connection.prepareStatement("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement customers = connection.prepareStatement("INSERT INTO customers VALUES (?, ?, ?)");
                PreparedStatement orders = connection.prepareStatement("INSERT INTO orders VALUES (?, ?, ?, ?)")) {
            for (int id = 1; id <= ITEMS; id++) {
                items.setInt(1, id);
                items.setString(2, "item-" + Integer.toHexString(random.nextInt()) + "-" + id);
                items.setInt(3, random.nextInt(CATEGORIES));
                items.setDouble(4, random.nextInt(1_000_000) / 100.0);
                items.setInt(5, random.nextInt(1000));
                items.setString(6, id % 7 == 0 ? null : "a note of moderate length for row " + id);
                items.executeUpdate();
            }
            for (int id = 1; id <= CUSTOMERS; id++) {
                customers.setInt(1, id);
                customers.setString(2, "customer " + id);
                customers.setInt(3, random.nextInt(REGIONS));
                customers.executeUpdate();
            }
            for (int id = 1; id <= ORDERS; id++) {
                orders.setInt(1, id);
                orders.setInt(2, 1 + random.nextInt(CUSTOMERS));
                orders.setInt(3, 1 + random.nextInt(ITEMS));
                orders.setDouble(4, random.nextInt(100_000) / 100.0);
                orders.executeUpdate();
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
    }
}

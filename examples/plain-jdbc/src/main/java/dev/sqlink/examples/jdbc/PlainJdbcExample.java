package dev.sqlink.examples.jdbc;

import dev.sqlink.jdbc.SqlinkDataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The driver with nothing but {@code java.sql}: a URL with properties through
 * {@link DriverManager}, a batch in one transaction, a prepared query, then the same database
 * through a {@link javax.sql.DataSource}.
 *
 * <p>Run: {@code java -cp ... dev.sqlink.examples.jdbc.PlainJdbcExample [DATABASE-FILE]}.
 */
public final class PlainJdbcExample {
    private PlainJdbcExample() {}

    public static void main(String[] args) throws SQLException {
        run(Path.of(args.length > 0 ? args[0] : "example.db"), System.out);
    }

    /** Creates or extends the database at {@code file} and prints what it holds. */
    static void run(Path file, PrintStream out) throws SQLException {
        // URL parameters are connection properties: the same names as sqlite-jdbc's.
        String url = "jdbc:sqlink:" + file + "?foreign_keys=true&busy_timeout=5000";
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("create table if not exists city("
                        + "id integer primary key, name text not null unique, population integer)");
            }
            c.setAutoCommit(false); // one transaction for the batch: one fsync instead of one per row
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into city(name, population) values (?, ?) on conflict(name) do nothing")) {
                addCity(insert, "Lisbon", 545_796);
                addCity(insert, "Porto", 231_800);
                addCity(insert, "Braga", 193_333);
                insert.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);

            try (PreparedStatement query = c.prepareStatement(
                    "select name, population from city where population > ? order by population desc")) {
                query.setInt(1, 200_000);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        out.println(rs.getString("name") + " " + rs.getInt("population"));
                    }
                }
            }
        }

        // The DataSource form, for code (and frameworks) that take a DataSource.
        SqlinkDataSource dataSource = new SqlinkDataSource();
        dataSource.setUrl("jdbc:sqlink:" + file);
        try (Connection c = dataSource.getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), sqlite_version() from city")) {
            rs.next();
            out.println(rs.getInt(1) + " cities, SQLite " + rs.getString(2));
        }
    }

    private static void addCity(PreparedStatement insert, String name, int population) throws SQLException {
        insert.setString(1, name);
        insert.setInt(2, population);
        insert.addBatch();
    }
}

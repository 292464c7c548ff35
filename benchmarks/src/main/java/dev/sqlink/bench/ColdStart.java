package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child side of the cold-start measurement: a fresh JVM that opens the database, reads the
 * first row of a table and prints it. {@link ColdStartRunner} times it from process start to
 * that line. Usage: {@code ColdStart DRIVER DATABASE_FILE}.
 *
 * <p>It opens through the driver itself ({@link DriverUnderTest#openAlone}), not DriverManager:
 * DriverManager would first initialise every driver on the suite's class path, and an
 * application replacing one SQLite driver by another does not carry both. Through DriverManager,
 * sqlink's cold start also paid for sqlite-jdbc's driver initialisation (it sets up JDK logging),
 * 30–60 ms, and sqlite-jdbc's for sqlink's, less.
 */
public final class ColdStart {
    static final String MARKER = "first-row:";

    private ColdStart() {}

    public static void main(String[] args) throws SQLException {
        DriverUnderTest driver = DriverUnderTest.named(args[0]);
        try (Connection connection = driver.openAlone(args[1]);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT key, value, sqlite_version() FROM settings LIMIT 1")) {
            if (!row.next()) {
                throw new IllegalStateException("the cold-start database has no settings row");
            }
            System.out.println(MARKER + " " + row.getString(1) + "=" + row.getString(2) + " sqlite " + row.getString(3)
                    + " via " + connection.getMetaData().getDriverName() + " " + connection.getMetaData().getDriverVersion());
            System.out.flush();
        }
    }
}

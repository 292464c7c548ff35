package dev.sqlink.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child side of the cold-start measurement: a fresh JVM that opens the database, reads the
 * first row of a table and prints it. {@link ColdStartRunner} times it from process start to
 * that line. Usage: {@code ColdStart DRIVER DATABASE_FILE}.
 */
public final class ColdStart {
    static final String MARKER = "first-row:";

    private ColdStart() {}

    public static void main(String[] args) throws SQLException {
        DriverUnderTest driver = DriverUnderTest.named(args[0]);
        try (Connection connection = driver.open(args[1]);
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

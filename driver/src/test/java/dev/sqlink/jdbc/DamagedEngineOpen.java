package dev.sqlink.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Child JVM for {@link EngineLoadFailureTest}: opens a connection in a JVM whose engine cannot
 * load and prints what the caller got. Usage: {@code DamagedEngineOpen JDBC_URL}.
 */
public final class DamagedEngineOpen {
    static final String SQL_EXCEPTION = "SQLException ";
    static final String OPENED = "opened";

    private DamagedEngineOpen() {}

    public static void main(String[] args) {
        try (Connection c = DriverManager.getConnection(args[0])) {
            System.out.println(OPENED);
        } catch (SQLException e) {
            System.out.println(SQL_EXCEPTION + e.getSQLState() + " " + e.getClass().getName() + ": " + e.getMessage());
        }
        // anything else escapes main and fails the child: the test sees a non-zero exit
    }
}

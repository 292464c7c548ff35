package dev.sqlink.bench;

import dev.sqlink.engine.Aggregate;
import dev.sqlink.engine.FunctionArgs;
import dev.sqlink.engine.FunctionResult;
import dev.sqlink.jdbc.SqlinkConnection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Arrays;

/**
 * An application's start, run in a fresh JVM by {@link StartupProfile} to find the SQLite
 * functions it needs. The cold start is the cold-start benchmark's own open and first row
 * ({@link ColdStart}) and a lookup by primary key. The first minute goes on with ordinary work
 * on the same file: a table and an index created, rows written in a transaction with every kind
 * of parameter, read back as every kind of column, updated and deleted, and a scalar and an
 * aggregate user function called. Usage: {@code StartupScenario cold-start|first-minute
 * DATABASE_FILE} (a database made by {@link Dataset#createSettings}).
 */
public final class StartupScenario {
    /** The first argument that runs the whole first minute, not only the cold start. */
    static final String FIRST_MINUTE = "first-minute";
    /** The first argument that runs the cold start only. */
    static final String COLD_START = "cold-start";

    private StartupScenario() {}

    /** Makes, in {@code folder}, the database the scenario starts from, and returns its path. */
    static String createDatabase(ScratchFolder folder) throws SQLException {
        String database = folder.file("startup.db");
        try (Connection connection = DriverUnderTest.SQLINK.open(database)) {
            Dataset.createSettings(connection);
        }
        return database;
    }

    public static void main(String[] args) throws SQLException {
        String database = args[1];
        ColdStart.main(new String[] {DriverUnderTest.SQLINK.parameterName(), database});
        try (Connection connection = DriverUnderTest.SQLINK.open(database)) {
            lookUpByKey(connection);
            if (args[0].equals(FIRST_MINUTE)) {
                firstMinute(connection);
            }
        }
    }

    /**
     * The other usual first read: one row by its primary key, as a settings lookup does, with
     * the key bound and with the key written into the SQL (compiled differently).
     */
    private static void lookUpByKey(Connection connection) throws SQLException {
        try (PreparedStatement lookup = connection.prepareStatement("SELECT value FROM settings WHERE key = ?");
                Statement statement = connection.createStatement()) {
            lookup.setString(1, "theme");
            try (ResultSet row = lookup.executeQuery()) {
                row.next();
            }
            try (ResultSet row = statement.executeQuery("SELECT value FROM settings WHERE key = 'theme'")) {
                row.next();
            }
        }
    }

    private static void firstMinute(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, n INTEGER, x REAL, "
                    + "t TEXT, b BLOB)");
            statement.executeUpdate("CREATE INDEX IF NOT EXISTS notes_by_n ON notes (n)");
        }
        byte[] large = new byte[1 << 20];
        Arrays.fill(large, (byte) 7);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO notes (n, x, t, b) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            bindRow(insert, 42, 2.5, "short", new byte[] {1, 2, 3});
            bindRow(insert, Long.MAX_VALUE, -0.5, "a long text ".repeat(100_000), large); // past the copy limit
            insert.setNull(1, Types.INTEGER);
            insert.setNull(2, Types.REAL);
            insert.setNull(3, Types.VARCHAR);
            insert.setNull(4, Types.BLOB);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
            }
        }
        connection.commit();
        connection.setAutoCommit(true);

        SqlinkConnection sqlink = connection.unwrap(SqlinkConnection.class);
        sqlink.lastInsertRowid();
        sqlink.createFunction("echo", 1, 0, (FunctionArgs in, FunctionResult out) -> echo(in, out));
        sqlink.createAggregate("total_length", 1, 0, TotalLength::new);
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT n, x, t, b, echo(n), echo(x), echo(t), echo(b), echo(NULL) FROM notes WHERE id > ?");
                Statement statement = connection.createStatement()) {
            select.setInt(1, 0);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    rows.getLong(1);
                    rows.getDouble(2);
                    rows.getString(3);
                    rows.getBytes(4);
                    rows.wasNull();
                    for (int column = 5; column <= 9; column++) {
                        rows.getObject(column);
                    }
                }
            }
            try (ResultSet total = statement.executeQuery("SELECT total_length(t) FROM notes")) {
                total.next();
            }
            statement.executeUpdate("UPDATE notes SET n = n + 1 WHERE t = 'short'");
            statement.executeUpdate("DELETE FROM notes");
        }
    }

    private static void bindRow(PreparedStatement insert, long n, double x, String t, byte[] b) throws SQLException {
        insert.setLong(1, n);
        insert.setDouble(2, x);
        insert.setString(3, t);
        insert.setBytes(4, b);
        insert.executeUpdate();
    }

    /** Returns its argument as the value it is, so every value and result kind crosses once. */
    private static void echo(FunctionArgs in, FunctionResult out) {
        out.setObject(in.getObject(0));
    }

    private static final class TotalLength implements Aggregate {
        private long total;

        @Override
        public void step(FunctionArgs args) {
            if (!args.isNull(0)) {
                total += args.getText(0).length();
            }
        }

        @Override
        public void finish(FunctionResult result) {
            result.setLong(total);
        }
    }
}

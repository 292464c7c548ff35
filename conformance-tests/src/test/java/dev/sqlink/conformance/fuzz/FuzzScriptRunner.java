package dev.sqlink.conformance.fuzz;

import dev.sqlink.conformance.fuzz.FuzzCorpus.DbImage;
import dev.sqlink.conformance.fuzz.FuzzCorpus.Script;
import dev.sqlink.conformance.fuzz.ScriptOutcome.Kind;
import dev.sqlink.conformance.support.JdbcTarget;
import dev.sqlink.conformance.support.SqlScript;
import dev.sqlink.conformance.support.Watchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Runs one fuzz script against one database image in a file, statement by statement like fuzzcheck
 * (an error ends that statement, not the script), each statement under a {@link Watchdog}. Then
 * checks the file's integrity unless the image was damaged to begin with.
 */
final class FuzzScriptRunner implements AutoCloseable {

    private static final List<String> SIDECARS = List.of("", "-journal", "-wal", "-shm");

    /** Some fuzz statements spend many seconds in one uninterruptible step (huge printf widths, blobs). */
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(60);

    private final JdbcTarget target;
    private final Duration scriptBudget;
    private final Watchdog watchdog;

    FuzzScriptRunner(JdbcTarget target, Duration statementLimit, Duration scriptBudget) {
        this.target = target;
        this.scriptBudget = scriptBudget;
        this.watchdog = new Watchdog(statementLimit, CANCEL_GRACE);
    }

    /** {@code imageIntact}: the image passed integrity_check before the script ran. */
    ScriptOutcome run(Path dbFile, DbImage image, boolean imageIntact, Script script) throws IOException {
        reset(dbFile, image);
        List<String> statements = SqlScript.split(script.sql());
        long deadline = System.nanoTime() + scriptBudget.toNanos();
        Connection connection = null;
        int executed = 0;
        int sqlErrors = 0;
        Kind kind = Kind.OK;
        String detail = "";
        try {
            connection = watchdog.call(() -> connectWithoutSync(dbFile));
            for (String sql : statements) {
                if (System.nanoTime() > deadline) {
                    kind = Kind.CANCELLED_AFTER_TIMEOUT;
                    detail = "script budget of " + scriptBudget.toSeconds() + " s used up after " + executed + " statements";
                    break;
                }
                executed++;
                Connection current = connection;
                try {
                    watchdog.call(() -> executeAndDrain(current, sql));
                } catch (SQLException e) {
                    sqlErrors++;
                    if (e.getMessage() == null || e.getMessage().isBlank()) {
                        return new ScriptOutcome(Kind.UNCLEAR_SQL_EXCEPTION, executed, sqlErrors, describe(e, sql));
                    }
                }
            }
        } catch (Watchdog.TimedOut timedOut) {
            if (timedOut.hung()) {
                connection = null; // still in use by the stuck worker; abandon it
                return new ScriptOutcome(Kind.HUNG, executed, sqlErrors, timedOut.getMessage());
            }
            kind = Kind.CANCELLED_AFTER_TIMEOUT;
            detail = timedOut.getMessage();
        } catch (SQLException e) {
            sqlErrors++; // the image could not be opened: a clear refusal is fine
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                return new ScriptOutcome(Kind.UNCLEAR_SQL_EXCEPTION, executed, sqlErrors, describe(e, "(open)"));
            }
        } catch (Error error) {
            ResourceLimits.Allowed allowed = ResourceLimits.find(error);
            if (allowed == null) {
                return new ScriptOutcome(Kind.UNEXPECTED_THROWABLE, executed, sqlErrors, describe(error, ""));
            }
            kind = Kind.RESOURCE_LIMIT;
            detail = allowed.reason();
        } catch (Exception unexpected) {
            return new ScriptOutcome(Kind.UNEXPECTED_THROWABLE, executed, sqlErrors, describe(unexpected, ""));
        } finally {
            closeQuietly(connection);
        }
        if (imageIntact) {
            String integrity = IntegrityCheck.check(dbFile);
            if (!integrity.equals("ok")) {
                return new ScriptOutcome(Kind.CORRUPT, executed, sqlErrors, integrity);
            }
        }
        return new ScriptOutcome(kind, executed, sqlErrors, detail);
    }

    /**
     * Durability is not under test here and an fsync per commit made the run ten times slower, so
     * the connection starts with synchronous=OFF (a script may still change it).
     */
    private Connection connectWithoutSync(Path dbFile) throws SQLException {
        Connection connection = target.connect(dbFile.toString());
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous=OFF");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Executes one statement and reads every value of every row, as an application would. */
    private Void executeAndDrain(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            watchdog.watch(statement);
            boolean isResultSet = statement.execute(sql);
            if (isResultSet) {
                try (ResultSet rs = statement.getResultSet()) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int c = 1; c <= columns; c++) {
                            rs.getObject(c);
                        }
                    }
                }
            }
        }
        return null;
    }

    private static void reset(Path dbFile, DbImage image) throws IOException {
        for (String suffix : SIDECARS) {
            Files.deleteIfExists(Path.of(dbFile + suffix));
        }
        if (image.bytes() != null) {
            Files.write(dbFile, image.bytes());
        } else {
            Files.deleteIfExists(dbFile); // every script on the empty image starts from an empty database
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // integrity_check below is the verdict on what the connection left behind
            }
        }
    }

    private static String describe(Throwable thrown, String sql) {
        String text = sql.length() > 300 ? sql.substring(0, 300) + "..." : sql;
        return thrown + (text.isEmpty() ? "" : " at: " + text);
    }

    @Override
    public void close() {
        watchdog.close();
    }
}

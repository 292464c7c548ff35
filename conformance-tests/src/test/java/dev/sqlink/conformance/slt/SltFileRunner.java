package dev.sqlink.conformance.slt;

import dev.sqlink.conformance.slt.SltRecord.Condition;
import dev.sqlink.conformance.slt.SltRecord.Query;
import dev.sqlink.conformance.slt.SltRecord.SortMode;
import dev.sqlink.conformance.support.JdbcTarget;
import dev.sqlink.conformance.support.SqlScript;
import dev.sqlink.conformance.support.Watchdog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs the records of one sqllogictest file against a fresh in-memory database. */
final class SltFileRunner {

    /** The engine name that {@code skipif}/{@code onlyif} compare against. */
    static final String ENGINE = "sqlite";
    private static final int DEFAULT_HASH_THRESHOLD = 8;
    private static final Pattern HASH_LINE = Pattern.compile("\\d+ values hashing to [0-9a-f]{32}");
    private static final int SHOWN_VALUES = 12;
    private static final Duration CANCEL_GRACE = Duration.ofSeconds(10);

    private final JdbcTarget target;
    private final Duration recordLimit;

    SltFileRunner(JdbcTarget target, Duration recordLimit) {
        this.target = target;
        this.recordLimit = recordLimit;
    }

    SltFileReport run(String fileName, List<SltRecord> records) {
        SltFileReport report = new SltFileReport(fileName);
        Connection connection;
        try {
            connection = target.connect(JdbcTarget.MEMORY);
        } catch (SQLException e) {
            report.fail(1, "cannot open a database: " + e);
            return report;
        }
        boolean abandoned = false;
        try (Watchdog watchdog = new Watchdog(recordLimit, CANCEL_GRACE)) {
            FileState state = new FileState();
            for (int i = 0; i < records.size(); i++) {
                SltRecord record = records.get(i);
                boolean applies = record.conditions().stream().allMatch(c -> c.allows(ENGINE));
                if (record instanceof SltRecord.HashThreshold h) {
                    if (applies) {
                        state.hashThreshold = h.threshold();
                    }
                    continue;
                }
                if (record instanceof SltRecord.Halt) {
                    if (applies) {
                        break;
                    }
                    continue;
                }
                if (!applies) {
                    report.skip();
                    continue;
                }
                String failure;
                try {
                    failure = watchdog.call(() -> runRecord(connection, record, state, watchdog));
                } catch (Watchdog.TimedOut timedOut) {
                    failure = "timed out: " + timedOut.getMessage() + "\n" + sqlOf(record);
                    if (timedOut.hung()) {
                        report.fail(record.line(), failure);
                        abandoned = true;
                        failRemaining(report, records.subList(i + 1, records.size()), record.line());
                        break;
                    }
                } catch (Exception | Error unexpected) {
                    failure = "driver threw " + unexpected + " (expected a result or an SQLException)\n" + sqlOf(record);
                }
                if (failure == null) {
                    report.pass();
                } else {
                    report.fail(record.line(), failure);
                }
            }
        } finally {
            if (!abandoned) {
                try {
                    connection.close();
                } catch (SQLException ignored) {
                    // The report already says what went wrong with this database.
                }
            }
        }
        return report;
    }

    private static void failRemaining(SltFileReport report, List<SltRecord> rest, int hungLine) {
        for (SltRecord record : rest) {
            if (record instanceof SltRecord.Statement || record instanceof SltRecord.Query) {
                report.fail(record.line(), "not run: the connection was abandoned after the hang at line " + hungLine);
            }
        }
    }

    /** Returns null when the record behaved as expected, otherwise what went wrong. */
    private String runRecord(Connection connection, SltRecord record, FileState state, Watchdog watchdog) throws SQLException {
        if (record instanceof SltRecord.Statement statement) {
            return runStatement(connection, statement, watchdog);
        }
        return runQuery(connection, (Query) record, state, watchdog);
    }

    /** Like sqlite3_exec: statements run in order and the first error stops the record. */
    private static String runStatement(Connection connection, SltRecord.Statement record, Watchdog watchdog) {
        SQLException error = null;
        for (String sql : SqlScript.split(record.sql())) {
            try (Statement statement = connection.createStatement()) {
                watchdog.watch(statement);
                if (statement.execute(sql)) {
                    try (ResultSet rs = statement.getResultSet()) {
                        while (rs.next()) {
                            // sqlite3_exec steps every row; a stepping error is the statement's error.
                        }
                    }
                }
            } catch (SQLTimeoutException e) {
                return timedOutByDriver(e, record.sql());
            } catch (SQLException e) {
                error = e;
                break;
            }
        }
        if (record.expectError() && error == null) {
            return "statement succeeded but an error was expected\n" + record.sql();
        }
        if (!record.expectError() && error != null) {
            return "statement failed: " + error.getMessage() + "\n" + record.sql();
        }
        return null;
    }

    private static String runQuery(Connection connection, Query record, FileState state, Watchdog watchdog) {
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(record.sql())) {
            watchdog.watch(statement);
            readRows(statement, record.types(), rows);
        } catch (SQLTimeoutException e) {
            return timedOutByDriver(e, record.sql());
        } catch (SQLException e) {
            return "query failed: " + e.getMessage() + "\n" + record.sql();
        }
        List<String> values = flatten(rows, record.sort());
        String hash = SltValues.hashLine(values);
        String problem = compare(record, values, hash, state.hashThreshold);
        if (problem == null && record.label() != null) {
            LabelResult earlier = state.labels.putIfAbsent(record.label(), new LabelResult(hash, record.line()));
            if (earlier != null && !earlier.hash().equals(hash)) {
                problem = "label " + record.label() + " gave '" + hash + "' but at line " + earlier.line() + " '" + earlier.hash() + "'";
            }
        }
        return problem == null ? null : problem + "\n" + record.sql();
    }

    /**
     * The driver's own query timeout (set by {@link Watchdog#watch}) can end a runaway record just
     * before the watchdog's wait does; either way the record overran the limit, it did not fail.
     */
    private static String timedOutByDriver(SQLTimeoutException e, String sql) {
        return "timed out: " + e.getMessage() + "\n" + sql;
    }

    /**
     * A prepare error fails the query (thrown before this method); an error while stepping ends the
     * result silently, as in the reference harness (e.g. integer overflow in sum()). A timeout is
     * not the query's error but the harness's limit, so it is passed on.
     */
    private static void readRows(PreparedStatement statement, String types, List<List<String>> rows) throws SQLException {
        ResultSet rs;
        try {
            rs = statement.executeQuery();
        } catch (SQLTimeoutException timeout) {
            throw timeout;
        } catch (SQLException stepError) {
            return;
        }
        try (rs) {
            int columns = rs.getMetaData().getColumnCount();
            if (columns != types.length()) {
                throw new ColumnCountMismatch(types.length(), columns);
            }
            while (nextOrStop(rs)) {
                List<String> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    row.add(SltValues.render(rs, c, types.charAt(c - 1)));
                }
                rows.add(row);
            }
        }
    }

    private static boolean nextOrStop(ResultSet rs) throws SQLTimeoutException {
        try {
            return rs.next();
        } catch (SQLTimeoutException timeout) {
            throw timeout;
        } catch (SQLException stepError) {
            return false;
        }
    }

    private static List<String> flatten(List<List<String>> rows, SortMode sort) {
        if (sort == SortMode.ROWSORT) {
            rows.sort(SltFileRunner::compareRows);
        }
        List<String> values = new ArrayList<>();
        rows.forEach(values::addAll);
        if (sort == SortMode.VALUESORT) {
            values.sort(Comparator.naturalOrder());
        }
        return values;
    }

    private static int compareRows(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static String compare(Query record, List<String> values, String hash, int threshold) {
        List<String> expected = record.expected();
        if (expected == null) {
            return null;
        }
        boolean expectHash = expected.size() == 1 && HASH_LINE.matcher(expected.get(0)).matches();
        // Labels do not force the hash form: a labelled query with a small result lists its values.
        if (expectHash || (threshold > 0 && values.size() > threshold)) {
            return expectHash && hash.equals(expected.get(0)) ? null
                    : "expected " + shown(expected) + " but got " + hash + " " + shown(values);
        }
        return values.equals(expected) ? null : "expected " + shown(expected) + " but got " + shown(values);
    }

    private static String shown(List<String> values) {
        return values.size() <= SHOWN_VALUES ? values.toString()
                : values.subList(0, SHOWN_VALUES) + "... (" + values.size() + " values)";
    }

    private static String sqlOf(SltRecord record) {
        if (record instanceof SltRecord.Statement s) {
            return s.sql();
        }
        return record instanceof Query q ? q.sql() : "";
    }

    /** Settings and labels that carry from record to record within a file. */
    private static final class FileState {
        int hashThreshold = DEFAULT_HASH_THRESHOLD;
        final Map<String, LabelResult> labels = new HashMap<>();
    }

    private record LabelResult(String hash, int line) {
    }

    private static final class ColumnCountMismatch extends SQLException {
        ColumnCountMismatch(int expected, int actual) {
            super("query returned " + actual + " columns but its type string has " + expected);
        }
    }
}

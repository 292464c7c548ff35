package dev.sqlink.jdbc;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import dev.sqlink.engine.Stmt;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * A statement running SQL text. Text holding several statements runs them all, in order, as
 * {@code sqlite3_exec} does; each is one JDBC result (an update count or a result set), read
 * with the {@code getMoreResults}/{@code getUpdateCount} loop. Statements are run eagerly up
 * to the first one that returns rows; those after it run as the loop advances past it.
 */
public class JdbcStatement implements Statement, SelfWrapper {
    final JdbcConnection conn;
    final Database db;
    boolean closed;
    int maxRows;
    int fetchSize;
    int queryTimeout;
    boolean closeOnCompletion;
    boolean poolable;

    private volatile boolean executing;
    /** Counts executions, so a late abort never hits a later statement. */
    private volatile long executions;
    /** The thread running this statement's current execution: only that call may be aborted. */
    private volatile Thread runner;

    /**
     * How long a cancelled or timed-out statement may ignore SQLite's interrupt flag (a single
     * long C loop does) before the engine call is aborted, which retires the connection.
     */
    static final long ABORT_GRACE_MILLIS = 2000;
    /**
     * How soon the abort is tried again when, at that moment, the running thread was between two
     * engine calls (abort only reaches a thread inside the engine): a one-shot abort that missed
     * left such an execution running forever.
     */
    static final long ABORT_RETRY_MILLIS = 50;
    private volatile boolean timedOut;
    /**
     * Set by a cancel or timeout of the current execution. SQLite forgets its interrupt flag when
     * the next statement starts with none running, so a stop that arrives between two statements
     * of a script is honoured here, before the next one is prepared.
     */
    private volatile boolean stopRequested;

    /** The current result: a result set, or an update count (-1 when there is no more). */
    JdbcResultSet resultSet;
    long updateCount = -1;
    private final ArrayDeque<Object> pending = new ArrayDeque<>(); // Long counts and JdbcResultSets
    private String remainingSql = "";
    private Rows generatedKeys;
    private boolean lastWasInsert;
    private List<String> batch;
    /** What getConnection() answers instead of the physical connection; null when none. */
    private Connection shownConnection;

    JdbcStatement(JdbcConnection conn) {
        this.conn = conn;
        this.db = conn.database();
        this.poolable = this instanceof JdbcPreparedStatement; // JDBC's defaults
    }

    // ------------------------------------------------------------------ plumbing

    void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("the statement");
        }
        if (conn.isClosed()) {
            throw SqlErrors.closed("the connection");
        }
    }

    @FunctionalInterface
    interface EngineWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs engine work with this statement's query timeout: a timer interrupts the engine
     * when it expires, and the interrupt surfaces as {@link SQLTimeoutException}.
     */
    <T> T timed(EngineWork<T> work) throws SQLException {
        timedOut = false;
        stopRequested = false;
        executions++;
        runner = Thread.currentThread();
        executing = true;
        ScheduledFuture<?> timer = queryTimeout > 0 ? QueryTimer.schedule(queryTimeout, this::expire) : null;
        try {
            return work.run();
        } catch (SqliteException e) {
            SQLException translated = SqlErrors.translate(e);
            if (timedOut && translated instanceof SQLTimeoutException) {
                throw SqlErrors.timeout(queryTimeout, translated);
            }
            throw translated;
        } finally {
            executing = false;
            if (timer != null) {
                timer.cancel(false);
            }
        }
    }

    private void expire() {
        if (executing) {
            timedOut = true;
            stop();
        }
    }

    /** Interrupts the engine now, and aborts the call if it is still running after the grace period. */
    private void stop() {
        stopRequested = true;
        db.interrupt();
        scheduleAbort(executions, runner, ABORT_GRACE_MILLIS);
    }

    private void scheduleAbort(long execution, Thread thread, long delayMillis) {
        QueryTimer.scheduleMillis(delayMillis, () -> {
            if (executions != execution) {
                return; // that execution ended; never hit a later one
            }
            JdbcResultSet rs = resultSet;
            if (executing) {
                if (!db.abort(thread) && db.isUsable()) {
                    scheduleAbort(execution, thread, ABORT_RETRY_MILLIS); // between two engine calls: try again
                }
            } else if (rs != null && !rs.isExhausted()) {
                db.abort(thread);
            }
        });
    }

    /** Ends a multi-statement execution before its next statement when it was cancelled or timed out. */
    private void checkNotStopped() {
        if (stopRequested) {
            throw new SqliteException(ResultCode.INTERRUPT, "interrupted");
        }
    }

    /** Closes the current and pending results before a new execution. */
    void clearResults() throws SQLException {
        if (resultSet != null) {
            resultSet.closeFromStatement();
            resultSet = null;
        }
        for (Object o : pending) {
            if (o instanceof JdbcResultSet) {
                ((JdbcResultSet) o).closeFromStatement();
            }
        }
        pending.clear();
        remainingSql = "";
        updateCount = -1;
        generatedKeys = null;
        lastWasInsert = false;
    }

    /** Steps {@code s} to the end; its update count (0 for statements that change nothing, e.g. DDL). */
    long runToEnd(Stmt s) {
        long before = db.totalChanges();
        while (s.step()) {
            // rows of a statement run for its effect are discarded, as sqlite3_exec does
        }
        // sqlite3_changes keeps the previous DML's count across DDL: trust it only when rows changed.
        return db.totalChanges() == before ? 0 : db.changes();
    }

    /** Steps {@code s} to the end, keeping the rows it returns as the generated keys. */
    long runCollectingKeys(Stmt s) {
        int n = s.columnCount();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = s.columnName(i);
        }
        List<Object[]> rows = new ArrayList<>();
        long before = db.totalChanges();
        while (s.step()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = s.getObject(i);
            }
            rows.add(row);
        }
        generatedKeys = new ListRows(names, rows);
        return db.totalChanges() == before ? 0 : db.changes();
    }

    JdbcResultSet openResultSet(Stmt s, boolean finalizeOnClose) {
        StmtRows rows = new StmtRows(s, finalizeOnClose);
        rows.prime();
        return new JdbcResultSet(this, rows, maxRows);
    }

    void noteInsert(String sql, long count) {
        lastWasInsert = count > 0 && KeyRequest.isInsert(sql);
    }

    // ------------------------------------------------------------------ execution of SQL text

    @Override
    public boolean execute(String sql) throws SQLException {
        return executeText(sql, null, false);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return executeText(sql, autoGeneratedKeys == RETURN_GENERATED_KEYS ? KeyRequest.ROWID : null, false);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return executeText(sql, columnIndexes == null || columnIndexes.length == 0 ? KeyRequest.ROWID
                : KeyRequest.byIndexes(columnIndexes), false);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return executeText(sql, columnNames == null || columnNames.length == 0 ? KeyRequest.ROWID
                : KeyRequest.byNames(columnNames), false);
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        executeText(sql, null, true);
        if (resultSet == null) {
            throw new SQLException("executeQuery: the SQL returned no result set (use execute or executeUpdate)",
                    "07000");
        }
        return resultSet;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return (int) executeLargeUpdate(sql, autoGeneratedKeys);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return (int) executeLargeUpdate(sql, columnIndexes);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return (int) executeLargeUpdate(sql, columnNames);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        return updateText(sql, null);
    }

    @Override
    public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        return updateText(sql, autoGeneratedKeys == RETURN_GENERATED_KEYS ? KeyRequest.ROWID : null);
    }

    @Override
    public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return updateText(sql, columnIndexes == null || columnIndexes.length == 0 ? KeyRequest.ROWID
                : KeyRequest.byIndexes(columnIndexes));
    }

    @Override
    public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
        return updateText(sql, columnNames == null || columnNames.length == 0 ? KeyRequest.ROWID
                : KeyRequest.byNames(columnNames));
    }

    private boolean executeText(String sql, KeyRequest keys, boolean queryFirst) throws SQLException {
        requireSql(sql);
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            clearResults();
            return timed(() -> {
                conn.beginIfNeeded();
                if (keys != null && runWithReturning(sql, keys)) {
                    return false;
                }
                remainingSql = sql;
                runUntilRows(queryFirst);
                return advance();
            });
        }
    }

    /** executeUpdate of SQL text: every statement runs to its end; the answer is the last count. */
    private long updateText(String sql, KeyRequest keys) throws SQLException {
        requireSql(sql);
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            clearResults();
            return timed(() -> {
                conn.beginIfNeeded();
                if (keys != null && runWithReturning(sql, keys)) {
                    return updateCount;
                }
                long last = 0;
                String rest = sql;
                while (!rest.isBlank()) {
                    checkNotStopped();
                    try (Stmt s = db.prepare(rest)) {
                        rest = s.tail();
                        if (s.isEmpty()) {
                            continue;
                        }
                        long count = runToEnd(s);
                        if (s.columnCount() == 0 || count > 0) {
                            last = count;
                        }
                        noteInsert(s.sql(), count);
                    }
                }
                updateCount = -1;
                return last;
            });
        }
    }

    private static void requireSql(String sql) throws SQLException {
        if (sql == null) {
            throw new SQLException("SQL must not be null", "HY009");
        }
    }

    /**
     * Runs a single INSERT with a RETURNING clause that yields the requested keys; false when
     * the SQL is something else (several statements, not an INSERT), which then runs normally.
     */
    private boolean runWithReturning(String sql, KeyRequest keys) throws SQLException {
        if (!conn.settings().generatedKeys()) {
            return false;
        }
        try (Stmt probe = db.prepare(sql)) {
            if (probe.isEmpty() || !probe.tail().isBlank()) {
                return false;
            }
        }
        String rewritten = keys.withReturning(sql, keys.byIndex() ? tableColumns(sql) : null);
        if (rewritten == null) {
            return false;
        }
        try (Stmt s = db.prepare(rewritten)) {
            updateCount = runCollectingKeys(s);
            return true;
        }
    }

    /** The column names of an INSERT's target table, to resolve generated-key column indexes. */
    String[] tableColumns(String sql) {
        String table = KeyRequest.insertTarget(sql);
        try (Stmt s = db.prepare("SELECT * FROM " + table + " LIMIT 0")) {
            String[] names = new String[s.columnCount()];
            for (int i = 0; i < names.length; i++) {
                names[i] = s.columnName(i);
            }
            return names;
        }
    }

    /**
     * Runs statements from {@link #remainingSql} until one returns rows (kept open as a result
     * set) or the text ends; each other statement leaves its update count.
     */
    private void runUntilRows(boolean queryFirst) {
        boolean first = true;
        while (!remainingSql.isBlank()) {
            if (stopRequested) {
                remainingSql = "";
                checkNotStopped();
            }
            Stmt s = db.prepare(remainingSql);
            remainingSql = s.tail();
            if (s.isEmpty()) {
                s.close();
                continue;
            }
            boolean keepOpen = false;
            try {
                if (s.columnCount() > 0) {
                    pending.add(openResultSet(s, true));
                    keepOpen = true;
                    return;
                }
                if (first && queryFirst) {
                    remainingSql = "";
                    return; // executeQuery of a statement without rows: refuse before running it
                }
                first = false;
                long count = runToEnd(s);
                noteInsert(s.sql(), count);
                pending.add(count);
            } catch (RuntimeException e) {
                remainingSql = ""; // as sqlite3_exec: the script stops at the first error
                throw e;
            } finally {
                if (!keepOpen) {
                    s.close();
                }
            }
        }
    }

    /** Makes the next pending result current: true when it is a result set. */
    private boolean advance() {
        Object next = pending.poll();
        if (next instanceof JdbcResultSet) {
            resultSet = (JdbcResultSet) next;
            updateCount = -1;
            return true;
        }
        resultSet = null;
        updateCount = next == null ? -1 : (Long) next;
        return false;
    }

    // ------------------------------------------------------------------ results

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return resultSet;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) Math.min(Integer.MAX_VALUE, updateCount);
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        return getMoreResults(CLOSE_CURRENT_RESULT);
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            if (resultSet != null && current != KEEP_CURRENT_RESULT) {
                resultSet.closeFromStatement();
            }
            resultSet = null;
            if (current == CLOSE_ALL_RESULTS) {
                for (Object o : pending) {
                    if (o instanceof JdbcResultSet) {
                        ((JdbcResultSet) o).closeFromStatement();
                    }
                }
            }
            if (pending.isEmpty() && !remainingSql.isBlank()) {
                timed(() -> {
                    runUntilRows(false);
                    return null;
                });
            }
            return advance();
        }
    }

    /** Called by a result set of this statement when it closes. */
    void resultSetClosed(JdbcResultSet rs) throws SQLException {
        if (rs == resultSet && closeOnCompletion && pending.isEmpty() && remainingSql.isBlank()) {
            close();
        }
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            Rows rows = generatedKeys;
            if (rows == null) {
                List<Object[]> list = new ArrayList<>();
                if (lastWasInsert && conn.settings().generatedKeys()) {
                    list.add(new Object[] {db.lastInsertRowid()});
                }
                rows = new ListRows(new String[] {KeyRequest.ROWID_LABEL}, list);
            }
            generatedKeys = null;
            return new JdbcResultSet(this, rows, 0);
        }
    }

    // ------------------------------------------------------------------ batches

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        requireSql(sql);
        if (batch == null) {
            batch = new ArrayList<>();
        }
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        if (batch != null) {
            batch.clear();
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toInts(executeLargeBatch());
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> work = batch == null ? List.of() : new ArrayList<>(batch);
        clearBatch();
        long[] counts = new long[work.size()];
        for (int i = 0; i < counts.length; i++) {
            try {
                counts[i] = updateText(work.get(i), null);
            } catch (SQLException e) {
                throw batchFailure(e, Arrays.copyOf(counts, i));
            }
        }
        return counts;
    }

    static BatchUpdateException batchFailure(SQLException e, long[] done) {
        return new BatchUpdateException("batch entry " + done.length + " failed: " + e.getMessage(),
                e.getSQLState(), e.getErrorCode(), done, e);
    }

    static int[] toInts(long[] counts) {
        int[] out = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            out[i] = (int) Math.min(Integer.MAX_VALUE, counts[i]);
        }
        return out;
    }

    // ------------------------------------------------------------------ cancel, limits, hints

    /**
     * Stops this statement's running execution (or its open result set's next step) from any
     * thread; it then fails with {@link SQLTimeoutException}.
     */
    @Override
    public void cancel() throws SQLException {
        if (closed) {
            return;
        }
        JdbcResultSet rs = resultSet;
        if (executing || (rs != null && !rs.isExhausted())) {
            stop();
        }
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        queryTimeout = ArgumentChecks.nonNegative("query timeout", seconds);
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeout;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        maxRows = (int) Math.min(Integer.MAX_VALUE, ArgumentChecks.nonNegative("max rows", max));
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    /** A hint only: rows are read one at a time from the engine anyway. */
    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        fetchSize = ArgumentChecks.nonNegative("fetch size", rows);
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        ArgumentChecks.requireForward(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        ArgumentChecks.nonNegative("max field size", max);
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public void setCursorName(String name) throws SQLException {
        checkOpen();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return shownConnection != null ? shownConnection : conn;
    }

    /**
     * Makes {@link #getConnection()} answer {@code handle}, the pooled handle this statement was
     * made (or taken from the cache) through, so that closing "the statement's connection"
     * gives it back to the pool rather than closing the database.
     */
    void showConnection(Connection handle) {
        shownConnection = handle;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
        this.poolable = poolable;
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return poolable;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
    }

    // ------------------------------------------------------------------ closing

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        if (conn.isClosed()) {
            closed = true;
            return;
        }
        try (JdbcConnection.Guard g = conn.enter()) {
            closeLocked();
            conn.forget(this);
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** The connection is closing: release everything, without unregistering (it clears its set). */
    void closeFromConnection() throws SQLException {
        if (!closed) {
            closeLocked();
        }
    }

    void closeLocked() throws SQLException {
        clearResults();
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed || conn.isClosed();
    }
}

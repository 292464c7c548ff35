package dev.sqlink.jdbc;

import dev.sqlink.engine.SqliteException;
import dev.sqlink.engine.Stmt;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;

/**
 * A prepared statement: one compiled SQL statement, taken from the connection's statement
 * cache and given back on close. Parameters are held in {@link Parameters} and bound at
 * execution, which is what makes batches and {@link ParameterMetaData} simple.
 */
public final class JdbcPreparedStatement extends JdbcStatement implements PreparedStatement {
    private final String sql;
    private final String cacheKey; // the SQL actually compiled (with RETURNING when keys were asked for)
    private final Stmt stmt;       // null when the SQL holds only comments
    private final boolean returnsKeys;
    private final int columnCount;
    private final Parameters params;
    private List<Object[]> batchRows;

    JdbcPreparedStatement(JdbcConnection conn, String sql, KeyRequest keys) throws SQLException {
        super(conn);
        this.sql = sql;
        Stmt compiled;
        try {
            compiled = conn.prepareCached(sql);
            requireSingleStatement(compiled);
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
        String key = sql;
        boolean keysByReturning = false;
        if (keys != null && !compiled.isEmpty() && conn.settings().generatedKeys()) {
            String rewritten = keys.withReturning(sql, keys.byIndex() ? tableColumnsOrNull(sql) : null);
            if (rewritten != null) {
                try {
                    Stmt withKeys = conn.prepareCached(rewritten);
                    conn.release(sql, compiled);
                    compiled = withKeys;
                    key = rewritten;
                    keysByReturning = true;
                } catch (SqliteException e) {
                    // e.g. a WITHOUT ROWID table has no rowid: fall back to last_insert_rowid()
                }
            }
        }
        this.stmt = compiled.isEmpty() ? null : compiled;
        this.cacheKey = key;
        this.returnsKeys = keysByReturning;
        try {
            this.columnCount = stmt == null ? 0 : stmt.columnCount();
            this.params = new Parameters(stmt == null ? 0 : stmt.parameterCount());
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    private String[] tableColumnsOrNull(String text) {
        try {
            return tableColumns(text);
        } catch (SqliteException e) {
            return null;
        }
    }

    /** A PreparedStatement runs one statement; silently dropping the rest would lose work. */
    private void requireSingleStatement(Stmt compiled) throws SQLException {
        String tail = compiled.tail();
        if (tail.isBlank()) {
            return;
        }
        try (Stmt rest = db.prepare(tail)) {
            if (!rest.isEmpty()) {
                conn.release(sql, compiled);
                throw new SQLException("a PreparedStatement holds one SQL statement, but this SQL has more after "
                        + "the first: '" + tail.strip() + "' (use Statement.execute for scripts)", "42000");
            }
        }
    }

    // ------------------------------------------------------------------ execution

    @Override
    public boolean execute() throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            clearResults();
            if (stmt == null) {
                updateCount = 0;
                return false;
            }
            return timed(() -> {
                conn.beginIfNeeded();
                bind();
                if (returnsKeys) {
                    updateCount = finish(runCollectingKeys(stmt));
                    return false;
                }
                if (columnCount > 0) {
                    resultSet = openResultSet(stmt, false);
                    return true;
                }
                updateCount = finish(runToEnd(stmt));
                return false;
            });
        }
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        checkOpen();
        if (columnCount == 0 || returnsKeys) {
            throw new SQLException("executeQuery: the statement returns no rows (use executeUpdate): " + sql, "07000");
        }
        execute();
        return resultSet;
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    /** Runs the statement to its end; a statement that returns rows has them discarded, as PRAGMAs often do. */
    @Override
    public long executeLargeUpdate() throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            clearResults();
            if (stmt == null) {
                return 0;
            }
            long count = timed(() -> {
                conn.beginIfNeeded();
                bind();
                return finish(returnsKeys ? runCollectingKeys(stmt) : runToEnd(stmt));
            });
            updateCount = -1;
            return count;
        }
    }

    private void bind() throws SQLException {
        stmt.reset();
        params.bindTo(stmt);
    }

    private long finish(long count) {
        stmt.reset();
        noteInsert(sql, count);
        return count;
    }

    // ------------------------------------------------------------------ batches

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        if (batchRows == null) {
            batchRows = new ArrayList<>();
        }
        batchRows.add(params.snapshot());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        if (batchRows != null) {
            batchRows.clear();
        }
    }

    @Override
    public int[] executeBatch() throws SQLException {
        return toInts(executeLargeBatch());
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            clearResults();
            List<Object[]> rows = batchRows == null ? List.of() : new ArrayList<>(batchRows);
            clearBatch();
            long[] counts = new long[rows.size()];
            if (stmt == null) {
                return counts;
            }
            for (int i = 0; i < counts.length; i++) {
                Object[] row = rows.get(i);
                try {
                    counts[i] = timed(() -> {
                        conn.beginIfNeeded();
                        stmt.reset();
                        Parameters.bind(stmt, row);
                        return finish(runToEnd(stmt));
                    });
                } catch (SQLException e) {
                    stmt.reset();
                    throw batchFailure(e, Arrays.copyOf(counts, i));
                }
            }
            return counts;
        }
    }

    // ------------------------------------------------------------------ metadata

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            if (stmt == null || returnsKeys) {
                return new JdbcResultSetMetaData(conn, new ListRows(new String[0], List.of()));
            }
            return new JdbcResultSetMetaData(conn, new StmtRows(stmt, false));
        }
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new JdbcParameterMetaData(params);
    }

    // ------------------------------------------------------------------ parameters

    private void put(int index, Object storage, int sqlType) throws SQLException {
        checkOpen();
        params.set(index, storage, sqlType);
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        params.clear();
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        put(index, null, sqlType);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        put(index, null, sqlType);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        put(index, x ? 1L : 0L, Types.INTEGER);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        put(index, (long) x, Types.INTEGER);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        put(index, (long) x, Types.INTEGER);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        put(index, (long) x, Types.INTEGER);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        put(index, x, Types.BIGINT);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        put(index, (double) x, Types.REAL);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        put(index, x, Types.REAL);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        put(index, x == null ? null : x.toString(), Types.VARCHAR);
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        put(index, x, Types.VARCHAR);
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        setString(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        put(index, x == null ? null : x.clone(), Types.BLOB);
    }

    private void setMillis(int index, java.util.Date x, TimeZone zone, int sqlType) throws SQLException {
        put(index, x == null ? null : conn.dates().toStorage(x.getTime(), zone), sqlType);
    }

    private static TimeZone zoneOf(Calendar cal) {
        return cal == null ? TimeZone.getDefault() : cal.getTimeZone();
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        setMillis(index, x, TimeZone.getDefault(), Types.DATE);
    }

    @Override
    public void setDate(int index, Date x, Calendar cal) throws SQLException {
        setMillis(index, x, zoneOf(cal), Types.DATE);
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        setMillis(index, x, TimeZone.getDefault(), Types.TIME);
    }

    @Override
    public void setTime(int index, Time x, Calendar cal) throws SQLException {
        setMillis(index, x, zoneOf(cal), Types.TIME);
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        setMillis(index, x, TimeZone.getDefault(), Types.TIMESTAMP);
    }

    @Override
    public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
        setMillis(index, x, zoneOf(cal), Types.TIMESTAMP);
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        put(index, Parameters.fromObject(x, conn.dates()), Parameters.sqlTypeOf(x));
    }

    /** The target type is not used for conversion, as in sqlite-jdbc: SQLite's column affinity decides. */
    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        setObject(index, x);
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
        setAsciiStream(index, x, (long) length);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
        put(index, Parameters.readAll(x, length, StandardCharsets.US_ASCII), Types.VARCHAR);
    }

    @Override
    public void setAsciiStream(int index, InputStream x) throws SQLException {
        setAsciiStream(index, x, -1L);
    }

    @Override
    @Deprecated
    public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
        put(index, Parameters.readAll(x, length, StandardCharsets.UTF_8), Types.VARCHAR);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
        setBinaryStream(index, x, (long) length);
    }

    @Override
    public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
        put(index, Parameters.readAll(x, length), Types.BLOB);
    }

    @Override
    public void setBinaryStream(int index, InputStream x) throws SQLException {
        setBinaryStream(index, x, -1L);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        setCharacterStream(index, reader, (long) length);
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        put(index, Parameters.readAll(reader, length), Types.VARCHAR);
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader, -1L);
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        setCharacterStream(index, value, length);
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        setCharacterStream(index, value, -1L);
    }

    @Override
    public void setBlob(int index, Blob x) throws SQLException {
        put(index, Parameters.fromBlob(x), Types.BLOB);
    }

    @Override
    public void setBlob(int index, InputStream in, long length) throws SQLException {
        setBinaryStream(index, in, length);
    }

    @Override
    public void setBlob(int index, InputStream in) throws SQLException {
        setBinaryStream(index, in, -1L);
    }

    @Override
    public void setClob(int index, Clob x) throws SQLException {
        put(index, Parameters.fromClob(x), Types.CLOB);
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        setCharacterStream(index, reader, length);
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader, -1L);
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        setClob(index, value);
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        setCharacterStream(index, reader, length);
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        setCharacterStream(index, reader, -1L);
    }

    @Override
    public void setURL(int index, URL x) throws SQLException {
        put(index, x == null ? null : x.toString(), Types.VARCHAR);
    }

    @Override
    public void setRef(int index, Ref x) throws SQLException {
        throw SqlErrors.unsupported("REF parameters");
    }

    @Override
    public void setArray(int index, Array x) throws SQLException {
        throw SqlErrors.unsupported("ARRAY parameters");
    }

    @Override
    public void setRowId(int index, RowId x) throws SQLException {
        throw SqlErrors.unsupported("ROWID parameters (bind the rowid as a long)");
    }

    @Override
    public void setSQLXML(int index, SQLXML xmlObject) throws SQLException {
        throw SqlErrors.unsupported("SQLXML parameters");
    }

    // ------------------------------------------------------------------ SQL-text methods do not apply

    private SQLException textNotAllowed() {
        return new SQLException("this method takes SQL text, which a PreparedStatement already has: "
                + "call the method without the SQL argument", "HY000");
    }

    @Override
    public boolean execute(String text) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public boolean execute(String text, int autoGeneratedKeys) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public boolean execute(String text, int[] columnIndexes) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public boolean execute(String text, String[] columnNames) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public ResultSet executeQuery(String text) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public long executeLargeUpdate(String text) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public long executeLargeUpdate(String text, int autoGeneratedKeys) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public long executeLargeUpdate(String text, int[] columnIndexes) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public long executeLargeUpdate(String text, String[] columnNames) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public void addBatch(String text) throws SQLException {
        throw textNotAllowed();
    }

    // ------------------------------------------------------------------ closing

    /** Gives the compiled statement back to the connection's cache. */
    @Override
    void closeLocked() throws SQLException {
        super.closeLocked();
        if (stmt != null) {
            conn.release(cacheKey, stmt);
        }
    }

    @Override
    public String toString() {
        return sql;
    }
}

package dev.sqlink.jdbc;

import dev.sqlink.engine.Datatype;
import dev.sqlink.engine.SqliteException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A forward-only, read-only result set over {@link Rows}. It keeps the cursor state (current
 * row, max rows, wasNull) and JDBC's 1-based column indexes; conversions live in
 * {@link ColumnReader}. Every read takes the connection's lock.
 */
public final class JdbcResultSet extends ReadOnlyResultSet {
    private final JdbcStatement statement;
    private final JdbcConnection conn;
    private final Rows rows;
    private final ColumnReader reader;
    private final int maxRows;
    private Map<String, Integer> columnsByLabel;
    private boolean closed;
    private boolean exhausted;
    private int row;
    private boolean lastWasNull;
    private int fetchSize;

    JdbcResultSet(JdbcStatement statement, Rows rows, int maxRows) {
        this.statement = statement;
        this.conn = statement.conn;
        this.rows = rows;
        this.reader = new ColumnReader(conn.dates());
        this.maxRows = maxRows;
    }

    boolean isExhausted() {
        return exhausted || closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw SqlErrors.closed("the result set");
        }
    }

    /** Checks the index and the cursor; returns the 0-based column. Caller holds the lock. */
    private int column(int index) throws SQLException {
        checkOpen();
        int n = rows.columnCount();
        if (index < 1 || index > n) {
            throw new SQLException("column index " + index + " is out of range (the result has " + n
                    + " column" + (n == 1 ? "" : "s") + ")", "07009");
        }
        if (!rows.hasRow()) {
            throw new SQLException(row == 0 ? "no current row: call next() first" : "no current row: the result "
                    + "set is past its last row", "24000");
        }
        return index - 1;
    }

    // ------------------------------------------------------------------ cursor

    @Override
    public boolean next() throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            if (exhausted) {
                return false;
            }
            if (maxRows > 0 && row >= maxRows) {
                exhausted = true;
                rows.close(); // the limit is reached: release the statement's locks now
                return false;
            }
            boolean has = statement.timed(rows::next);
            if (has) {
                row++;
            } else {
                exhausted = true;
            }
            return has;
        }
    }

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
            closeFromStatement();
            statement.resultSetClosed(this);
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    /** Closes without telling the statement (which is the caller). */
    void closeFromStatement() {
        if (!closed) {
            closed = true;
            rows.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed || conn.isClosed();
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return row == 0 && !exhausted;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return exhausted && row > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return row == 1 && !exhausted;
    }

    /** Not knowable without reading ahead, which a forward-only SQLite cursor cannot undo. */
    @Override
    public boolean isLast() throws SQLException {
        throw SqlErrors.unsupported("isLast() on a forward-only result set");
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return exhausted ? 0 : row;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            checkOpen();
            if (columnsByLabel == null) {
                Map<String, Integer> m = new HashMap<>();
                for (int i = rows.columnCount() - 1; i >= 0; i--) { // the first of equal labels wins
                    String name = rows.columnName(i);
                    if (name != null) {
                        m.put(name.toLowerCase(Locale.ROOT), i + 1);
                    }
                }
                columnsByLabel = m;
            }
            Integer index = label == null ? null : columnsByLabel.get(label.toLowerCase(Locale.ROOT));
            if (index == null) {
                throw new SQLException("no such column: '" + label + "' (columns: "
                        + String.join(", ", labels()) + ")", "42S22");
            }
            return index;
        }
    }

    private java.util.List<String> labels() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < rows.columnCount(); i++) {
            out.add(rows.columnName(i));
        }
        return out;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return lastWasNull;
    }

    // ------------------------------------------------------------------ reads (all funnel through read())

    @FunctionalInterface
    private interface Read<T> {
        T apply(int col) throws SQLException;
    }

    private <T> T read(int index, Read<T> body) throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            int col = column(index);
            lastWasNull = rows.type(col) == Datatype.NULL;
            return body.apply(col);
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    // The hot reads below are read() specialised: no boxing, and NULL detected from the value
    // itself (SQLite gives NULL as a null pointer, 0 or 0.0), so the storage class is asked for
    // only when the value could be NULL; that halves the engine calls per column.

    @Override
    public String getString(int i) throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            int col = column(i);
            String value = rows.getText(col);
            lastWasNull = value == null && rows.type(col) == Datatype.NULL;
            return value;
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    private long readLong(int i) throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            int col = column(i);
            long value = rows.getLong(col);
            lastWasNull = value == 0 && rows.type(col) == Datatype.NULL;
            return value;
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    private double readDouble(int i) throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            int col = column(i);
            double value = rows.getDouble(col);
            lastWasNull = value == 0 && rows.type(col) == Datatype.NULL;
            return value;
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public boolean getBoolean(int i) throws SQLException {
        return getInt(i) != 0;
    }

    @Override
    public byte getByte(int i) throws SQLException {
        return (byte) getInt(i);
    }

    @Override
    public short getShort(int i) throws SQLException {
        return (short) getInt(i);
    }

    /** As sqlite3_column_int: the 64-bit value truncated to 32 bits. */
    @Override
    public int getInt(int i) throws SQLException {
        return (int) readLong(i);
    }

    @Override
    public long getLong(int i) throws SQLException {
        return readLong(i);
    }

    @Override
    public float getFloat(int i) throws SQLException {
        return (float) readDouble(i);
    }

    @Override
    public double getDouble(int i) throws SQLException {
        return readDouble(i);
    }

    @Override
    public BigDecimal getBigDecimal(int i) throws SQLException {
        return read(i, c -> reader.bigDecimal(rows, c));
    }

    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int i, int scale) throws SQLException {
        BigDecimal d = getBigDecimal(i);
        return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int i) throws SQLException {
        return read(i, rows::getBlob);
    }

    @Override
    public Date getDate(int i) throws SQLException {
        return read(i, c -> reader.date(rows, c, null));
    }

    @Override
    public Date getDate(int i, Calendar cal) throws SQLException {
        return read(i, c -> reader.date(rows, c, cal));
    }

    @Override
    public Time getTime(int i) throws SQLException {
        return read(i, c -> reader.time(rows, c, null));
    }

    @Override
    public Time getTime(int i, Calendar cal) throws SQLException {
        return read(i, c -> reader.time(rows, c, cal));
    }

    @Override
    public Timestamp getTimestamp(int i) throws SQLException {
        return read(i, c -> reader.timestamp(rows, c, null));
    }

    @Override
    public Timestamp getTimestamp(int i, Calendar cal) throws SQLException {
        return read(i, c -> reader.timestamp(rows, c, cal));
    }

    @Override
    public Object getObject(int i) throws SQLException {
        return read(i, c -> reader.object(rows, c));
    }

    @Override
    public <T> T getObject(int i, Class<T> type) throws SQLException {
        return read(i, c -> reader.object(rows, c, type));
    }

    @Override
    public Object getObject(int i, Map<String, Class<?>> map) throws SQLException {
        return getObject(i);
    }

    @Override
    public InputStream getBinaryStream(int i) throws SQLException {
        byte[] b = getBytes(i);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public InputStream getAsciiStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    @Deprecated
    public InputStream getUnicodeStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Reader getCharacterStream(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int i) throws SQLException {
        return getCharacterStream(i);
    }

    @Override
    public String getNString(int i) throws SQLException {
        return getString(i);
    }

    @Override
    public Blob getBlob(int i) throws SQLException {
        byte[] b = getBytes(i);
        return b == null ? null : new JdbcBlob(b);
    }

    @Override
    public Clob getClob(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new JdbcClob(s);
    }

    @Override
    public NClob getNClob(int i) throws SQLException {
        String s = getString(i);
        return s == null ? null : new JdbcClob(s);
    }

    @Override
    public URL getURL(int i) throws SQLException {
        String s = getString(i);
        try {
            return s == null ? null : new URL(s);
        } catch (MalformedURLException e) {
            throw new SQLException("not a URL: '" + s + "'", "22018", e);
        }
    }

    @Override
    public Ref getRef(int i) throws SQLException {
        throw SqlErrors.unsupported("REF values");
    }

    @Override
    public Array getArray(int i) throws SQLException {
        throw SqlErrors.unsupported("ARRAY values");
    }

    @Override
    public RowId getRowId(int i) throws SQLException {
        throw SqlErrors.unsupported("RowId values (select the rowid column and read it as a long)");
    }

    @Override
    public SQLXML getSQLXML(int i) throws SQLException {
        throw SqlErrors.unsupported("SQLXML values");
    }

    // ------------------------------------------------------------------ the rest

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new JdbcResultSetMetaData(conn, rows);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
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
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        ArgumentChecks.requireForward(direction);
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    /** A hint only: rows come from the engine one at a time. */
    @Override
    public void setFetchSize(int rowCount) throws SQLException {
        checkOpen();
        fetchSize = ArgumentChecks.nonNegative("fetch size", rowCount);
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }
}

package dev.sqlink.jdbc.meta;

import dev.sqlink.jdbc.ReadOnlyResultSet;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
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
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * An in-memory, read-only, scrollable result of a DatabaseMetaData call. Values are already
 * held in the Java class JDBC maps the column's type to (String, Integer, Long, Boolean), so
 * getObject and ResultSetMetaData agree with the DatabaseMetaData javadoc.
 */
final class MetaResultSet extends ReadOnlyResultSet {

    private final ResultShape shape;
    private final List<Object[]> rows;
    /** 0 = before the first row, rows.size() + 1 = after the last. */
    private int position;
    private boolean wasNull;
    private boolean closed;

    MetaResultSet(ResultShape shape, List<Object[]> rows) {
        this.shape = shape;
        this.rows = rows;
    }

    // ---- cursor ----

    @Override public boolean next() throws SQLException { return moveTo(position + 1); }
    @Override public boolean previous() throws SQLException { return moveTo(position - 1); }
    @Override public boolean first() throws SQLException { return moveTo(1); }
    @Override public boolean last() throws SQLException { return moveTo(rows.size()); }
    @Override public void beforeFirst() throws SQLException { moveTo(0); }
    @Override public void afterLast() throws SQLException { moveTo(rows.size() + 1); }
    @Override public boolean relative(int offset) throws SQLException { return moveTo(position + offset); }

    @Override
    public boolean absolute(int row) throws SQLException {
        return moveTo(row >= 0 ? row : rows.size() + 1 + row);
    }

    private boolean moveTo(int target) throws SQLException {
        checkOpen();
        position = Math.max(0, Math.min(target, rows.size() + 1));
        return position >= 1 && position <= rows.size();
    }

    @Override public boolean isBeforeFirst() throws SQLException { checkOpen(); return position == 0 && !rows.isEmpty(); }
    @Override public boolean isAfterLast() throws SQLException { checkOpen(); return position > rows.size() && !rows.isEmpty(); }
    @Override public boolean isFirst() throws SQLException { checkOpen(); return position == 1 && !rows.isEmpty(); }
    @Override public boolean isLast() throws SQLException { checkOpen(); return position == rows.size() && !rows.isEmpty(); }
    @Override public int getRow() throws SQLException { checkOpen(); return position <= rows.size() ? position : 0; }

    @Override public int getType() { return TYPE_SCROLL_INSENSITIVE; }
    @Override public int getHoldability() { return HOLD_CURSORS_OVER_COMMIT; }
    @Override public int getFetchDirection() { return FETCH_FORWARD; }
    @Override public void setFetchDirection(int direction) { /* every direction is cheap in memory */ }
    @Override public int getFetchSize() { return rows.size(); }
    @Override public void setFetchSize(int rows) { /* all rows are already in memory */ }
    @Override public void refreshRow() throws SQLException { checkOpen(); }
    @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
    @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }

    /** DatabaseMetaData results have no statement, as the javadoc of getStatement allows. */
    @Override public Statement getStatement() { return null; }
    @Override public SQLWarning getWarnings() { return null; }
    @Override public void clearWarnings() { }
    @Override public void close() { closed = true; }
    @Override public boolean isClosed() { return closed; }
    @Override public ResultSetMetaData getMetaData() throws SQLException { checkOpen(); return new MetaResultSetMetaData(shape); }

    @Override
    public int findColumn(String columnLabel) throws SQLException {
        checkOpen();
        int index = shape.indexOf(columnLabel);
        if (index < 0) {
            throw new SQLException("no column named '" + columnLabel + "' in this DatabaseMetaData result", "42S22");
        }
        return index + 1;
    }

    // ---- values ----

    private Object value(int columnIndex) throws SQLException {
        checkOpen();
        if (position < 1 || position > rows.size()) {
            throw new SQLException("the cursor is not on a row; call next() first", "24000");
        }
        if (columnIndex < 1 || columnIndex > shape.columnCount()) {
            throw new SQLException("column index " + columnIndex + " is out of range 1.."
                    + shape.columnCount(), "42S22");
        }
        Object value = rows.get(position - 1)[columnIndex - 1];
        wasNull = value == null;
        return value;
    }

    private Number number(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        if (value == null) {
            return 0;
        }
        if (value instanceof Number) {
            return (Number) value;
        }
        if (value instanceof Boolean) {
            return (Boolean) value ? 1 : 0;
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new SQLDataException("column " + shape.name(columnIndex - 1) + " holds '" + value
                    + "', which is not a number", "22018");
        }
    }

    @Override public boolean wasNull() { return wasNull; }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return value(columnIndex);
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        return value == null ? null : value.toString();
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Object value = value(columnIndex);
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        if (value instanceof String) {
            String text = ((String) value).trim();
            return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("yes") || text.equals("1");
        }
        return value != null && ((Number) value).longValue() != 0;
    }

    @Override public byte getByte(int columnIndex) throws SQLException { return number(columnIndex).byteValue(); }
    @Override public short getShort(int columnIndex) throws SQLException { return number(columnIndex).shortValue(); }
    @Override public int getInt(int columnIndex) throws SQLException { return number(columnIndex).intValue(); }
    @Override public long getLong(int columnIndex) throws SQLException { return number(columnIndex).longValue(); }
    @Override public float getFloat(int columnIndex) throws SQLException { return number(columnIndex).floatValue(); }
    @Override public double getDouble(int columnIndex) throws SQLException { return number(columnIndex).doubleValue(); }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Number number = number(columnIndex);
        if (wasNull) {
            return null;
        }
        return number instanceof BigDecimal ? (BigDecimal) number : BigDecimal.valueOf(number.longValue());
    }

    @Override
    @SuppressWarnings("deprecation")
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, java.math.RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override public String getNString(int columnIndex) throws SQLException { return getString(columnIndex); }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String text = getString(columnIndex);
        return text == null ? null : new StringReader(text);
    }

    @Override public Reader getNCharacterStream(int columnIndex) throws SQLException { return getCharacterStream(columnIndex); }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] bytes = getBytes(columnIndex);
        return bytes == null ? null : new ByteArrayInputStream(bytes);
    }

    @Override public InputStream getAsciiStream(int columnIndex) throws SQLException { return getBinaryStream(columnIndex); }
    @Override @SuppressWarnings("deprecation") public InputStream getUnicodeStream(int columnIndex) throws SQLException { return getBinaryStream(columnIndex); }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        Object value;
        if (type == String.class) {
            value = getString(columnIndex);
        } else if (type == Integer.class) {
            value = getInt(columnIndex);
        } else if (type == Long.class) {
            value = getLong(columnIndex);
        } else if (type == Short.class) {
            value = getShort(columnIndex);
        } else if (type == Boolean.class) {
            value = getBoolean(columnIndex);
        } else if (type == BigDecimal.class) {
            value = getBigDecimal(columnIndex);
        } else if (type == Double.class) {
            value = getDouble(columnIndex);
        } else if (type.isInstance(value(columnIndex)) || wasNull) {
            value = value(columnIndex);
        } else {
            throw new SQLDataException("column " + shape.name(columnIndex - 1)
                    + " cannot be read as " + type.getName(), "22018");
        }
        return wasNull ? null : type.cast(value);
    }

    // Metadata results hold only text, numbers and booleans: the other JDBC types never occur.
    @Override public Date getDate(int columnIndex) throws SQLException { return notHeld(columnIndex, "a date"); }
    @Override public Date getDate(int columnIndex, Calendar cal) throws SQLException { return notHeld(columnIndex, "a date"); }
    @Override public Time getTime(int columnIndex) throws SQLException { return notHeld(columnIndex, "a time"); }
    @Override public Time getTime(int columnIndex, Calendar cal) throws SQLException { return notHeld(columnIndex, "a time"); }
    @Override public Timestamp getTimestamp(int columnIndex) throws SQLException { return notHeld(columnIndex, "a timestamp"); }
    @Override public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException { return notHeld(columnIndex, "a timestamp"); }
    @Override public Ref getRef(int columnIndex) throws SQLException { return notHeld(columnIndex, "a Ref"); }
    @Override public Blob getBlob(int columnIndex) throws SQLException { return notHeld(columnIndex, "a Blob"); }
    @Override public Clob getClob(int columnIndex) throws SQLException { return notHeld(columnIndex, "a Clob"); }
    @Override public NClob getNClob(int columnIndex) throws SQLException { return notHeld(columnIndex, "an NClob"); }
    @Override public Array getArray(int columnIndex) throws SQLException { return notHeld(columnIndex, "an Array"); }
    @Override public URL getURL(int columnIndex) throws SQLException { return notHeld(columnIndex, "a URL"); }
    @Override public RowId getRowId(int columnIndex) throws SQLException { return notHeld(columnIndex, "a RowId"); }
    @Override public SQLXML getSQLXML(int columnIndex) throws SQLException { return notHeld(columnIndex, "SQLXML"); }

    /** Null stays null; a real value of another kind cannot be converted. */
    private <T> T notHeld(int columnIndex, String what) throws SQLException {
        Object value = value(columnIndex);
        if (value == null) {
            return null;
        }
        throw new SQLFeatureNotSupportedException("column " + shape.name(columnIndex - 1)
                + " holds " + value.getClass().getSimpleName() + ", which cannot be read as " + what);
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw new SQLException("this DatabaseMetaData result is closed", "24000");
        }
    }
}

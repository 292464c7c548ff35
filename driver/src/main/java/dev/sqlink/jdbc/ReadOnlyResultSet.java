package dev.sqlink.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * The mechanical half of the driver's read-only result sets (query results and
 * DatabaseMetaData results): every getter by column label resolves the label and calls the
 * getter by index, updates are refused, and movement other than forward is refused unless a
 * subclass can do it. Subclasses supply the cursor and the getters by index. Internal to the
 * driver; public only so the metadata package can share it.
 */
public abstract class ReadOnlyResultSet implements ResultSet, SelfWrapper {
    /** For subclasses in this driver only. */
    protected ReadOnlyResultSet() {}

    /** Refuses an update: SQLite result sets are read-only. */
    protected static SQLException readOnly() {
        return SqlErrors.unsupported("updating a result set (SQLite result sets are read-only; run an UPDATE)");
    }

    /** Refuses movement other than forward. */
    protected static SQLException forwardOnly() {
        return SqlErrors.unsupported("moving a result set other than forward (SQLite result sets are forward-only)");
    }

    // ---- getters by label ----
    @Override public String getString(String columnLabel) throws SQLException { return getString(findColumn(columnLabel)); }
    @Override public boolean getBoolean(String columnLabel) throws SQLException { return getBoolean(findColumn(columnLabel)); }
    @Override public byte getByte(String columnLabel) throws SQLException { return getByte(findColumn(columnLabel)); }
    @Override public short getShort(String columnLabel) throws SQLException { return getShort(findColumn(columnLabel)); }
    @Override public int getInt(String columnLabel) throws SQLException { return getInt(findColumn(columnLabel)); }
    @Override public long getLong(String columnLabel) throws SQLException { return getLong(findColumn(columnLabel)); }
    @Override public float getFloat(String columnLabel) throws SQLException { return getFloat(findColumn(columnLabel)); }
    @Override public double getDouble(String columnLabel) throws SQLException { return getDouble(findColumn(columnLabel)); }
    @Override @SuppressWarnings("deprecation") public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException { return getBigDecimal(findColumn(columnLabel), scale); }
    @Override public byte[] getBytes(String columnLabel) throws SQLException { return getBytes(findColumn(columnLabel)); }
    @Override public Date getDate(String columnLabel) throws SQLException { return getDate(findColumn(columnLabel)); }
    @Override public Time getTime(String columnLabel) throws SQLException { return getTime(findColumn(columnLabel)); }
    @Override public Timestamp getTimestamp(String columnLabel) throws SQLException { return getTimestamp(findColumn(columnLabel)); }
    @Override public InputStream getAsciiStream(String columnLabel) throws SQLException { return getAsciiStream(findColumn(columnLabel)); }
    @Override @SuppressWarnings("deprecation") public InputStream getUnicodeStream(String columnLabel) throws SQLException { return getUnicodeStream(findColumn(columnLabel)); }
    @Override public InputStream getBinaryStream(String columnLabel) throws SQLException { return getBinaryStream(findColumn(columnLabel)); }
    @Override public Object getObject(String columnLabel) throws SQLException { return getObject(findColumn(columnLabel)); }
    @Override public Reader getCharacterStream(String columnLabel) throws SQLException { return getCharacterStream(findColumn(columnLabel)); }
    @Override public BigDecimal getBigDecimal(String columnLabel) throws SQLException { return getBigDecimal(findColumn(columnLabel)); }
    @Override public Object getObject(String columnLabel, Map<String, Class<?>> map) throws SQLException { return getObject(findColumn(columnLabel), map); }
    @Override public Ref getRef(String columnLabel) throws SQLException { return getRef(findColumn(columnLabel)); }
    @Override public Blob getBlob(String columnLabel) throws SQLException { return getBlob(findColumn(columnLabel)); }
    @Override public Clob getClob(String columnLabel) throws SQLException { return getClob(findColumn(columnLabel)); }
    @Override public Array getArray(String columnLabel) throws SQLException { return getArray(findColumn(columnLabel)); }
    @Override public Date getDate(String columnLabel, Calendar calendar) throws SQLException { return getDate(findColumn(columnLabel), calendar); }
    @Override public Time getTime(String columnLabel, Calendar calendar) throws SQLException { return getTime(findColumn(columnLabel), calendar); }
    @Override public Timestamp getTimestamp(String columnLabel, Calendar calendar) throws SQLException { return getTimestamp(findColumn(columnLabel), calendar); }
    @Override public URL getURL(String columnLabel) throws SQLException { return getURL(findColumn(columnLabel)); }
    @Override public RowId getRowId(String columnLabel) throws SQLException { return getRowId(findColumn(columnLabel)); }
    @Override public NClob getNClob(String columnLabel) throws SQLException { return getNClob(findColumn(columnLabel)); }
    @Override public SQLXML getSQLXML(String columnLabel) throws SQLException { return getSQLXML(findColumn(columnLabel)); }
    @Override public String getNString(String columnLabel) throws SQLException { return getNString(findColumn(columnLabel)); }
    @Override public Reader getNCharacterStream(String columnLabel) throws SQLException { return getNCharacterStream(findColumn(columnLabel)); }
    @Override public <T> T getObject(String columnLabel, Class<T> type) throws SQLException { return getObject(findColumn(columnLabel), type); }

    // ---- updates, row changes and movement: refused ----
    @Override public void updateNull(int columnIndex) throws SQLException { throw readOnly(); }
    @Override public void updateNull(String columnLabel) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(int columnIndex, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateBoolean(String columnLabel, boolean x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(int columnIndex, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateByte(String columnLabel, byte x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(int columnIndex, short x) throws SQLException { throw readOnly(); }
    @Override public void updateShort(String columnLabel, short x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(int columnIndex, int x) throws SQLException { throw readOnly(); }
    @Override public void updateInt(String columnLabel, int x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(int columnIndex, long x) throws SQLException { throw readOnly(); }
    @Override public void updateLong(String columnLabel, long x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(int columnIndex, float x) throws SQLException { throw readOnly(); }
    @Override public void updateFloat(String columnLabel, float x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(int columnIndex, double x) throws SQLException { throw readOnly(); }
    @Override public void updateDouble(String columnLabel, double x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(int columnIndex, java.math.BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateBigDecimal(String columnLabel, java.math.BigDecimal x) throws SQLException { throw readOnly(); }
    @Override public void updateString(int columnIndex, String x) throws SQLException { throw readOnly(); }
    @Override public void updateString(String columnLabel, String x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(int columnIndex, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateBytes(String columnLabel, byte[] x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(int columnIndex, java.sql.Date x) throws SQLException { throw readOnly(); }
    @Override public void updateDate(String columnLabel, java.sql.Date x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(int columnIndex, java.sql.Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTime(String columnLabel, java.sql.Time x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(int columnIndex, java.sql.Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateTimestamp(String columnLabel, java.sql.Timestamp x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, java.io.InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, java.io.InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, java.io.InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, java.io.InputStream x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, java.io.Reader x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, java.io.Reader x, int length) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int columnIndex, Object x, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String columnLabel, Object x, int scaleOrLength) throws SQLException { throw readOnly(); }
    @Override public void updateObject(int columnIndex, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateObject(String columnLabel, Object x) throws SQLException { throw readOnly(); }
    @Override public void updateRef(int columnIndex, java.sql.Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateRef(String columnLabel, java.sql.Ref x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, java.sql.Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, java.sql.Blob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, java.sql.Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, java.sql.Clob x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(int columnIndex, java.sql.Array x) throws SQLException { throw readOnly(); }
    @Override public void updateArray(String columnLabel, java.sql.Array x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(int columnIndex, java.sql.RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateRowId(String columnLabel, java.sql.RowId x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(int columnIndex, String x) throws SQLException { throw readOnly(); }
    @Override public void updateNString(String columnLabel, String x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, java.sql.NClob x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, java.sql.NClob x) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(int columnIndex, java.sql.SQLXML x) throws SQLException { throw readOnly(); }
    @Override public void updateSQLXML(String columnLabel, java.sql.SQLXML x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String columnLabel, java.io.Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, java.io.InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, java.io.InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, java.io.InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, java.io.InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, java.io.Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, java.io.Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, java.io.InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, java.io.InputStream x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, java.io.Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, java.io.Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, java.io.Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, java.io.Reader x, long length) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(int columnIndex, java.io.Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNCharacterStream(String columnLabel, java.io.Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(int columnIndex, java.io.InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateAsciiStream(String columnLabel, java.io.InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(int columnIndex, java.io.InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBinaryStream(String columnLabel, java.io.InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(int columnIndex, java.io.Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateCharacterStream(String columnLabel, java.io.Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(int columnIndex, java.io.InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateBlob(String columnLabel, java.io.InputStream x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(int columnIndex, java.io.Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateClob(String columnLabel, java.io.Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(int columnIndex, java.io.Reader x) throws SQLException { throw readOnly(); }
    @Override public void updateNClob(String columnLabel, java.io.Reader x) throws SQLException { throw readOnly(); }
    @Override public void insertRow() throws SQLException { throw readOnly(); }
    @Override public void updateRow() throws SQLException { throw readOnly(); }
    @Override public void deleteRow() throws SQLException { throw readOnly(); }
    @Override public void refreshRow() throws SQLException { throw readOnly(); }
    @Override public void cancelRowUpdates() throws SQLException { throw readOnly(); }
    @Override public void moveToInsertRow() throws SQLException { throw readOnly(); }
    @Override public void moveToCurrentRow() throws SQLException { throw readOnly(); }
    @Override public boolean rowUpdated() throws SQLException { return false; }
    @Override public boolean rowInserted() throws SQLException { return false; }
    @Override public boolean rowDeleted() throws SQLException { return false; }
    @Override public boolean previous() throws SQLException { throw forwardOnly(); }
    @Override public boolean first() throws SQLException { throw forwardOnly(); }
    @Override public boolean last() throws SQLException { throw forwardOnly(); }
    @Override public void beforeFirst() throws SQLException { throw forwardOnly(); }
    @Override public void afterLast() throws SQLException { throw forwardOnly(); }
    @Override public boolean absolute(int row) throws SQLException { throw forwardOnly(); }
    @Override public boolean relative(int rows) throws SQLException { throw forwardOnly(); }
    @Override public int getConcurrency() throws SQLException { return CONCUR_READ_ONLY; }
    @Override public int getType() throws SQLException { return TYPE_FORWARD_ONLY; }
    @Override public String getCursorName() throws SQLException { throw SqlErrors.unsupported("named cursors"); }
}

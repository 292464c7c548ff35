package dev.sqlink.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The part of {@link ResultSet} that a forward-only, read-only SQLite cursor refuses: updates
 * and backward or absolute movement. Kept apart so {@link JdbcResultSet} reads as what it does.
 */
abstract class ReadOnlyResultSet implements ResultSet {
    static SQLException readOnly() {
        return SqlErrors.unsupported("updating a result set (SQLite result sets are read-only; run an UPDATE)");
    }

    static SQLException forwardOnly() {
        return SqlErrors.unsupported("moving a result set other than forward (SQLite result sets are forward-only)");
    }
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

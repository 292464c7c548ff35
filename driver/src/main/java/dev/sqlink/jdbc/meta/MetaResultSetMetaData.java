package dev.sqlink.jdbc.meta;

import java.sql.JDBCType;
import dev.sqlink.jdbc.SelfWrapper;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/** Describes a {@link MetaResultSet}: the column names and JDBC types of its {@link ResultShape}. */
final class MetaResultSetMetaData implements ResultSetMetaData, SelfWrapper {

    private final ResultShape shape;

    MetaResultSetMetaData(ResultShape shape) {
        this.shape = shape;
    }

    private int type(int column) throws SQLException {
        if (column < 1 || column > shape.columnCount()) {
            throw new SQLException("column index " + column + " is out of range 1.." + shape.columnCount(), "42S22");
        }
        return shape.type(column - 1);
    }

    @Override public int getColumnCount() { return shape.columnCount(); }
    @Override public String getColumnLabel(int column) throws SQLException { type(column); return shape.name(column - 1); }
    @Override public String getColumnName(int column) throws SQLException { return getColumnLabel(column); }
    @Override public int getColumnType(int column) throws SQLException { return type(column); }
    @Override public String getColumnTypeName(int column) throws SQLException { return JDBCType.valueOf(type(column)).getName(); }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        switch (type(column)) {
            case Types.SMALLINT:
            case Types.INTEGER:
                return Integer.class.getName();
            case Types.BIGINT:
                return Long.class.getName();
            case Types.BOOLEAN:
                return Boolean.class.getName();
            default:
                return String.class.getName();
        }
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        switch (type(column)) {
            case Types.SMALLINT: return 6;
            case Types.INTEGER: return 11;
            case Types.BIGINT: return 20;
            case Types.BOOLEAN: return 5;
            default: return 128;
        }
    }

    @Override public int getPrecision(int column) throws SQLException { return getColumnDisplaySize(column); }
    @Override public int getScale(int column) throws SQLException { type(column); return 0; }
    @Override public boolean isSigned(int column) throws SQLException { int t = type(column); return t == Types.SMALLINT || t == Types.INTEGER || t == Types.BIGINT; }
    @Override public boolean isCaseSensitive(int column) throws SQLException { return type(column) == Types.VARCHAR; }
    @Override public int isNullable(int column) throws SQLException { type(column); return columnNullableUnknown; }
    @Override public boolean isAutoIncrement(int column) throws SQLException { type(column); return false; }
    @Override public boolean isSearchable(int column) throws SQLException { type(column); return false; }
    @Override public boolean isCurrency(int column) throws SQLException { type(column); return false; }
    @Override public boolean isReadOnly(int column) throws SQLException { type(column); return true; }
    @Override public boolean isWritable(int column) throws SQLException { type(column); return false; }
    @Override public boolean isDefinitelyWritable(int column) throws SQLException { type(column); return false; }
    @Override public String getSchemaName(int column) throws SQLException { type(column); return ""; }
    @Override public String getTableName(int column) throws SQLException { type(column); return ""; }
    @Override public String getCatalogName(int column) throws SQLException { type(column); return ""; }
}

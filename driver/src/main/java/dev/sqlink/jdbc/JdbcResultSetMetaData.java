package dev.sqlink.jdbc;

import dev.sqlink.engine.ColumnMetadata;
import dev.sqlink.engine.Datatype;
import dev.sqlink.engine.SqliteException;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column facts from the statement (names, declared types, origin table/column/database) and
 * from {@code sqlite3_table_column_metadata} (nullability, auto-increment). The JDBC type
 * follows sqlite-jdbc's mapping: the declared type name first, the value's storage class
 * where the declaration says nothing.
 */
final class JdbcResultSetMetaData implements ResultSetMetaData, SelfWrapper {
    private static final Pattern TYPE_NAME = Pattern.compile("([^(]*)");
    private static final Pattern PRECISION = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private final JdbcConnection conn;
    private final Rows rows;

    JdbcResultSetMetaData(JdbcConnection conn, Rows rows) {
        this.conn = conn;
        this.rows = rows;
    }

    @FunctionalInterface
    private interface Read<T> {
        T apply(int col) throws SQLException;
    }

    private <T> T read(int index, Read<T> body) throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            int n = rows.columnCount();
            if (index < 1 || index > n) {
                throw new SQLException("column index " + index + " is out of range (the result has " + n
                        + " columns)", "07009");
            }
            return body.apply(index - 1);
        } catch (SqliteException e) {
            throw SqlErrors.translate(e);
        }
    }

    @Override
    public int getColumnCount() throws SQLException {
        try (JdbcConnection.Guard g = conn.enter()) {
            return rows.columnCount();
        }
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return read(column, rows::columnName);
    }

    /** The name SQLite gives the result column (the alias when there is one), as sqlite-jdbc. */
    @Override
    public String getColumnName(int column) throws SQLException {
        return read(column, rows::columnName);
    }

    @Override
    public String getTableName(int column) throws SQLException {
        return read(column, c -> orEmpty(rows.tableName(c)));
    }

    /**
     * "" for the main database, as DatabaseMetaData reports main with no schema name (see
     * SqliteDatabaseMetaData): tools join the two answers. Temp and attached databases by name.
     */
    @Override
    public String getSchemaName(int column) throws SQLException {
        return read(column, c -> {
            String db = rows.databaseName(c);
            return db == null || db.equals("main") ? "" : db;
        });
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        return read(column, c -> "");
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /**
     * The declared type, or null for an expression: expressions are typed by their value, as
     * sqlite-jdbc does (guessing from a CAST in the column name disagreed with it for NULLs).
     */
    private String declaredType(int col) {
        return rows.declaredType(col);
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return read(column, this::typeName);
    }

    private String typeName(int col) {
        String declared = declaredType(col);
        if (declared != null) {
            Matcher m = TYPE_NAME.matcher(declared);
            m.find();
            return m.group(1).trim().toUpperCase(Locale.ROOT);
        }
        switch (rows.type(col)) {
            case Datatype.INTEGER: return "INTEGER";
            case Datatype.FLOAT: return "FLOAT";
            case Datatype.BLOB: return "BLOB";
            case Datatype.TEXT: return "TEXT";
            default: return "NUMERIC";
        }
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return read(column, this::jdbcType);
    }

    private int jdbcType(int col) {
        String name = typeName(col);
        int value = rows.type(col);
        boolean nullValue = value == Datatype.NULL;
        if (value == Datatype.INTEGER || nullValue) {
            switch (name) {
                case "BOOLEAN": return Types.BOOLEAN;
                case "TINYINT": return Types.TINYINT;
                case "SMALLINT": case "INT2": return Types.SMALLINT;
                case "BIGINT": case "INT8": case "UNSIGNED BIG INT": return Types.BIGINT;
                case "DATE": return Types.DATE;
                case "DATETIME": case "TIMESTAMP": return Types.TIMESTAMP;
                default:
                    if (value == Datatype.INTEGER || name.equals("INT") || name.equals("INTEGER")
                            || name.equals("MEDIUMINT")) {
                        if (nullValue) {
                            return Types.INTEGER;
                        }
                        long v = rows.getLong(col);
                        return v == (int) v ? Types.INTEGER : Types.BIGINT;
                    }
            }
        }
        if (value == Datatype.FLOAT || nullValue) {
            switch (name) {
                case "DECIMAL": return Types.DECIMAL;
                case "DOUBLE": case "DOUBLE PRECISION": return Types.DOUBLE;
                case "NUMERIC": return Types.NUMERIC;
                case "REAL": return Types.REAL;
                default:
                    if (value == Datatype.FLOAT || name.equals("FLOAT")) {
                        return Types.FLOAT;
                    }
            }
        }
        if (value == Datatype.TEXT || nullValue) {
            switch (name) {
                case "CHARACTER": case "NCHAR": case "NATIVE CHARACTER": case "CHAR": return Types.CHAR;
                case "CLOB": return Types.CLOB;
                case "DATE": return Types.DATE;
                case "DATETIME": case "TIMESTAMP": return Types.TIMESTAMP;
                default:
                    if (value == Datatype.TEXT || name.equals("VARCHAR") || name.equals("VARYING CHARACTER")
                            || name.equals("NVARCHAR") || name.equals("TEXT")) {
                        return Types.VARCHAR;
                    }
            }
        }
        if (value == Datatype.BLOB || nullValue) {
            if (name.equals("BINARY")) {
                return Types.BINARY;
            }
            if (value == Datatype.BLOB || name.equals("BLOB")) {
                return Types.BLOB;
            }
        }
        return Types.NUMERIC;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return read(column, c -> {
            switch (rows.type(c)) {
                case Datatype.INTEGER: {
                    long v = rows.getLong(c);
                    return v == (int) v ? "java.lang.Integer" : "java.lang.Long";
                }
                case Datatype.FLOAT: return "java.lang.Double";
                case Datatype.TEXT: return "java.lang.String";
                case Datatype.BLOB: return "[B";
                default: return "java.lang.Object";
            }
        });
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return read(column, c -> {
            String declared = declaredType(c);
            Matcher m = declared == null ? null : PRECISION.matcher(declared);
            return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
        });
    }

    @Override
    public int getScale(int column) throws SQLException {
        return read(column, c -> {
            String declared = declaredType(c);
            Matcher m = declared == null ? null : PRECISION.matcher(declared);
            return m != null && m.find() && m.group(2) != null ? Integer.parseInt(m.group(2)) : 0;
        });
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        return read(column, c -> Integer.MAX_VALUE);
    }

    /** The schema's facts for a column read straight from a table; null for expressions. */
    private ColumnMetadata origin(int col) {
        String table = rows.tableName(col);
        String origin = rows.originName(col);
        if (table == null || origin == null) {
            return null;
        }
        try {
            return conn.database().columnMetadata(rows.databaseName(col), table, origin);
        } catch (SqliteException e) {
            return null; // e.g. the table was dropped since
        }
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return read(column, c -> {
            ColumnMetadata m = origin(c);
            if (m == null) {
                return columnNullableUnknown;
            }
            return m.notNull() ? columnNoNulls : columnNullable;
        });
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        return read(column, c -> {
            ColumnMetadata m = origin(c);
            return m != null && m.autoIncrement();
        });
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        return read(column, c -> {
            ColumnMetadata m = origin(c);
            return m == null || !"NOCASE".equalsIgnoreCase(m.collation());
        });
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        return read(column, c -> true);
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        return read(column, c -> false);
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return read(column, c -> {
            String name = typeName(c);
            return name.equals("NUMERIC") || name.equals("INTEGER") || name.equals("REAL")
                    || rows.type(c) == Datatype.INTEGER || rows.type(c) == Datatype.FLOAT;
        });
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        return read(column, c -> rows.tableName(c) == null);
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        return read(column, c -> rows.tableName(c) != null);
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        return isWritable(column);
    }
}

package dev.sqlink.jdbc;

import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * What is known of a prepared statement's parameters: their number, and the type of the
 * value set so far (SQLite parameters have no declared type), as sqlite-jdbc reports it.
 */
final class JdbcParameterMetaData implements ParameterMetaData, SelfWrapper {
    private final Parameters params;

    JdbcParameterMetaData(Parameters params) {
        this.params = params;
    }

    private void check(int index) throws SQLException {
        if (index < 1 || index > params.count()) {
            throw new SQLException("parameter index " + index + " is out of range (the statement has "
                    + params.count() + " parameters)", "07009");
        }
    }

    @Override
    public int getParameterCount() {
        return params.count();
    }

    @Override
    public int isNullable(int index) throws SQLException {
        check(index);
        return parameterNullable;
    }

    @Override
    public boolean isSigned(int index) throws SQLException {
        check(index);
        return true;
    }

    @Override
    public int getPrecision(int index) throws SQLException {
        check(index);
        return 0;
    }

    @Override
    public int getScale(int index) throws SQLException {
        check(index);
        return 0;
    }

    @Override
    public int getParameterType(int index) throws SQLException {
        check(index);
        return params.sqlType(index);
    }

    @Override
    public String getParameterTypeName(int index) throws SQLException {
        return JDBCType.valueOf(getParameterType(index)).getName();
    }

    @Override
    public String getParameterClassName(int index) throws SQLException {
        switch (getParameterType(index)) {
            case Types.INTEGER: return "java.lang.Integer";
            case Types.BIGINT: return "java.lang.Long";
            case Types.REAL: return "java.lang.Double";
            case Types.BLOB: return "[B";
            default: return "java.lang.String";
        }
    }

    @Override
    public int getParameterMode(int index) throws SQLException {
        check(index);
        return parameterModeIn;
    }
}

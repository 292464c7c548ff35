package dev.sqlink.conformance.diff;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Executes a {@link Step} on one connection and records what the driver did. */
final class Observer {

    private Observer() {
    }

    static Observation observe(Connection connection, Step step) {
        try {
            if (step.params() == null && !step.generatedKeys()) {
                try (Statement statement = connection.createStatement()) {
                    return collect(statement, statement.execute(step.sql()), false);
                }
            }
            int keys = step.generatedKeys() ? Statement.RETURN_GENERATED_KEYS : Statement.NO_GENERATED_KEYS;
            try (PreparedStatement statement = connection.prepareStatement(step.sql(), keys)) {
                if (step.params() != null) {
                    for (int i = 0; i < step.params().size(); i++) {
                        bind(statement, i + 1, step.params().get(i));
                    }
                }
                return collect(statement, statement.execute(), step.generatedKeys());
            }
        } catch (SQLException e) {
            return Observation.failed(e.getErrorCode(), e.getSQLState(), e.getMessage());
        }
    }

    private static Observation collect(Statement statement, boolean isResultSet, boolean generatedKeys) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        int updateCount = -1;
        if (isResultSet) {
            try (ResultSet rs = statement.getResultSet()) {
                columns = columns(rs.getMetaData());
                rows = rows(rs);
            }
        } else {
            updateCount = statement.getUpdateCount();
        }
        List<List<String>> keys = List.of();
        if (generatedKeys) {
            try (ResultSet rs = statement.getGeneratedKeys()) {
                keys = rows(rs);
            }
        }
        return new Observation(columns, rows, updateCount, keys, null);
    }

    private static List<String> columns(ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            columns.add(meta.getColumnLabel(c) + " " + meta.getColumnTypeName(c) + " " + meta.getColumnType(c));
        }
        return columns;
    }

    /** Every cell as "SimpleClassName:value" from getObject; an error while stepping becomes a last "error" row. */
    private static List<List<String>> rows(ResultSet rs) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        try {
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int c = 1; c <= columns; c++) {
                    row.add(cell(rs.getObject(c)));
                }
                rows.add(row);
            }
        } catch (SQLException stepError) {
            rows.add(List.of("error while stepping: code " + stepError.getErrorCode() + " state " + stepError.getSQLState()));
        }
        return rows;
    }

    static String cell(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value instanceof byte[] bytes ? HexFormat.of().formatHex(bytes) : value.toString();
        return value.getClass().getSimpleName() + ":" + text;
    }

    private static void bind(PreparedStatement statement, int index, Step.Param param) throws SQLException {
        Object value = param.value();
        switch (param.setter()) {
            case SET_NULL -> statement.setNull(index, Types.NULL);
            case SET_INT -> statement.setInt(index, (Integer) value);
            case SET_LONG -> statement.setLong(index, (Long) value);
            case SET_DOUBLE -> statement.setDouble(index, (Double) value);
            case SET_STRING -> statement.setString(index, (String) value);
            case SET_BYTES -> statement.setBytes(index, (byte[]) value);
            case SET_BOOLEAN -> statement.setBoolean(index, (Boolean) value);
            case SET_BIG_DECIMAL -> statement.setBigDecimal(index, (BigDecimal) value);
            case SET_OBJECT -> statement.setObject(index, value);
        }
    }
}

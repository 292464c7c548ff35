package dev.sqlink.jdbc;

import dev.sqlink.engine.Datatype;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Rows already read into memory (generated keys): values are Long, Double, String, byte[] or null. */
final class ListRows implements Rows {
    private final String[] names;
    private final List<Object[]> rows;
    private int index = -1;

    ListRows(String[] names, List<Object[]> rows) {
        this.names = names;
        this.rows = rows;
    }

    private Object value(int col) {
        return rows.get(index)[col];
    }

    @Override
    public boolean next() {
        if (index < rows.size()) {
            index++;
        }
        return index < rows.size();
    }

    @Override
    public boolean hasRow() {
        return index >= 0 && index < rows.size();
    }

    @Override
    public int columnCount() {
        return names.length;
    }

    @Override
    public String columnName(int col) {
        return names[col];
    }

    @Override
    public int type(int col) {
        if (!hasRow()) {
            return Datatype.NULL;
        }
        Object v = value(col);
        if (v instanceof Long) {
            return Datatype.INTEGER;
        } else if (v instanceof Double) {
            return Datatype.FLOAT;
        } else if (v instanceof String) {
            return Datatype.TEXT;
        } else if (v instanceof byte[]) {
            return Datatype.BLOB;
        }
        return Datatype.NULL;
    }

    @Override
    public long getLong(int col) {
        Object v = value(col);
        if (v instanceof Number) {
            return ((Number) v).longValue();
        }
        return v == null ? 0 : parseLong(v.toString());
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0; // as SQLite converts non-numeric text
        }
    }

    @Override
    public double getDouble(int col) {
        Object v = value(col);
        if (v instanceof Number) {
            return ((Number) v).doubleValue();
        }
        try {
            return v == null ? 0 : Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String getText(int col) {
        Object v = value(col);
        if (v instanceof byte[]) {
            return new String((byte[]) v, StandardCharsets.UTF_8);
        }
        return v == null ? null : v.toString();
    }

    @Override
    public byte[] getBlob(int col) {
        Object v = value(col);
        if (v == null || v instanceof byte[]) {
            return (byte[]) v;
        }
        return v.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String declaredType(int col) {
        return null;
    }

    @Override
    public String tableName(int col) {
        return null;
    }

    @Override
    public String originName(int col) {
        return null;
    }

    @Override
    public String databaseName(int col) {
        return null;
    }

    @Override
    public void close() {
        index = rows.size();
    }
}

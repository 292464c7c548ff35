package dev.sqlink.jdbc.meta;

import java.sql.JDBCType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of one DatabaseMetaData result (names and JDBC types, as the DatabaseMetaData
 * javadoc lists them), and a builder for its rows. Rows are filled by column name so a result
 * cannot silently shift values into the wrong column.
 */
final class ResultShape {

    private final String[] names;
    private final int[] types;
    private final Map<String, Integer> indexByName = new HashMap<>();

    /** @param namesAndTypes alternating column name (String) and {@link java.sql.Types} code */
    ResultShape(Object... namesAndTypes) {
        int count = namesAndTypes.length / 2;
        names = new String[count];
        types = new int[count];
        for (int i = 0; i < count; i++) {
            names[i] = (String) namesAndTypes[2 * i];
            types[i] = (Integer) namesAndTypes[2 * i + 1];
            indexByName.put(names[i].toUpperCase(Locale.ROOT), i);
        }
    }

    int columnCount() {
        return names.length;
    }

    String name(int index) {
        return names[index];
    }

    int type(int index) {
        return types[index];
    }

    /** Zero-based index of a column, or -1. Column labels are matched case-insensitively. */
    int indexOf(String name) {
        Integer index = indexByName.get(name.toUpperCase(Locale.ROOT));
        return index == null ? -1 : index;
    }

    Rows newRows() {
        return new Rows();
    }

    MetaResultSet empty() {
        return new MetaResultSet(this, List.of());
    }

    /** Stores a value in the Java class JDBC's getObject mapping gives the column's type. */
    private Object normalize(int column, Object value) {
        if (value == null) {
            return null;
        }
        switch (types[column]) {
            case java.sql.Types.SMALLINT:
            case java.sql.Types.INTEGER:
                return ((Number) value).intValue();
            case java.sql.Types.BIGINT:
                return ((Number) value).longValue();
            case java.sql.Types.BOOLEAN:
                return value;
            case java.sql.Types.VARCHAR:
                return value.toString();
            default:
                throw new IllegalStateException("no value mapping for column type "
                        + JDBCType.valueOf(types[column]));
        }
    }

    /** Rows of this shape under construction. */
    final class Rows {
        private final List<Object[]> rows = new ArrayList<>();

        Row add() {
            Object[] values = new Object[names.length];
            rows.add(values);
            return new Row(values);
        }

        /** Sorts by the named columns, nulls first, strings by their natural order. */
        Rows sortBy(String... columns) {
            Comparator<Object[]> order = null;
            for (String column : columns) {
                int index = requireIndex(column);
                Comparator<Object[]> next = Comparator.comparing(
                        row -> (Comparable<Object>) comparable(row[index]),
                        Comparator.nullsFirst(Comparator.naturalOrder()));
                order = order == null ? next : order.thenComparing(next);
            }
            if (order != null) {
                rows.sort(order);
            }
            return this;
        }

        MetaResultSet toResultSet() {
            return new MetaResultSet(ResultShape.this, List.copyOf(rows));
        }

        @SuppressWarnings("unchecked")
        private Comparable<Object> comparable(Object value) {
            return (Comparable<Object>) value;
        }
    }

    /** One row; unset columns stay SQL NULL. */
    final class Row {
        private final Object[] values;

        private Row(Object[] values) {
            this.values = values;
        }

        Row set(String column, Object value) {
            int index = requireIndex(column);
            values[index] = normalize(index, value);
            return this;
        }
    }

    private int requireIndex(String column) {
        int index = indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + Arrays.toString(names));
        }
        return index;
    }
}

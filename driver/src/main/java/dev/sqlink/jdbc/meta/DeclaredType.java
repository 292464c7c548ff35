package dev.sqlink.jdbc.meta;

import java.sql.Types;
import java.util.Locale;

/**
 * What a column's declared type (e.g. {@code VARCHAR(20)}, {@code DECIMAL(10,2)}, {@code
 * UNSIGNED BIG INT}, or nothing) means to JDBC. The affinity follows SQLite's rules (section
 * 3.1 of "Datatypes In SQLite", applied in that order: INT, then CHAR/CLOB/TEXT, then BLOB or
 * no type, then REAL/FLOA/DOUB, else NUMERIC); within an affinity, well-known type names pick a
 * more precise JDBC type. Public so ResultSetMetaData can map declared types the same way.
 *
 * @param typeName      the declared name without its size, upper case and single-spaced; "" for
 *                      an untyped column (never null)
 * @param jdbcType      a {@link Types} code
 * @param affinity      SQLite's column affinity: INTEGER, TEXT, BLOB, REAL or NUMERIC
 * @param declaredSize  the first number in parentheses, or null
 * @param declaredScale the second number in parentheses, or null
 */
public record DeclaredType(String typeName, int jdbcType, String affinity, Integer declaredSize,
                           Integer declaredScale) {

    public static DeclaredType parse(String declared) {
        String text = declared == null ? "" : declared.trim();
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).trim()
                .replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        Integer size = null;
        Integer scale = null;
        if (open >= 0) {
            int close = text.indexOf(')', open);
            String[] numbers = text.substring(open + 1, close < 0 ? text.length() : close).split(",");
            size = parseNumber(numbers[0]);
            scale = numbers.length > 1 ? parseNumber(numbers[1]) : null;
        }
        // SQLite looks for these substrings in the whole declared type, size included.
        String whole = text.toUpperCase(Locale.ROOT);
        if (whole.contains("INT")) {
            return new DeclaredType(name, integerType(name), "INTEGER", size, scale);
        }
        if (whole.contains("CHAR") || whole.contains("CLOB") || whole.contains("TEXT")) {
            return new DeclaredType(name, textType(name), "TEXT", size, scale);
        }
        if (whole.isEmpty()) {
            // Untyped: the column keeps whatever value it is given.
            return new DeclaredType(name, Types.OTHER, "BLOB", size, scale);
        }
        if (whole.contains("BLOB")) {
            return new DeclaredType(name, Types.BLOB, "BLOB", size, scale);
        }
        if (whole.contains("REAL") || whole.contains("FLOA") || whole.contains("DOUB")) {
            // SQLite stores every REAL as an 8-byte double, so REAL means DOUBLE to JDBC.
            return new DeclaredType(name, name.equals("FLOAT") ? Types.FLOAT : Types.DOUBLE, "REAL", size, scale);
        }
        return new DeclaredType(name, numericType(name), "NUMERIC", size, scale);
    }

    private static int integerType(String name) {
        switch (name) {
            case "TINYINT": return Types.TINYINT;
            case "SMALLINT": case "INT2": return Types.SMALLINT;
            case "BIGINT": case "INT8": case "UNSIGNED BIG INT": return Types.BIGINT;
            default: return Types.INTEGER;
        }
    }

    private static int textType(String name) {
        switch (name) {
            case "CHAR": case "CHARACTER": case "NCHAR": case "NATIVE CHARACTER": return Types.CHAR;
            case "CLOB": case "NCLOB": return Types.CLOB;
            default: return Types.VARCHAR;
        }
    }

    private static int numericType(String name) {
        switch (name) {
            case "DECIMAL": return Types.DECIMAL;
            case "BOOLEAN": case "BOOL": return Types.BOOLEAN;
            case "BIT": return Types.BIT;
            case "DATE": return Types.DATE;
            case "TIME": return Types.TIME;
            case "DATETIME": case "TIMESTAMP": return Types.TIMESTAMP;
            case "BINARY": return Types.BINARY;
            case "VARBINARY": return Types.VARBINARY;
            default: return Types.NUMERIC;
        }
    }

    private static Integer parseNumber(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Declared size, else the natural precision of the JDBC type (null where none applies). */
    public Integer columnSize() {
        return declaredSize != null ? declaredSize : SqliteTypes.defaultPrecision(jdbcType);
    }

    /** Declared scale, else 0 for integers, else null (not applicable or unknown). */
    public Integer decimalDigits() {
        if (declaredScale != null) {
            return declaredScale;
        }
        return affinity.equals("INTEGER") ? Integer.valueOf(0) : declaredSize != null && isNumeric() ? 0 : null;
    }

    public boolean isNumeric() {
        return SqliteTypes.isNumeric(jdbcType);
    }
}

package dev.sqlink.jdbc;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which generated keys a statement was asked for, and how to get them: a single INSERT is
 * run with a {@code RETURNING} clause so every inserted row's key comes back (multi-row
 * inserts included); anything else falls back to {@code last_insert_rowid()}.
 */
final class KeyRequest {
    /** The column name sqlite-jdbc gives its key column; kept so code reading keys by name still works. */
    static final String ROWID_LABEL = "last_insert_rowid()";
    static final KeyRequest ROWID = new KeyRequest(null, null);

    private static final Pattern INSERT_TARGET = Pattern.compile(
            "^\\s*(?:INSERT(?:\\s+OR\\s+\\w+)?|REPLACE)\\s+INTO\\s+("
                    + "(?:\"(?:[^\"]|\"\")*\"|\\[[^\\]]*]|`[^`]*`|[\\w$]+)"
                    + "(?:\\s*\\.\\s*(?:\"(?:[^\"]|\"\")*\"|\\[[^\\]]*]|`[^`]*`|[\\w$]+))?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURNING = Pattern.compile("\\bRETURNING\\b", Pattern.CASE_INSENSITIVE);

    private final String[] names;
    private final int[] indexes;

    private KeyRequest(String[] names, int[] indexes) {
        this.names = names;
        this.indexes = indexes;
    }

    static KeyRequest byNames(String[] names) {
        return new KeyRequest(names.clone(), null);
    }

    static KeyRequest byIndexes(int[] indexes) {
        return new KeyRequest(null, indexes.clone());
    }

    boolean byIndex() {
        return indexes != null;
    }

    /** The INSERT's target table as written (possibly schema-qualified and quoted), or null for other SQL. */
    static String insertTarget(String sql) {
        Matcher m = INSERT_TARGET.matcher(sql);
        return m.find() ? m.group(1) : null;
    }

    static boolean isInsert(String sql) {
        // runs on every executed update: compare in place rather than upper-case a copy of the SQL
        int start = 0;
        while (start < sql.length() && Character.isWhitespace(sql.charAt(start))) {
            start++;
        }
        return sql.regionMatches(true, start, "INSERT", 0, 6) || sql.regionMatches(true, start, "REPLACE", 0, 7);
    }

    /**
     * {@code sql} with a RETURNING clause for the requested keys, or null when the SQL is not
     * a plain INSERT (or already returns something). {@code tableColumns} resolves indexes.
     */
    String withReturning(String sql, String[] tableColumns) throws SQLException {
        if (insertTarget(sql) == null || RETURNING.matcher(sql).find()) {
            return null;
        }
        String body = sql.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        // A newline first, so a trailing "-- comment" cannot swallow the clause.
        return body + "\nRETURNING " + returningList(tableColumns);
    }

    private String returningList(String[] tableColumns) throws SQLException {
        if (names == null && indexes == null) {
            return "rowid AS \"" + ROWID_LABEL + "\"";
        }
        StringBuilder b = new StringBuilder();
        if (names != null) {
            for (String n : names) {
                b.append(b.length() == 0 ? "" : ", ").append(quote(n));
            }
        } else {
            for (int i : indexes) {
                if (tableColumns == null || i < 1 || i > tableColumns.length) {
                    throw new SQLException("generated key column index " + i + " is out of range (the table has "
                            + (tableColumns == null ? "unknown" : String.valueOf(tableColumns.length))
                            + " columns)", "07009");
                }
                b.append(b.length() == 0 ? "" : ", ").append(quote(tableColumns[i - 1]));
            }
        }
        return b.toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package dev.sqlink.jdbc.meta;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * getFunctions, getFunctionColumns and the function-name lists, from pragma_function_list: the
 * functions this connection really has (built in, from extensions, or registered by the
 * application). Functions belong to the connection, not to a schema, so catalog and schema are
 * null and schema arguments do not narrow the search. One row per name and argument count; the
 * SPECIFIC_NAME is {@code name(n)}, or {@code name(...)} for any number of arguments.
 */
final class FunctionResults {

    /** One overload: a name with an argument count (-1 = variadic). */
    record SqlFunction(String name, int argumentCount, String kind, boolean builtin) {
        String specificName() {
            return name + (argumentCount < 0 ? "(...)" : "(" + argumentCount + ")");
        }

        String remarks() {
            String what = kind.equals("a") ? "aggregate" : kind.equals("w") ? "window" : "scalar";
            return (builtin ? "built-in " : "application-defined ") + what + " function";
        }
    }

    /** Open Group CLI names of the JDBC escape functions, grouped as DatabaseMetaData lists them. */
    static final List<String> NUMERIC = List.of("abs", "acos", "asin", "atan", "atan2", "ceiling", "cos",
            "cot", "degrees", "exp", "floor", "log", "log10", "mod", "pi", "power", "radians", "rand", "round",
            "sign", "sin", "sqrt", "tan", "truncate", "ceil", "ln", "log2", "pow", "trunc", "random", "acosh",
            "asinh", "atanh", "cosh", "sinh", "tanh");
    static final List<String> STRING = List.of("ascii", "char", "concat", "concat_ws", "difference", "insert",
            "instr", "lcase", "left", "length", "locate", "lower", "ltrim", "octet_length", "repeat", "replace",
            "right", "rtrim", "soundex", "space", "substr", "substring", "trim", "ucase", "upper", "hex", "unhex",
            "quote", "printf", "format", "unicode", "glob", "like");
    static final List<String> SYSTEM = List.of("database", "ifnull", "user", "coalesce", "nullif", "iif", "if",
            "typeof", "changes", "total_changes", "last_insert_rowid", "sqlite_version", "sqlite_source_id",
            "likely", "unlikely", "likelihood");
    static final List<String> TIME_DATE = List.of("curdate", "curtime", "dayname", "dayofmonth", "dayofweek",
            "dayofyear", "hour", "minute", "month", "monthname", "now", "quarter", "second", "week", "year",
            "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff", "current_date",
            "current_time", "current_timestamp");

    private final SchemaReader reader;

    FunctionResults(SchemaReader reader) {
        this.reader = reader;
    }

    List<SqlFunction> functions(NameFilter nameFilter) throws SQLException {
        TreeMap<String, SqlFunction> unique = new TreeMap<>();
        reader.query("SELECT name, narg, type, builtin FROM pragma_function_list ORDER BY name, narg, type",
                List.of(), rs -> {
                    SqlFunction function = new SqlFunction(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getInt(4) != 0);
                    if (nameFilter.matches(function.name())) {
                        // Several text encodings register the same overload: keep one.
                        unique.putIfAbsent(function.specificName(), function);
                    }
                });
        return new ArrayList<>(unique.values());
    }

    ResultSet functionRows(String functionNamePattern) throws SQLException {
        ResultShape.Rows rows = ResultShapes.FUNCTIONS.newRows();
        for (SqlFunction function : functions(NameFilter.like(functionNamePattern))) {
            rows.add()
                    .set("FUNCTION_NAME", function.name())
                    .set("REMARKS", function.remarks())
                    .set("FUNCTION_TYPE", DatabaseMetaData.functionNoTable)
                    .set("SPECIFIC_NAME", function.specificName());
        }
        return rows.sortBy("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "SPECIFIC_NAME").toResultSet();
    }

    /**
     * A return value (ORDINAL_POSITION 0) and the arguments arg1..argN, or one "args" row for a
     * variadic function. SQLite values carry their own type, so every type is OTHER / "ANY".
     */
    ResultSet functionColumns(String functionNamePattern, String columnNamePattern) throws SQLException {
        NameFilter columnFilter = NameFilter.like(columnNamePattern);
        ResultShape.Rows rows = ResultShapes.FUNCTION_COLUMNS.newRows();
        for (SqlFunction function : functions(NameFilter.like(functionNamePattern))) {
            if (columnFilter.matchesAll()) {
                addFunctionColumn(rows, function, "", DatabaseMetaData.functionReturn, 0, "the result");
            }
            if (function.argumentCount() < 0) {
                if (columnFilter.matches("args")) {
                    addFunctionColumn(rows, function, "args", DatabaseMetaData.functionColumnIn, 1,
                            "any number of arguments");
                }
            } else {
                for (int i = 1; i <= function.argumentCount(); i++) {
                    if (columnFilter.matches("arg" + i)) {
                        addFunctionColumn(rows, function, "arg" + i, DatabaseMetaData.functionColumnIn, i, null);
                    }
                }
            }
        }
        return rows.sortBy("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "SPECIFIC_NAME").toResultSet();
    }

    private static void addFunctionColumn(ResultShape.Rows rows, SqlFunction function, String name, int columnType,
                                          int position, String remarks) {
        rows.add()
                .set("FUNCTION_NAME", function.name())
                .set("COLUMN_NAME", name)
                .set("COLUMN_TYPE", columnType)
                .set("DATA_TYPE", Types.OTHER)
                .set("TYPE_NAME", "ANY")
                .set("NULLABLE", DatabaseMetaData.functionNullable)
                .set("REMARKS", remarks)
                .set("ORDINAL_POSITION", position)
                .set("IS_NULLABLE", "YES")
                .set("SPECIFIC_NAME", function.specificName());
    }

    /** The names of a category that this connection really provides, as a comma-separated list. */
    String available(List<String> category) throws SQLException {
        Set<String> present = new TreeSet<>();
        for (SqlFunction function : functions(NameFilter.like(null))) {
            present.add(function.name().toLowerCase(Locale.ROOT));
        }
        // CURRENT_DATE and friends are keywords, not functions, but always available.
        present.addAll(List.of("current_date", "current_time", "current_timestamp"));
        return category.stream().filter(present::contains).collect(Collectors.joining(","));
    }
}

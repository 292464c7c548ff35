package dev.sqlink.jdbc.meta;

import dev.sqlink.jdbc.meta.SchemaReader.TableRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** getTables, getTableTypes and getSchemas; schema arguments and names follow {@link SchemaScope}. */
final class TableResults {

    static final String TABLE = "TABLE";
    static final String VIEW = "VIEW";
    static final String SYSTEM_TABLE = "SYSTEM TABLE";
    /** Tables of the temp schema: private to the connection, but xerial and tools call them this. */
    static final String GLOBAL_TEMPORARY = "GLOBAL TEMPORARY";

    private static final List<String> TYPES = List.of(GLOBAL_TEMPORARY, SYSTEM_TABLE, TABLE, VIEW);

    private final SchemaReader reader;

    TableResults(SchemaReader reader) {
        this.reader = reader;
    }

    /**
     * sqlite_* tables and the shadow tables of virtual tables are SYSTEM TABLE; views are VIEW
     * wherever they live; other tables in temp are GLOBAL TEMPORARY; the rest, including virtual
     * tables, are TABLE.
     */
    static String tableType(TableRef table) {
        if (table.name().toLowerCase(Locale.ROOT).startsWith("sqlite_") || table.type().equals("shadow")) {
            return SYSTEM_TABLE;
        }
        if (table.isView()) {
            return VIEW;
        }
        return table.schema().equalsIgnoreCase("temp") ? GLOBAL_TEMPORARY : TABLE;
    }

    ResultSet tables(String schemaPattern, String tableNamePattern, String[] types) throws SQLException {
        Set<String> wanted = null;
        if (types != null) {
            wanted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            wanted.addAll(List.of(types));
        }
        ResultShape.Rows rows = ResultShapes.TABLES.newRows();
        for (TableRef table : reader.tables(SchemaScope.pattern(schemaPattern), NameFilter.like(tableNamePattern))) {
            String type = tableType(table);
            if (wanted == null || wanted.contains(type)) {
                rows.add()
                        .set("TABLE_SCHEM", table.reportedSchema())
                        .set("TABLE_NAME", table.name())
                        .set("TABLE_TYPE", type);
            }
        }
        return rows.sortBy("TABLE_TYPE", "TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME").toResultSet();
    }

    static ResultSet tableTypes() {
        ResultShape.Rows rows = ResultShapes.TABLE_TYPES.newRows();
        TYPES.forEach(type -> rows.add().set("TABLE_TYPE", type));
        return rows.toResultSet();
    }

    /**
     * Always empty, as xerial's: main has no schema name to list, and a tool that finds schemas
     * makes them the top of its tree (DBeaver's generic model then loads tables per schema and
     * would never show main's). temp and attached databases are still reached by name.
     */
    static ResultSet schemas() {
        return ResultShapes.SCHEMAS.empty();
    }
}

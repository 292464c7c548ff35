package dev.sqlink.jdbc.meta;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SQLite's catalog through plain JDBC on the connection: sqlite_schema and the pragma
 * table-valued functions. Names are always bound as parameters; only a schema name is ever
 * spliced into SQL text, and then as a quoted identifier.
 */
final class SchemaReader {

    /** A table, view or virtual table as pragma_table_list reports it. */
    record TableRef(String schema, String name, String type, boolean withoutRowid) {
        boolean isView() {
            return type.equals("view");
        }

        boolean isOrdinaryTable() {
            return type.equals("table");
        }

        /** The schema name result rows give this table: null for main (see {@link SchemaScope}). */
        String reportedSchema() {
            return SchemaScope.reported(schema);
        }
    }

    /** One row of pragma_table_xinfo; hidden: 0 normal, 1 hidden (virtual tables), 2/3 generated. */
    record ColumnRow(String name, String declaredType, boolean notNull, String defaultValue, int primaryKeySeq,
                     int hidden) {
        boolean isGenerated() {
            return hidden == 2 || hidden == 3;
        }
    }

    /** One row of pragma_index_list; origin: c (CREATE INDEX), u (UNIQUE), pk (PRIMARY KEY). */
    record IndexRow(String name, boolean unique, String origin, boolean partial) {
    }

    /** A key column of pragma_index_xinfo; cid -2 is an expression, -1 the rowid. */
    record IndexColumn(int seqno, int cid, String name, boolean descending) {
    }

    /** One row of pragma_foreign_key_list, with the child table it belongs to. */
    record ForeignKeyRow(String childTable, int id, int seq, String parentTable, String fromColumn,
                         String toColumn, String onUpdate, String onDelete) {
    }

    private final Connection connection;

    SchemaReader(Connection connection) {
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Attached databases in attach order: main, temp, then the others. */
    List<String> databases() throws SQLException {
        List<String> databases = new ArrayList<>();
        query("SELECT name FROM pragma_database_list ORDER BY seq", List.of(), rs -> databases.add(rs.getString(1)));
        // temp is addressable before its first use even though the pragma omits it until then.
        if (databases.stream().noneMatch(name -> name.equalsIgnoreCase(SchemaScope.TEMP))) {
            databases.add(Math.min(1, databases.size()), SchemaScope.TEMP);
        }
        return databases;
    }

    List<TableRef> tables(SchemaScope scope, NameFilter table) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        query("SELECT schema, name, type, wr FROM pragma_table_list", List.of(), rs -> {
            if (scope.includes(rs.getString(1)) && table.matches(rs.getString(2))) {
                tables.add(new TableRef(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) != 0));
            }
        });
        return tables;
    }

    List<ColumnRow> columns(TableRef table) throws SQLException {
        List<ColumnRow> columns = new ArrayList<>();
        query("SELECT name, type, \"notnull\", dflt_value, pk, hidden FROM pragma_table_xinfo(?, ?) ORDER BY cid",
                List.of(table.name(), table.schema()),
                rs -> columns.add(new ColumnRow(rs.getString(1), rs.getString(2), rs.getInt(3) != 0,
                        rs.getString(4), rs.getInt(5), rs.getInt(6))));
        return columns;
    }

    List<IndexRow> indexes(TableRef table) throws SQLException {
        List<IndexRow> indexes = new ArrayList<>();
        query("SELECT name, \"unique\", origin, partial FROM pragma_index_list(?, ?) ORDER BY name",
                List.of(table.name(), table.schema()),
                rs -> indexes.add(new IndexRow(rs.getString(1), rs.getInt(2) != 0, rs.getString(3), rs.getInt(4) != 0)));
        return indexes;
    }

    List<IndexColumn> indexKeyColumns(String schema, String index) throws SQLException {
        List<IndexColumn> columns = new ArrayList<>();
        query("SELECT seqno, cid, name, \"desc\" FROM pragma_index_xinfo(?, ?) WHERE \"key\" ORDER BY seqno",
                List.of(index, schema),
                rs -> columns.add(new IndexColumn(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4) != 0)));
        return columns;
    }

    /** The CREATE statement SQLite stored for a table, view or index; null for automatic ones. */
    String createSql(String schema, String name) throws SQLException {
        List<String> sql = new ArrayList<>();
        query("SELECT sql FROM " + quoteIdentifier(schema) + ".sqlite_schema WHERE name = ?",
                List.of(name), rs -> sql.add(rs.getString(1)));
        return sql.isEmpty() ? null : sql.get(0);
    }

    /** Foreign keys of every ordinary table in a schema whose name passes the filter. */
    List<ForeignKeyRow> foreignKeys(String schema, NameFilter childTable) throws SQLException {
        List<ForeignKeyRow> rows = new ArrayList<>();
        query("SELECT m.name, f.id, f.seq, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete FROM "
                        + quoteIdentifier(schema) + ".sqlite_schema AS m, pragma_foreign_key_list(m.name, ?) AS f"
                        + " WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq",
                List.of(schema), rs -> {
                    if (childTable.matches(rs.getString(1))) {
                        rows.add(new ForeignKeyRow(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                    }
                });
        return rows;
    }

    /** Runs a query and hands each row to the consumer; closes everything it opened. */
    void query(String sql, List<Object> parameters, RowConsumer consumer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs);
                }
            }
        }
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(ResultSet rs) throws SQLException;
    }

    /** A double-quoted SQL identifier; embedded quotes are doubled, so any name is safe. */
    static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}

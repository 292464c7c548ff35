package dev.sqlink.jdbc.meta;

import dev.sqlink.jdbc.meta.SchemaReader.ColumnRow;
import dev.sqlink.jdbc.meta.SchemaReader.IndexRow;
import dev.sqlink.jdbc.meta.SchemaReader.TableRef;
import java.sql.DatabaseMetaData;
import java.sql.PseudoColumnUsage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** getColumns, getPrimaryKeys, getBestRowIdentifier and getPseudoColumns, from pragma_table_xinfo. */
final class ColumnResults {

    private final SchemaReader reader;

    ColumnResults(SchemaReader reader) {
        this.reader = reader;
    }

    ResultSet columns(String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        NameFilter columnFilter = NameFilter.like(columnNamePattern);
        ResultShape.Rows rows = ResultShapes.COLUMNS.newRows();
        for (TableRef table : reader.tables(SchemaScope.pattern(schemaPattern), NameFilter.like(tableNamePattern))) {
            List<ColumnRow> columns = visibleColumns(table);
            String rowidAlias = rowidAlias(table, columns);
            int position = 0;
            for (ColumnRow column : columns) {
                position++;
                if (!columnFilter.matches(column.name())) {
                    continue;
                }
                DeclaredType type = DeclaredType.parse(column.declaredType());
                Integer size = type.columnSize();
                rows.add()
                        .set("TABLE_SCHEM", table.reportedSchema())
                        .set("TABLE_NAME", table.name())
                        .set("COLUMN_NAME", column.name())
                        .set("DATA_TYPE", type.jdbcType())
                        .set("TYPE_NAME", type.typeName())
                        .set("COLUMN_SIZE", size)
                        .set("DECIMAL_DIGITS", type.decimalDigits())
                        .set("NUM_PREC_RADIX", type.isNumeric() ? 10 : null)
                        .set("NULLABLE", column.notNull() ? DatabaseMetaData.columnNoNulls : DatabaseMetaData.columnNullable)
                        .set("COLUMN_DEF", column.defaultValue())
                        .set("CHAR_OCTET_LENGTH", SqliteTypes.isText(type.jdbcType()) ? size : null)
                        .set("ORDINAL_POSITION", position)
                        .set("IS_NULLABLE", column.notNull() ? "NO" : "YES")
                        .set("IS_AUTOINCREMENT", column.name().equals(rowidAlias) ? "YES" : "NO")
                        .set("IS_GENERATEDCOLUMN", column.isGenerated() ? "YES" : "NO");
            }
        }
        return rows.sortBy("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "ORDINAL_POSITION").toResultSet();
    }

    ResultSet primaryKeys(String schema, String tableName) throws SQLException {
        ResultShape.Rows rows = ResultShapes.PRIMARY_KEYS.newRows();
        for (TableRef table : reader.tables(SchemaScope.name(schema), NameFilter.exact(tableName))) {
            if (table.isView()) {
                continue;
            }
            String pkName = TableDefinition.parse(reader.createSql(table.schema(), table.name())).primaryKeyName();
            for (ColumnRow column : visibleColumns(table)) {
                if (column.primaryKeySeq() > 0) {
                    rows.add()
                            .set("TABLE_SCHEM", table.reportedSchema())
                            .set("TABLE_NAME", table.name())
                            .set("COLUMN_NAME", column.name())
                            .set("KEY_SEQ", column.primaryKeySeq())
                            .set("PK_NAME", pkName);
                }
            }
        }
        return rows.sortBy("COLUMN_NAME").toResultSet();
    }

    /**
     * The primary key columns if there is a primary key, else the rowid of a rowid table. A
     * rowid that is not an INTEGER PRIMARY KEY may change on VACUUM, so it only lasts a transaction.
     */
    ResultSet bestRowIdentifier(String schema, String tableName, int scope) throws SQLException {
        ResultShape.Rows rows = ResultShapes.ROW_IDENTIFIER.newRows();
        for (TableRef table : reader.tables(SchemaScope.name(schema), NameFilter.exact(tableName))) {
            if (table.isView()) {
                continue;
            }
            List<ColumnRow> columns = visibleColumns(table);
            List<ColumnRow> key = new ArrayList<>();
            columns.stream().filter(c -> c.primaryKeySeq() > 0).forEach(key::add);
            if (!key.isEmpty() && scope <= DatabaseMetaData.bestRowSession) {
                for (ColumnRow column : key) {
                    DeclaredType type = DeclaredType.parse(column.declaredType());
                    rows.add()
                            .set("SCOPE", DatabaseMetaData.bestRowSession)
                            .set("COLUMN_NAME", column.name())
                            .set("DATA_TYPE", type.jdbcType())
                            .set("TYPE_NAME", type.typeName())
                            .set("COLUMN_SIZE", type.columnSize())
                            .set("DECIMAL_DIGITS", type.decimalDigits())
                            .set("PSEUDO_COLUMN", DatabaseMetaData.bestRowNotPseudo);
                }
            } else if (key.isEmpty() && hasRowid(table, columns) && scope <= DatabaseMetaData.bestRowTransaction) {
                rows.add()
                        .set("SCOPE", DatabaseMetaData.bestRowTransaction)
                        .set("COLUMN_NAME", "rowid")
                        .set("DATA_TYPE", Types.BIGINT)
                        .set("TYPE_NAME", "INTEGER")
                        .set("COLUMN_SIZE", 19)
                        .set("DECIMAL_DIGITS", 0)
                        .set("PSEUDO_COLUMN", DatabaseMetaData.bestRowPseudo);
            }
        }
        return rows.toResultSet();
    }

    /** The rowid of every rowid table where no real column hides it. */
    ResultSet pseudoColumns(String schemaPattern, String tableNamePattern, String columnNamePattern) throws SQLException {
        NameFilter columnFilter = NameFilter.like(columnNamePattern);
        ResultShape.Rows rows = ResultShapes.PSEUDO_COLUMNS.newRows();
        if (!columnFilter.matches("rowid")) {
            return rows.toResultSet();
        }
        for (TableRef table : reader.tables(SchemaScope.pattern(schemaPattern), NameFilter.like(tableNamePattern))) {
            if (table.isOrdinaryTable() && hasRowid(table, visibleColumns(table))) {
                rows.add()
                        .set("TABLE_SCHEM", table.reportedSchema())
                        .set("TABLE_NAME", table.name())
                        .set("COLUMN_NAME", "rowid")
                        .set("DATA_TYPE", Types.BIGINT)
                        .set("COLUMN_SIZE", 19)
                        .set("DECIMAL_DIGITS", 0)
                        .set("NUM_PREC_RADIX", 10)
                        .set("COLUMN_USAGE", PseudoColumnUsage.NO_USAGE_RESTRICTIONS.name())
                        .set("REMARKS", "the 64-bit signed integer key of a rowid table")
                        .set("IS_NULLABLE", "NO");
            }
        }
        return rows.sortBy("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME").toResultSet();
    }

    /**
     * Columns a SELECT * shows plus generated ones; virtual tables' hidden columns are left out.
     * A view whose definition no longer compiles (e.g. a dropped table) has no columns rather than
     * failing the whole listing.
     */
    private List<ColumnRow> visibleColumns(TableRef table) throws SQLException {
        List<ColumnRow> columns;
        try {
            columns = reader.columns(table);
        } catch (SQLException brokenView) {
            if (table.isView()) {
                return List.of();
            }
            throw brokenView;
        }
        List<ColumnRow> visible = new ArrayList<>(columns.size());
        columns.stream().filter(c -> c.hidden() != 1).forEach(visible::add);
        return visible;
    }

    private static boolean hasRowid(TableRef table, List<ColumnRow> columns) {
        return table.isOrdinaryTable() && !table.withoutRowid()
                && columns.stream().noneMatch(c -> NameFilter.sameName(c.name(), "rowid"));
    }

    /**
     * The column that is an alias of the rowid (and so numbered automatically), or null: the one
     * primary key column of a rowid table declared exactly INTEGER, unless SQLite made an index for
     * the key (as it does for the INTEGER PRIMARY KEY DESC quirk).
     */
    private String rowidAlias(TableRef table, List<ColumnRow> columns) throws SQLException {
        if (!table.isOrdinaryTable() || table.withoutRowid()) {
            return null;
        }
        List<ColumnRow> key = columns.stream().filter(c -> c.primaryKeySeq() > 0).toList();
        if (key.size() != 1 || key.get(0).declaredType() == null
                || !key.get(0).declaredType().trim().equalsIgnoreCase("INTEGER")) {
            return null;
        }
        for (IndexRow index : reader.indexes(table)) {
            if (index.origin().equals("pk")) {
                return null;
            }
        }
        return key.get(0).name();
    }
}

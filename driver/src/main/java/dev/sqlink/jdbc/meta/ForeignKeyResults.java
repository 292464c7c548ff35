package dev.sqlink.jdbc.meta;

import dev.sqlink.jdbc.meta.SchemaReader.ColumnRow;
import dev.sqlink.jdbc.meta.SchemaReader.ForeignKeyRow;
import dev.sqlink.jdbc.meta.SchemaReader.TableRef;
import dev.sqlink.jdbc.meta.TableDefinition.ForeignKeyClause;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * getImportedKeys, getExportedKeys and getCrossReference from pragma_foreign_key_list. SQLite
 * foreign keys always refer to a table of the same schema. Constraint names and deferrability
 * come from the CREATE TABLE text, where the pragma is silent.
 */
final class ForeignKeyResults {

    private final SchemaReader reader;

    ForeignKeyResults(SchemaReader reader) {
        this.reader = reader;
    }

    ResultSet imported(String schema, String table) throws SQLException {
        return keys(SchemaScope.name(schema), NameFilter.exact(table), NameFilter.exact(null))
                .sortBy("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "KEY_SEQ").toResultSet();
    }

    ResultSet exported(String schema, String table) throws SQLException {
        return keys(SchemaScope.name(schema), NameFilter.exact(null), NameFilter.exact(table))
                .sortBy("FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "KEY_SEQ").toResultSet();
    }

    ResultSet crossReference(String parentSchema, String parentTable, String foreignSchema, String foreignTable)
            throws SQLException {
        SchemaScope parentScope = SchemaScope.name(parentSchema);
        SchemaScope foreignScope = SchemaScope.name(foreignSchema);
        ResultShape.Rows rows = ResultShapes.FOREIGN_KEYS.newRows();
        for (String schema : reader.databases()) {
            if (parentScope.includes(schema) && foreignScope.includes(schema)) {
                addKeys(rows, schema, NameFilter.exact(foreignTable), NameFilter.exact(parentTable));
            }
        }
        return rows.sortBy("FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "KEY_SEQ").toResultSet();
    }

    private ResultShape.Rows keys(SchemaScope scope, NameFilter child, NameFilter parent) throws SQLException {
        ResultShape.Rows rows = ResultShapes.FOREIGN_KEYS.newRows();
        for (String schema : reader.databases()) {
            if (scope.includes(schema)) {
                addKeys(rows, schema, child, parent);
            }
        }
        return rows;
    }

    private void addKeys(ResultShape.Rows rows, String schema, NameFilter child, NameFilter parent) throws SQLException {
        Map<String, List<ForeignKeyRow>> byConstraint = new LinkedHashMap<>();
        for (ForeignKeyRow row : reader.foreignKeys(schema, child)) {
            byConstraint.computeIfAbsent(row.childTable() + '\0' + row.id(), k -> new ArrayList<>()).add(row);
        }
        if (byConstraint.isEmpty()) {
            return;
        }
        Map<String, TableRef> tables = new HashMap<>();
        for (TableRef table : reader.tables(SchemaScope.name(schema), NameFilter.exact(null))) {
            tables.put(table.name().toLowerCase(Locale.ROOT), table);
        }
        Map<String, List<ForeignKeyClause>> clausesByChild = new HashMap<>();
        for (List<ForeignKeyRow> constraint : byConstraint.values()) {
            ForeignKeyRow first = constraint.get(0);
            TableRef parentRef = tables.get(first.parentTable().toLowerCase(Locale.ROOT));
            String parentName = parentRef == null ? first.parentTable() : parentRef.name();
            if (!parent.matches(parentName)) {
                continue;
            }
            List<String> parentKey = parentRef == null ? List.of() : primaryKey(parentRef);
            List<String> fromColumns = constraint.stream().map(ForeignKeyRow::fromColumn).toList();
            List<String> toColumns = new ArrayList<>();
            for (ForeignKeyRow row : constraint) {
                // No column list in REFERENCES means the parent's primary key.
                toColumns.add(row.toColumn() != null ? row.toColumn()
                        : row.seq() < parentKey.size() ? parentKey.get(row.seq()) : null);
            }
            List<ForeignKeyClause> clauses = clausesByChild.get(first.childTable());
            if (clauses == null) {
                clauses = new ArrayList<>(TableDefinition.parse(reader.createSql(schema, first.childTable())).foreignKeys());
                clausesByChild.put(first.childTable(), clauses);
            }
            ForeignKeyClause clause = takeMatchingClause(clauses, fromColumns, parentName);
            String pkName = sameColumns(toColumns, parentKey) && parentRef != null
                    ? TableDefinition.parse(reader.createSql(schema, parentRef.name())).primaryKeyName() : null;
            for (int i = 0; i < constraint.size(); i++) {
                ForeignKeyRow row = constraint.get(i);
                rows.add()
                        .set("PKTABLE_SCHEM", SchemaScope.reported(schema))
                        .set("PKTABLE_NAME", parentName)
                        .set("PKCOLUMN_NAME", toColumns.get(i))
                        .set("FKTABLE_SCHEM", SchemaScope.reported(schema))
                        .set("FKTABLE_NAME", row.childTable())
                        .set("FKCOLUMN_NAME", row.fromColumn())
                        .set("KEY_SEQ", row.seq() + 1)
                        .set("UPDATE_RULE", rule(row.onUpdate()))
                        .set("DELETE_RULE", rule(row.onDelete()))
                        .set("FK_NAME", clause == null ? null : clause.name())
                        .set("PK_NAME", pkName)
                        .set("DEFERRABILITY", clause == null ? DatabaseMetaData.importedKeyNotDeferrable
                                : clause.deferrability());
            }
        }
    }

    private List<String> primaryKey(TableRef table) throws SQLException {
        return reader.columns(table).stream()
                .filter(c -> c.primaryKeySeq() > 0)
                .sorted(Comparator.comparingInt(ColumnRow::primaryKeySeq))
                .map(ColumnRow::name)
                .toList();
    }

    /** The parsed clause for the same child columns and parent; removed so twins pair in order. */
    private static ForeignKeyClause takeMatchingClause(List<ForeignKeyClause> clauses, List<String> fromColumns,
                                                       String parentName) {
        for (ForeignKeyClause clause : clauses) {
            if (NameFilter.sameName(clause.parentTable(), parentName) && sameColumns(clause.fromColumns(), fromColumns)) {
                clauses.remove(clause);
                return clause;
            }
        }
        return null;
    }

    private static boolean sameColumns(List<String> a, List<String> b) {
        if (a.size() != b.size() || a.isEmpty()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!NameFilter.sameName(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int rule(String action) {
        switch (action == null ? "" : action.toUpperCase(Locale.ROOT)) {
            case "CASCADE": return DatabaseMetaData.importedKeyCascade;
            case "SET NULL": return DatabaseMetaData.importedKeySetNull;
            case "SET DEFAULT": return DatabaseMetaData.importedKeySetDefault;
            case "RESTRICT": return DatabaseMetaData.importedKeyRestrict;
            default: return DatabaseMetaData.importedKeyNoAction;
        }
    }
}

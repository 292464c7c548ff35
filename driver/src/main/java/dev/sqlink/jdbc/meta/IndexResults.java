package dev.sqlink.jdbc.meta;

import dev.sqlink.jdbc.meta.SchemaReader.IndexColumn;
import dev.sqlink.jdbc.meta.SchemaReader.IndexRow;
import dev.sqlink.jdbc.meta.SchemaReader.TableRef;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * getIndexInfo from pragma_index_list / pragma_index_xinfo: CREATE INDEX indexes, the automatic
 * sqlite_autoindex_* indexes behind UNIQUE and PRIMARY KEY constraints, expression terms (as
 * their source text) and partial indexes (with their WHERE clause as FILTER_CONDITION). An
 * INTEGER PRIMARY KEY is the rowid itself and has no index, so it is not listed.
 */
final class IndexResults {

    private final SchemaReader reader;

    IndexResults(SchemaReader reader) {
        this.reader = reader;
    }

    ResultSet indexInfo(String schema, String tableName, boolean uniqueOnly) throws SQLException {
        ResultShape.Rows rows = ResultShapes.INDEX_INFO.newRows();
        for (TableRef table : reader.tables(SchemaScope.name(schema), NameFilter.exact(tableName))) {
            if (table.isView()) {
                continue;
            }
            for (IndexRow index : reader.indexes(table)) {
                if (uniqueOnly && !index.unique()) {
                    continue;
                }
                IndexDefinition definition = IndexDefinition.parse(reader.createSql(table.schema(), index.name()));
                // The primary key of a WITHOUT ROWID table is the table's own b-tree.
                int type = table.withoutRowid() && index.origin().equals("pk")
                        ? DatabaseMetaData.tableIndexClustered : DatabaseMetaData.tableIndexOther;
                int position = 0;
                for (IndexColumn column : reader.indexKeyColumns(table.schema(), index.name())) {
                    position++;
                    String columnName = column.cid() == -2 ? definition.term(column.seqno())
                            : column.cid() == -1 ? "rowid" : column.name();
                    rows.add()
                            .set("TABLE_SCHEM", table.reportedSchema())
                            .set("TABLE_NAME", table.name())
                            .set("NON_UNIQUE", !index.unique())
                            .set("INDEX_NAME", index.name())
                            .set("TYPE", type)
                            .set("ORDINAL_POSITION", position)
                            .set("COLUMN_NAME", columnName)
                            .set("ASC_OR_DESC", column.descending() ? "D" : "A")
                            .set("FILTER_CONDITION", index.partial() ? definition.whereClause() : null);
                }
            }
        }
        return rows.sortBy("NON_UNIQUE", "TYPE", "INDEX_NAME", "ORDINAL_POSITION").toResultSet();
    }
}

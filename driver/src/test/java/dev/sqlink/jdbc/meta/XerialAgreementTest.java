package dev.sqlink.jdbc.meta;

import static dev.sqlink.jdbc.meta.MetadataFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where xerial sqlite-jdbc 3.54.1.0's own DatabaseMetaData is right, ours agrees with it on the
 * same connection, asked the way tools built around xerial ask (a null schema), including the
 * null schema main's objects report. Deliberate differences (not compared here): temp and attached
 * objects report their database's name (xerial: null, and attached ones are never listed), a
 * schema argument selects databases (xerial ignores it; see SchemaScope), the schema columns of
 * foreign keys are null for main whatever was asked (xerial echoes the argument); xerial lists
 * sqlite_autoindex_* indexes as SYSTEM TABLEs; DATA_TYPE/COLUMN_SIZE follow affinity and
 * declared sizes (xerial: DECIMAL is FLOAT, DATETIME and untyped are VARCHAR, sizes 2000000000);
 * IS_AUTOINCREMENT is YES for every
 * rowid alias (xerial: only with the AUTOINCREMENT keyword); unnamed constraints have a null name
 * (xerial: "") and column-level names are found; DEFERRABILITY is read from the DDL (xerial:
 * always initially deferred); expression index terms carry their text (xerial: null).
 */
class XerialAgreementTest {

    private static final List<String> MAIN_TABLES = List.of("Parent Table", "orders", "items", "kv", "gen", "uq",
            "desc_quirk", "order view");

    @TempDir
    Path directory;

    @Test
    void agreesWithXerialOnTablesColumnsKeysAndIndexes() throws SQLException {
        try (Connection connection = MetadataFixture.open(directory);
                Connection reference = DriverManager.getConnection("jdbc:sqlite:" + directory.resolve("main.db"))) {
            DatabaseMetaData ours = MetadataFixture.metadata(connection);
            DatabaseMetaData xerial = reference.getMetaData();
            assertEquals(project(xerial.getTables(null, null, "%", new String[] {"TABLE", "VIEW"}), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"),
                    project(ours.getTables(null, null, "%", new String[] {"TABLE", "VIEW"}), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
            assertEquals(project(xerial.getSchemas(), "TABLE_SCHEM"), project(ours.getSchemas(), "TABLE_SCHEM"));
            for (String table : MAIN_TABLES) {
                assertEquals(project(xerial.getColumns(null, null, table, "%"), "TABLE_SCHEM", "COLUMN_NAME", "TYPE_NAME",
                                "NULLABLE", "IS_NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION", "IS_GENERATEDCOLUMN"),
                        project(ours.getColumns(null, null, table, "%"), "TABLE_SCHEM", "COLUMN_NAME", "TYPE_NAME",
                                "NULLABLE", "IS_NULLABLE", "COLUMN_DEF", "ORDINAL_POSITION", "IS_GENERATEDCOLUMN"), table);
                if (table.equals("order view")) {
                    continue;
                }
                assertEquals(project(xerial.getPrimaryKeys(null, null, table), "TABLE_SCHEM", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"),
                        project(ours.getPrimaryKeys(null, null, table), "TABLE_SCHEM", "COLUMN_NAME", "KEY_SEQ", "PK_NAME"), table);
                String[] keyColumns = {"PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_SCHEM", "FKTABLE_NAME",
                        "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE"};
                assertEquals(project(xerial.getImportedKeys(null, null, table), keyColumns),
                        project(ours.getImportedKeys(null, null, table), keyColumns), table);
                assertEquals(project(xerial.getExportedKeys(null, null, table), keyColumns),
                        project(ours.getExportedKeys(null, null, table), keyColumns), table);
                assertEquals(sorted(project(xerial.getIndexInfo(null, null, table, false, false), "TABLE_SCHEM", "INDEX_NAME", "ORDINAL_POSITION")),
                        sorted(project(ours.getIndexInfo(null, null, table, false, false), "TABLE_SCHEM", "INDEX_NAME", "ORDINAL_POSITION")), table);
            }
        }
    }

    /** The chosen columns of every row as text, with "" and null treated alike. */
    private static List<String> project(ResultSet rs, String... labels) throws SQLException {
        List<String> projected = new ArrayList<>();
        for (Map<String, Object> row : rows(rs)) {
            List<String> values = new ArrayList<>();
            for (String label : labels) {
                Object value = row.get(label);
                values.add(value == null || value.toString().isEmpty() ? "-" : Objects.toString(value));
            }
            projected.add(String.join("|", values));
        }
        return projected;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().collect(Collectors.toList());
    }
}

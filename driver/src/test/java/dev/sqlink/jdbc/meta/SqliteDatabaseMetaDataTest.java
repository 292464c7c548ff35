package dev.sqlink.jdbc.meta;

import static dev.sqlink.jdbc.meta.MetadataFixture.column;
import static dev.sqlink.jdbc.meta.MetadataFixture.labels;
import static dev.sqlink.jdbc.meta.MetadataFixture.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DatabaseMetaData answers over the shared fixture schema (see {@link MetadataFixture}). */
class SqliteDatabaseMetaDataTest {

    @TempDir
    Path directory;
    private Connection connection;
    private DatabaseMetaData meta;

    @BeforeEach
    void open() throws SQLException {
        connection = MetadataFixture.open(directory);
        meta = MetadataFixture.metadata(connection);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private Map<String, Map<String, Object>> columnsByName(String table) throws SQLException {
        return rows(meta.getColumns(null, "main", table, null)).stream()
                .collect(Collectors.toMap(r -> (String) r.get("COLUMN_NAME"), r -> r));
    }

    @Test
    void productIsSqliteWithItsOwnVersionAndDriverIsOurs() throws SQLException {
        assertEquals("SQLite", meta.getDatabaseProductName());
        String version;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select sqlite_version()")) {
            rs.next();
            version = rs.getString(1);
        }
        assertEquals(version, meta.getDatabaseProductVersion());
        assertEquals(version, meta.getDatabaseMajorVersion() + "." + meta.getDatabaseMinorVersion()
                + version.substring(version.indexOf('.', version.indexOf('.') + 1)));
        assertEquals(SqliteDatabaseMetaData.DRIVER_NAME, meta.getDriverName());
        assertEquals("0.1.0", meta.getDriverVersion());
        assertEquals(MetadataFixture.URL_PREFIX + directory.resolve("main.db"), meta.getURL());
        assertEquals(connection, meta.getConnection());
    }

    /**
     * Main's objects have no schema name (null sorts first), temp's are "temp"; attached aux is
     * not in an unnarrowed listing (it was before: tools keyed by table name then mixed
     * aux.orders into main.orders, and xerial never lists attached databases).
     */
    @Test
    void tablesOfEveryKindAndSchemaInJdbcOrder() throws SQLException {
        List<Map<String, Object>> tables = rows(meta.getTables(null, null, "%", null));
        List<String> listed = tables.stream()
                .map(r -> r.get("TABLE_TYPE") + ":" + r.get("TABLE_SCHEM") + "." + r.get("TABLE_NAME"))
                .collect(Collectors.toList());
        assertEquals(List.of("GLOBAL TEMPORARY:temp.scratch",
                "SYSTEM TABLE:null.sqlite_schema", "SYSTEM TABLE:null.sqlite_sequence",
                "SYSTEM TABLE:temp.sqlite_temp_schema",
                "TABLE:null.Parent Table", "TABLE:null.a_b", "TABLE:null.axb",
                "TABLE:null.desc_quirk", "TABLE:null.gen", "TABLE:null.items", "TABLE:null.kv", "TABLE:null.orders",
                "TABLE:null.uq", "VIEW:null.order view"), listed);
        assertTrue(tables.stream().allMatch(r -> r.get("TABLE_CAT") == null));
        assertEquals(listed, rows(meta.getTables(null, "", "%", null)).stream()
                .map(r -> r.get("TABLE_TYPE") + ":" + r.get("TABLE_SCHEM") + "." + r.get("TABLE_NAME"))
                .collect(Collectors.toList()), "\"\" does not narrow either: tools built around xerial pass it for all");
    }

    /**
     * The schema main's objects report is the connection's schema (null), which is what Liquibase
     * and DBeaver compare it with: a "main" there made Liquibase's snapshot miss the table it was
     * rebuilding (it dropped the data) and its own changelog table.
     */
    @Test
    void mainObjectsReportTheConnectionsNullSchemaEverywhere() throws SQLException {
        assertNull(connection.getSchema());
        assertNull(connection.getCatalog());
        assertEquals(Collections.singletonList(null), column(meta.getTables(null, null, "items", null), "TABLE_SCHEM"));
        assertTrue(column(meta.getColumns(null, null, "items", "%"), "TABLE_SCHEM").stream().allMatch(s -> s == null));
        assertEquals(Collections.singletonList(null), column(meta.getPrimaryKeys(null, null, "items"), "TABLE_SCHEM"));
        assertTrue(column(meta.getIndexInfo(null, null, "items", false, true), "TABLE_SCHEM").stream().allMatch(s -> s == null));
        for (Map<String, Object> key : rows(meta.getImportedKeys(null, null, "items"))) {
            assertNull(key.get("PKTABLE_SCHEM"), key.toString());
            assertNull(key.get("FKTABLE_SCHEM"), key.toString());
        }
        assertTrue(column(meta.getPseudoColumns(null, null, "uq", "%"), "TABLE_SCHEM").stream().allMatch(s -> s == null));
    }

    @Test
    void tempAndAttachedDatabasesAreReachedByName() throws SQLException {
        assertEquals(List.of("Parent Table", "a_b", "axb", "desc_quirk", "gen", "items", "kv", "orders", "uq", "order view"),
                column(meta.getTables(null, "MAIN", "%", new String[] {"TABLE", "VIEW"}), "TABLE_NAME"), "main selects main, in any case");
        assertTrue(column(meta.getTables(null, "main", "%", null), "TABLE_SCHEM").stream().allMatch(s -> s == null));
        assertEquals(List.of("temp:scratch", "temp:sqlite_temp_schema"), rows(meta.getTables(null, "temp", "%", null)).stream()
                .map(r -> r.get("TABLE_SCHEM") + ":" + r.get("TABLE_NAME")).sorted().collect(Collectors.toList()));
        assertEquals(List.of("aux:orders", "aux:other", "aux:sqlite_schema"), rows(meta.getTables(null, "aux", "%", null)).stream()
                .map(r -> r.get("TABLE_SCHEM") + ":" + r.get("TABLE_NAME")).sorted().collect(Collectors.toList()));
        assertEquals(List.of("orders", "other"), column(meta.getTables(null, "a_x", "o%", null), "TABLE_NAME"),
                "a pattern other than % selects the attached databases it matches");
        assertEquals(List.of("aux"), column(meta.getColumns(null, "aux", "orders", "%"), "TABLE_SCHEM"));
        assertEquals(List.of("temp"), column(meta.getColumns(null, "temp", "scratch", "%"), "TABLE_SCHEM"));
        assertEquals(List.of("aux"), column(meta.getPrimaryKeys(null, "aux", "other"), "TABLE_SCHEM"));
        assertEquals(List.of(), column(meta.getPrimaryKeys(null, "aux", "kv"), "TABLE_SCHEM"), "kv lives in main only");
    }

    @Test
    void tableFiltersByTypeSchemaAndEscapedPattern() throws SQLException {
        assertEquals(List.of("order view"), column(meta.getTables(null, null, null, new String[] {"VIEW"}), "TABLE_NAME"));
        assertEquals(List.of("scratch"), column(meta.getTables(null, null, "%", new String[] {"GLOBAL TEMPORARY"}), "TABLE_NAME"));
        assertEquals(List.of("orders", "other"), column(meta.getTables(null, "aux", "%", new String[] {"TABLE"}), "TABLE_NAME"));
        assertEquals(List.of("a_b", "axb"), column(meta.getTables(null, "main", "a_b", null), "TABLE_NAME"));
        assertEquals(List.of("a_b"), column(meta.getTables(null, "main", "a\\_b", null), "TABLE_NAME"));
        assertEquals(List.of("Parent Table"), column(meta.getTables(null, null, "parent t%", null), "TABLE_NAME"));
        assertEquals(List.of(), column(meta.getTables(null, null, "%", new String[] {"SYNONYM"}), "TABLE_NAME"));
        assertEquals(List.of("GLOBAL TEMPORARY", "SYSTEM TABLE", "TABLE", "VIEW"), column(meta.getTableTypes(), "TABLE_TYPE"));
    }

    @Test
    void columnTypesFollowAffinityWithSizesFromTheDeclaration() throws SQLException {
        Map<String, Map<String, Object>> columns = columnsByName("Parent Table");
        Map<String, Object> name = columns.get("Na\"me");
        assertEquals(Types.VARCHAR, name.get("DATA_TYPE"));
        assertEquals("VARCHAR", name.get("TYPE_NAME"));
        assertEquals(20, name.get("COLUMN_SIZE"));
        assertEquals("'x'", name.get("COLUMN_DEF"));
        assertEquals(DatabaseMetaData.columnNoNulls, name.get("NULLABLE"));
        assertEquals("NO", name.get("IS_NULLABLE"));
        Map<String, Object> price = columns.get("price");
        assertEquals(Types.DECIMAL, price.get("DATA_TYPE"));
        assertEquals(10, price.get("COLUMN_SIZE"));
        assertEquals(2, price.get("DECIMAL_DIGITS"));
        assertEquals(Types.TIMESTAMP, columns.get("created").get("DATA_TYPE"));
        assertEquals("CURRENT_TIMESTAMP", columns.get("created").get("COLUMN_DEF"));
        assertEquals("", columns.get("untyped").get("TYPE_NAME"));
        assertEquals(Types.OTHER, columns.get("untyped").get("DATA_TYPE"));
        assertEquals(Types.BOOLEAN, columns.get("flag").get("DATA_TYPE"));
        assertEquals(Types.DOUBLE, columns.get("amount").get("DATA_TYPE"));
        assertEquals(Types.BIGINT, columns.get("big").get("DATA_TYPE"));
        assertEquals(Types.INTEGER, columns.get("point").get("DATA_TYPE"), "POINT contains INT: integer affinity");
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9),
                column(meta.getColumns(null, "main", "Parent Table", null), "ORDINAL_POSITION"));
        for (Map<String, Object> row : rows(meta.getColumns(null, null, "%", null))) {
            assertNotNull(row.get("TYPE_NAME"), row.toString());
        }
    }

    @Test
    void autoIncrementIsTheRowidAliasAndGeneratedColumnsAreListed() throws SQLException {
        assertEquals("YES", columnsByName("Parent Table").get("Id").get("IS_AUTOINCREMENT"));
        assertEquals("YES", columnsByName("items").get("id").get("IS_AUTOINCREMENT"));
        assertEquals("NO", columnsByName("desc_quirk").get("x").get("IS_AUTOINCREMENT"), "DESC makes it no rowid alias");
        assertEquals("NO", columnsByName("kv").get("k").get("IS_AUTOINCREMENT"));
        Map<String, Map<String, Object>> gen = columnsByName("gen");
        assertEquals("NO", gen.get("a").get("IS_GENERATEDCOLUMN"));
        assertEquals("YES", gen.get("b").get("IS_GENERATEDCOLUMN"));
        assertEquals("YES", gen.get("c").get("IS_GENERATEDCOLUMN"));
    }

    @Test
    void columnsOfViewsAttachedAndTempTablesAndColumnPatterns() throws SQLException {
        assertEquals(List.of("order_id", "n"), column(meta.getColumns(null, null, "order view", null), "COLUMN_NAME"));
        assertEquals(List.of("x", "y"), column(meta.getColumns(null, "aux", "other", null), "COLUMN_NAME"));
        assertEquals(List.of("t"), column(meta.getColumns(null, "temp", "scratch", null), "COLUMN_NAME"));
        assertEquals(List.of("z"), column(meta.getColumns(null, "aux", "orders", "_"), "COLUMN_NAME"));
        assertEquals(List.of("order_id", "line", "qty"), column(meta.getColumns(null, null, "orders", "%"), "COLUMN_NAME"),
                "aux.orders is not mixed in unless aux is named");
        assertEquals(List.of("t"), column(meta.getColumns(null, null, "scratch", null), "COLUMN_NAME"), "temp is in the default scope");
    }

    @Test
    void brokenViewHasNoColumnsInsteadOfFailingTheListing() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE doomed (a)");
            s.execute("CREATE VIEW orphan AS SELECT a FROM doomed");
            s.execute("DROP TABLE doomed");
        }
        assertEquals(List.of(), column(meta.getColumns(null, null, "orphan", null), "COLUMN_NAME"));
        assertFalse(rows(meta.getColumns(null, null, "%", null)).isEmpty());
    }

    @Test
    void primaryKeysAreCompositeAndNamed() throws SQLException {
        List<Map<String, Object>> keys = rows(meta.getPrimaryKeys(null, null, "orders"));
        assertEquals(2, keys.size(), "main.orders has two key columns (aux.orders, not searched, has none)");
        assertEquals("line", keys.get(0).get("COLUMN_NAME"));
        assertEquals(2, keys.get(0).get("KEY_SEQ"));
        assertEquals("order_id", keys.get(1).get("COLUMN_NAME"));
        assertEquals(1, keys.get(1).get("KEY_SEQ"));
        assertEquals("pk_orders", keys.get(1).get("PK_NAME"));
        assertEquals(List.of("k"), column(meta.getPrimaryKeys(null, "main", "kv"), "COLUMN_NAME"));
        assertEquals(List.of("Id"), column(meta.getPrimaryKeys(null, "main", "PARENT TABLE"), "COLUMN_NAME"));
        assertEquals(List.of(), column(meta.getPrimaryKeys(null, "main", "no such table"), "COLUMN_NAME"));
    }

    @Test
    void importedKeysCarryRulesNamesAndDeferrability() throws SQLException {
        List<Map<String, Object>> keys = rows(meta.getImportedKeys(null, "main", "items"));
        assertEquals(3, keys.size());
        Map<String, Object> parent = keys.get(0);
        assertEquals("Parent Table", parent.get("PKTABLE_NAME"));
        assertEquals("Id", parent.get("PKCOLUMN_NAME"));
        assertEquals("parent_id", parent.get("FKCOLUMN_NAME"));
        assertEquals("fk_parent", parent.get("FK_NAME"));
        assertEquals((int) DatabaseMetaData.importedKeyCascade, parent.get("DELETE_RULE"));
        assertEquals((int) DatabaseMetaData.importedKeySetNull, parent.get("UPDATE_RULE"));
        assertEquals((int) DatabaseMetaData.importedKeyNotDeferrable, parent.get("DEFERRABILITY"));
        Map<String, Object> order2 = keys.get(2);
        assertEquals("orders", order2.get("PKTABLE_NAME"));
        assertEquals("line", order2.get("PKCOLUMN_NAME"));
        assertEquals(2, order2.get("KEY_SEQ"));
        assertEquals("fk_order", order2.get("FK_NAME"));
        assertEquals("pk_orders", order2.get("PK_NAME"));
        assertEquals((int) DatabaseMetaData.importedKeySetDefault, order2.get("DELETE_RULE"));
        assertEquals((int) DatabaseMetaData.importedKeyNoAction, order2.get("UPDATE_RULE"));
        assertEquals((int) DatabaseMetaData.importedKeyInitiallyDeferred, order2.get("DEFERRABILITY"));
    }

    @Test
    void exportedKeysAndCrossReferenceFindTheChildren() throws SQLException {
        assertEquals(List.of("order_id", "line"), column(meta.getExportedKeys(null, "main", "orders"), "FKCOLUMN_NAME"));
        assertEquals(List.of(), column(meta.getExportedKeys(null, "aux", "orders"), "FKCOLUMN_NAME"));
        assertEquals(List.of("parent_id"), column(meta.getExportedKeys(null, null, "Parent Table"), "FKCOLUMN_NAME"));
        assertEquals(List.of("parent_id"),
                column(meta.getCrossReference(null, "main", "Parent Table", null, "main", "items"), "FKCOLUMN_NAME"));
        assertEquals(List.of(), column(meta.getCrossReference(null, null, "orders", null, null, "kv"), "FKCOLUMN_NAME"));
    }

    @Test
    void foreignKeyWithoutColumnListReferencesTheParentKey() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE child (o INTEGER, l INT, FOREIGN KEY (o, l) REFERENCES Orders"
                    + " DEFERRABLE INITIALLY IMMEDIATE)");
        }
        List<Map<String, Object>> keys = rows(meta.getImportedKeys(null, null, "child"));
        assertEquals(List.of("order_id", "line"), keys.stream().map(r -> r.get("PKCOLUMN_NAME")).collect(Collectors.toList()));
        assertEquals("orders", keys.get(0).get("PKTABLE_NAME"), "the parent's stored name, not the REFERENCES spelling");
        assertNull(keys.get(0).get("FK_NAME"));
        assertEquals((int) DatabaseMetaData.importedKeyInitiallyImmediate, keys.get(0).get("DEFERRABILITY"));
    }

    @Test
    void indexInfoShowsExpressionPartialAutomaticAndClusteredIndexes() throws SQLException {
        List<Map<String, Object>> items = rows(meta.getIndexInfo(null, "main", "items", false, true));
        assertEquals(List.of("idx_expr:lower(note)", "idx_expr:parent_id", "idx_partial:note"), items.stream()
                .map(r -> r.get("INDEX_NAME") + ":" + r.get("COLUMN_NAME")).collect(Collectors.toList()));
        assertEquals("note IS NOT NULL", items.get(2).get("FILTER_CONDITION"));
        assertEquals(true, items.get(0).get("NON_UNIQUE"));
        Map<String, Object> kv = rows(meta.getIndexInfo(null, "main", "kv", true, true)).get(0);
        assertEquals("sqlite_autoindex_kv_1", kv.get("INDEX_NAME"));
        assertEquals((int) DatabaseMetaData.tableIndexClustered, kv.get("TYPE"));
        assertEquals(List.of("sqlite_autoindex_uq_1"), column(meta.getIndexInfo(null, null, "uq", true, true), "INDEX_NAME"));
        Map<String, Object> name = rows(meta.getIndexInfo(null, null, "Parent Table", true, true)).get(0);
        assertEquals("Na\"me", name.get("COLUMN_NAME"));
        assertEquals("D", name.get("ASC_OR_DESC"));
        assertEquals(List.of(), column(meta.getIndexInfo(null, null, "items", true, true), "INDEX_NAME"));
    }

    /**
     * Deliberately empty, as xerial's (it listed aux, main, temp before): main has no schema name,
     * and a tool that finds schemas builds its tree from them (DBeaver's generic model then loads
     * tables per schema only, so main's would vanish if temp or aux were listed alone).
     */
    @Test
    void schemaAndCatalogListsAreEmpty() throws SQLException {
        assertEquals(List.of("TABLE_SCHEM", "TABLE_CATALOG"), labels(meta.getSchemas()));
        assertFalse(meta.getSchemas().next());
        assertFalse(meta.getSchemas(null, "%").next());
        assertFalse(meta.getSchemas(null, "aux").next());
        assertEquals(List.of("TABLE_CAT"), labels(meta.getCatalogs()));
        assertFalse(meta.getCatalogs().next());
    }

    @Test
    void typeInfoIsSortedByDataTypeAndCoversSqliteStorageClasses() throws SQLException {
        List<Map<String, Object>> types = rows(meta.getTypeInfo());
        List<Integer> dataTypes = types.stream().map(r -> (Integer) r.get("DATA_TYPE")).collect(Collectors.toList());
        assertEquals(dataTypes.stream().sorted().collect(Collectors.toList()), dataTypes);
        List<Object> names = types.stream().map(r -> r.get("TYPE_NAME")).collect(Collectors.toList());
        assertTrue(names.containsAll(List.of("INTEGER", "REAL", "TEXT", "BLOB", "NUMERIC")), names.toString());
    }

    @Test
    void functionsComeFromTheConnectionsFunctionList() throws SQLException {
        List<Map<String, Object>> substr = rows(meta.getFunctions(null, null, "substr"));
        assertEquals(List.of("substr(2)", "substr(3)"),
                substr.stream().map(r -> r.get("SPECIFIC_NAME")).collect(Collectors.toList()));
        assertEquals((int) DatabaseMetaData.functionNoTable, substr.get(0).get("FUNCTION_TYPE"));
        List<Map<String, Object>> columns = rows(meta.getFunctionColumns(null, null, "substr", null));
        assertEquals(2 + 3 + 2, columns.size(), "a result row plus one row per argument, for each overload");
        assertEquals((int) DatabaseMetaData.functionReturn, columns.get(0).get("COLUMN_TYPE"));
        assertTrue(List.of(meta.getNumericFunctions().split(",")).contains("abs"));
        assertTrue(List.of(meta.getStringFunctions().split(",")).contains("substr"));
        assertTrue(List.of(meta.getSystemFunctions().split(",")).contains("ifnull"));
        assertTrue(List.of(meta.getTimeDateFunctions().split(",")).contains("strftime"));
        assertTrue(meta.getSQLKeywords().contains("PRAGMA"));
    }

    @Test
    void rowidIsThePseudoColumnAndBestRowIdentifierPrefersThePrimaryKey() throws SQLException {
        List<Object> tables = column(meta.getPseudoColumns(null, "main", "%", "rowid"), "TABLE_NAME");
        assertTrue(tables.contains("uq"));
        assertFalse(tables.contains("kv"), "WITHOUT ROWID");
        assertFalse(tables.contains("order view"));
        assertEquals(List.of("order_id", "line"),
                column(meta.getBestRowIdentifier(null, "main", "orders", DatabaseMetaData.bestRowSession, true), "COLUMN_NAME"));
        List<Map<String, Object>> uq = rows(meta.getBestRowIdentifier(null, "main", "uq", DatabaseMetaData.bestRowTemporary, true));
        assertEquals("rowid", uq.get(0).get("COLUMN_NAME"));
        assertEquals((int) DatabaseMetaData.bestRowPseudo, uq.get(0).get("PSEUDO_COLUMN"));
    }

    @Test
    void objectsSqliteLacksGiveEmptyResultsWithTheSpecifiedColumns() throws SQLException {
        assertEquals(List.of("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2",
                "RESERVED3", "REMARKS", "PROCEDURE_TYPE", "SPECIFIC_NAME"), labels(meta.getProcedures(null, null, "%")));
        assertEquals(20, labels(meta.getProcedureColumns(null, null, "%", "%")).size());
        assertEquals(21, labels(meta.getAttributes(null, null, "%", "%")).size());
        assertEquals(7, labels(meta.getUDTs(null, null, "%", null)).size());
        assertEquals(6, labels(meta.getSuperTypes(null, null, "%")).size());
        assertEquals(4, labels(meta.getSuperTables(null, null, "%")).size());
        assertEquals(8, labels(meta.getColumnPrivileges(null, null, "items", "%")).size());
        assertEquals(7, labels(meta.getTablePrivileges(null, null, "%")).size());
        assertEquals(8, labels(meta.getVersionColumns(null, null, "items")).size());
        for (ResultSet empty : List.of(meta.getProcedures(null, null, "%"), meta.getUDTs(null, null, "%", null),
                meta.getTablePrivileges(null, null, "%"), meta.getVersionColumns(null, null, "items"))) {
            assertFalse(empty.next());
        }
        assertEquals(List.of("ApplicationName", "ClientHostname", "ClientUser"),
                column(meta.getClientInfoProperties(), "NAME"));
        assertEquals(24, labels(meta.getColumns(null, null, "nothing", null)).size());
        assertEquals(14, labels(meta.getImportedKeys(null, null, "nothing")).size());
        assertEquals(13, labels(meta.getIndexInfo(null, null, "nothing", false, false)).size());
        assertEquals(18, labels(meta.getTypeInfo()).size());
        assertEquals(17, labels(meta.getFunctionColumns(null, null, "nothing", null)).size());
    }

    @Test
    void capabilitiesDescribeSqlite() throws SQLException {
        assertTrue(meta.supportsSavepoints());
        assertTrue(meta.supportsGetGeneratedKeys());
        assertTrue(meta.supportsBatchUpdates());
        assertTrue(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
        assertTrue(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_UNCOMMITTED));
        assertFalse(meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ));
        assertEquals(Connection.TRANSACTION_SERIALIZABLE, meta.getDefaultTransactionIsolation());
        assertFalse(meta.supportsMultipleResultSets());
        assertTrue(meta.nullsAreSortedLow());
        assertFalse(meta.nullsAreSortedHigh());
        assertEquals("\"", meta.getIdentifierQuoteString());
        assertEquals("\\", meta.getSearchStringEscape());
        assertTrue(meta.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertFalse(meta.supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE));
        assertTrue(meta.supportsFullOuterJoins());
        assertEquals(4, meta.getJDBCMajorVersion());
    }

    @Test
    void nullsReallySortLowInSqlite() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT x FROM (SELECT 1 AS x UNION ALL SELECT NULL) ORDER BY x")) {
            rs.next();
            rs.getObject(1);
            assertTrue(rs.wasNull(), "NULL first ascending, as nullsAreSortedLow says");
        }
    }

    @Test
    void resultSetsAreReadOnlyAndTyped() throws SQLException {
        ResultSet rs = meta.getPrimaryKeys(null, "main", "orders");
        assertEquals(Types.SMALLINT, rs.getMetaData().getColumnType(5));
        assertTrue(rs.next());
        assertEquals((short) 2, rs.getShort("key_seq"));
        assertEquals("2", rs.getString("KEY_SEQ"));
        assertNull(rs.getString("TABLE_CAT"));
        assertTrue(rs.wasNull());
        assertThrows(SQLException.class, () -> rs.updateString(1, "x"));
        assertThrows(SQLException.class, () -> rs.getString("NO_SUCH_COLUMN"));
        assertNull(rs.getStatement());
        rs.close();
        assertThrows(SQLException.class, rs::next);
    }
}

package dev.sqlink.conformance.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What DBeaver asks when it opens an SQLite database, builds its navigator tree and shows DDL:
 * its generic JDBC model walks DatabaseMetaData (data source info, catalogs, schemas, table types,
 * tables, columns, primary keys, indexes, imported and exported keys, type info, procedures,
 * functions), and its SQLite model adds its own queries on sqlite_master, sqlite_temp_master,
 * sqlite_sequence and pragma_index_info. The calls and queries below are written from reading
 * which ones DBeaver's SQLite plugin issues and which result columns it reads.
 */
class DbeaverMetadataWalkTest {

    private static final List<String> USER_TABLES = List.of("customer", "order_line", "orders", "product");

    @TempDir
    Path directory;

    private Connection connection;
    private DatabaseMetaData meta;

    @BeforeEach
    void createSchema() throws Exception {
        ConsumerDatabase database = new ConsumerDatabase(directory, "dbeaver");
        connection = java.sql.DriverManager.getConnection(database.url());
        try (Statement statement = connection.createStatement()) {
            for (String sql : scriptStatements("consumers/dbeaver-schema.sql")) {
                statement.execute(sql);
            }
        }
        meta = connection.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void dataSourceInfo() throws Throwable {
        assertEquals("SQLite", meta.getDatabaseProductName(), "DBeaver and every consumer key SQLite support on this");
        assertTrue(meta.getDatabaseProductVersion().startsWith("3."), meta.getDatabaseProductVersion());
        assertEquals(3, meta.getDatabaseMajorVersion());
        assertTrue(meta.getDatabaseMinorVersion() >= 30, "DBeaver reads WITHOUT ROWID via pragma_index_info from 3.30 on");
        assertNotNull(meta.getDriverName());
        assertNotNull(meta.getDriverVersion());
        assertEquals("\"", meta.getIdentifierQuoteString());
        assertNotNull(meta.getSQLKeywords());
        assertTrue(meta.supportsTransactions());
        assertTrue(meta.supportsBatchUpdates());
        assertFalse(meta.isReadOnly());
        // DBeaver reads these to configure its SQL dialect; they must answer, not throw.
        meta.getCatalogSeparator();
        meta.getCatalogTerm();
        meta.getSchemaTerm();
        meta.getProcedureTerm();
        meta.getSearchStringEscape();
        meta.getExtraNameCharacters();
        meta.getNumericFunctions();
        meta.getStringFunctions();
        meta.getSystemFunctions();
        meta.getTimeDateFunctions();
        meta.getSQLStateType();
        meta.getDefaultTransactionIsolation();
        meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE);
        meta.storesLowerCaseIdentifiers();
        meta.storesUpperCaseIdentifiers();
        meta.storesMixedCaseIdentifiers();
        meta.storesLowerCaseQuotedIdentifiers();
        meta.storesUpperCaseQuotedIdentifiers();
        meta.supportsMixedCaseIdentifiers();
        meta.supportsMixedCaseQuotedIdentifiers();
        meta.isCatalogAtStart();
        meta.supportsCatalogsInDataManipulation();
        meta.supportsSchemasInDataManipulation();
        meta.supportsSchemasInTableDefinitions();
        meta.supportsSubqueriesInExists();
        meta.supportsCorrelatedSubqueries();
        drain(meta.getCatalogs());
        drain(meta.getSchemas());
        ReferenceGap.check("getClientInfoProperties throws SQLFeatureNotSupportedException",
                () -> drain(meta.getClientInfoProperties()));
        drain(meta.getProcedures(null, null, "%"));
        drain(meta.getFunctions(null, null, "%"));
    }

    @Test
    void navigatorTablesViewsAndTypes() throws SQLException {
        List<String> tableTypes = column(meta.getTableTypes(), "TABLE_TYPE");
        assertTrue(tableTypes.contains("TABLE") && tableTypes.contains("VIEW"), tableTypes.toString());

        Map<String, String> typeByName = new TreeMap<>();
        try (ResultSet tables = meta.getTables(null, null, "%", null)) {
            while (tables.next()) {
                // DBeaver's generic model reads these columns of every row.
                tables.getString("TABLE_CAT");
                tables.getString("TABLE_SCHEM");
                tables.getString("REMARKS");
                typeByName.put(tables.getString("TABLE_NAME"), tables.getString("TABLE_TYPE"));
            }
        }
        for (String table : USER_TABLES) {
            assertEquals("TABLE", typeByName.get(table), () -> table + " in " + typeByName);
        }
        assertEquals("VIEW", typeByName.get("order_totals"), typeByName::toString);
        typeByName.forEach((name, type) -> assertTrue(!name.startsWith("sqlite_") || !"TABLE".equals(type),
                () -> "SQLite's internal " + name + " must not pass for a user table, got " + type));

        assertEquals(List.of("order_totals"), column(meta.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME"));

        List<String> typeNames = column(meta.getTypeInfo(), "TYPE_NAME");
        for (String expected : List.of("INTEGER", "TEXT", "BLOB")) {
            assertTrue(typeNames.stream().anyMatch(expected::equalsIgnoreCase), () -> expected + " in type info " + typeNames);
        }
    }

    @Test
    void columnsIncludingGeneratedOnes() throws Throwable {
        Map<String, Map<String, String>> columns = columns("customer");
        assertEquals("YES", columns.get("id").get("IS_AUTOINCREMENT"), "AUTOINCREMENT column");
        assertEquals("0", columns.get("email").get("NULLABLE"));
        assertEquals("CURRENT_TIMESTAMP", columns.get("created").get("COLUMN_DEF"));
        assertEquals("TIMESTAMP", columns.get("created").get("TYPE_NAME"));
        ReferenceGap.check("getColumns omits generated columns (it reads pragma table_info, not table_xinfo)", () -> {
            assertEquals(List.of("id", "email", "first_name", "last_name", "full_name", "email_domain", "created"),
                    new ArrayList<>(columns.keySet()));
            assertEquals("YES", columns.get("full_name").get("IS_GENERATEDCOLUMN"));
            assertEquals("YES", columns.get("email_domain").get("IS_GENERATEDCOLUMN"));
            assertEquals("NO", columns.get("first_name").get("IS_GENERATEDCOLUMN"));
        });

        Map<String, Map<String, String>> lines = columns("order_line");
        assertEquals(List.of("order_id", "line_no", "sku", "variant", "qty"), new ArrayList<>(lines.keySet()));
        assertEquals("1", lines.get("qty").get("COLUMN_DEF"));
        assertEquals("NO", lines.get("qty").get("IS_AUTOINCREMENT"));

        Map<String, Map<String, String>> product = columns("product");
        assertEquals("NUMERIC", product.get("price").get("TYPE_NAME").replaceAll("\\(.*", ""),
                "DBeaver strips the (10,2) itself when the driver keeps it");

        assertEquals(List.of("order_id", "email", "items"), new ArrayList<>(columns("order_totals").keySet()));
    }

    @Test
    void compositeAndWithoutRowidPrimaryKeys() throws SQLException {
        assertEquals(List.of("order_id:1", "line_no:2"), primaryKey("order_line"));
        assertEquals(List.of("sku:1", "variant:2"), primaryKey("product"));
        assertEquals(List.of("id:1"), primaryKey("orders"));
    }

    @Test
    void indexesIncludingExpressionPartialAndDescending() throws Throwable {
        Map<String, List<String>> lineIndexes = indexes("order_line");
        assertEquals(List.of("sku:1", "variant:2"), lineIndexes.get("line_by_product").stream()
                .map(s -> s.replaceAll(":[^:]*:", ":")).toList(), lineIndexes::toString);
        ReferenceGap.check("getIndexInfo leaves ASC_OR_DESC null", () -> assertEquals(List.of("sku:A:1", "variant:D:2"),
                lineIndexes.get("line_by_product"), lineIndexes::toString));

        Map<String, List<String>> orderIndexes = indexes("orders");
        assertEquals(List.of("customer_id", "placed"),
                orderIndexes.get("orders_once_a_day").stream().map(s -> s.replaceAll(":.*", "")).toList(),
                orderIndexes::toString);
        assertTrue(nonUnique("orders", "orders_once_a_day") == Boolean.FALSE, "a UNIQUE index");

        Map<String, List<String>> customerIndexes = indexes("customer");
        assertTrue(customerIndexes.containsKey("customer_lower_last"), () -> "expression index listed: " + customerIndexes);
        assertTrue(customerIndexes.keySet().stream().anyMatch(name -> name.startsWith("sqlite_autoindex_customer")),
                () -> "the UNIQUE constraint's index is listed: " + customerIndexes);
    }

    @Test
    void foreignKeysWithRulesAndCompositeColumns() throws SQLException {
        List<String> imported = new ArrayList<>();
        try (ResultSet keys = meta.getImportedKeys(null, null, "order_line")) {
            while (keys.next()) {
                imported.add(keys.getString("FKCOLUMN_NAME") + "->" + keys.getString("PKTABLE_NAME") + "."
                        + keys.getString("PKCOLUMN_NAME") + " seq" + keys.getInt("KEY_SEQ") + " del" + keys.getInt("DELETE_RULE")
                        + " name=" + keys.getString("FK_NAME"));
                keys.getInt("UPDATE_RULE");
                keys.getInt("DEFERRABILITY");
                keys.getString("PK_NAME");
            }
        }
        imported.sort(null);
        assertEquals(List.of(
                "order_id->orders.id seq1 del" + DatabaseMetaData.importedKeyCascade + " name=fk_line_order",
                "sku->product.sku seq1 del" + DatabaseMetaData.importedKeyRestrict + " name=fk_line_product",
                "variant->product.variant seq2 del" + DatabaseMetaData.importedKeyRestrict + " name=fk_line_product"), imported);

        List<String> exported = new ArrayList<>();
        try (ResultSet keys = meta.getExportedKeys(null, null, "customer")) {
            while (keys.next()) {
                exported.add(keys.getString("FKTABLE_NAME") + "." + keys.getString("FKCOLUMN_NAME")
                        + " del" + keys.getInt("DELETE_RULE") + " upd" + keys.getInt("UPDATE_RULE"));
            }
        }
        assertEquals(List.of("orders.customer_id del" + DatabaseMetaData.importedKeyCascade + " upd" + DatabaseMetaData.importedKeyCascade),
                exported);
    }

    @Test
    void sqliteModelQueries() throws SQLException {
        // Triggers of a table, as DBeaver's SQLite model loads them.
        try (PreparedStatement triggers = connection.prepareStatement(
                "SELECT name as TRIGGER_NAME, tbl_name as OWNER FROM sqlite_master WHERE type='trigger' AND tbl_name=?")) {
            triggers.setString(1, "customer");
            assertEquals(List.of("customer_touch"), column(triggers.executeQuery(), "TRIGGER_NAME"));
        }
        // DDL view: the object's own sql from sqlite_master and sqlite_temp_master.
        assertTrue(masterDefinition("table", "product", "product").contains("WITHOUT ROWID"));
        assertTrue(masterDefinition("view", "order_totals", "order_totals").startsWith("CREATE VIEW order_totals"));
        assertTrue(masterDefinition("trigger", "order_line", "order_line_guard").contains("RAISE(ABORT, 'too many')"));
        String indexDdl = masterDefinition("index", "customer", null);
        assertTrue(indexDdl.contains("lower(last_name)"), indexDdl);

        assertTrue(isWithoutRowid("product"));
        assertFalse(isWithoutRowid("orders"));

        try (Statement statement = connection.createStatement()) {
            try (ResultSet probe = statement.executeQuery("SELECT 1 FROM sqlite_sequence")) {
                assertTrue(probe.next(), "AUTOINCREMENT created sqlite_sequence");
            }
            try (ResultSet sequences = statement.executeQuery("SELECT * FROM sqlite_sequence")) {
                assertTrue(sequences.next());
                assertEquals("customer", sequences.getString(1));
                assertEquals(2, sequences.getLong(2));
            }
            // The data editor: rows of a table with the rowid pseudo column, limited as DBeaver appends LIMIT.
            try (ResultSet rows = statement.executeQuery("SELECT rowid, t.* FROM order_line t LIMIT 200")) {
                assertEquals("rowid", rows.getMetaData().getColumnName(1).toLowerCase());
                assertTrue(rows.next());
            }
        }
    }

    @Test
    void pragmaFunctionsAgreeWithDatabaseMetaData() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertEquals(List.of("order_id", "line_no", "sku", "variant", "qty"),
                    column(statement.executeQuery("SELECT name FROM pragma_table_xinfo('order_line') ORDER BY cid"), "name"));
            assertEquals(List.of("2", "2"), column(statement.executeQuery(
                    "SELECT hidden FROM pragma_table_xinfo('customer') WHERE name IN ('full_name') UNION ALL"
                            + " SELECT 2 FROM pragma_table_xinfo('customer') WHERE name = 'email_domain' AND hidden = 3"), "hidden"));
            assertEquals(List.of("fk_line_order?", "product"), column(statement.executeQuery(
                    "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list('order_line') ORDER BY 1"), "table").stream()
                    .map(t -> t.equals("orders") ? "fk_line_order?" : t).toList());
            assertEquals(List.of("line_by_product", "sqlite_autoindex_order_line_1"), column(statement.executeQuery(
                    "SELECT name FROM pragma_index_list('order_line') ORDER BY name"), "name"));
        }
    }

    private String masterDefinition(String type, String table, String name) throws SQLException {
        String filter = "type=? AND tbl_name=?" + (name != null ? " AND name=?" : "");
        try (PreparedStatement ddl = connection.prepareStatement(
                "SELECT sql FROM sqlite_master WHERE " + filter + "\nUNION ALL\nSELECT sql FROM sqlite_temp_master WHERE " + filter + "\n")) {
            int index = 1;
            for (int copy = 0; copy < 2; copy++) {
                ddl.setString(index++, type);
                ddl.setString(index++, table);
                if (name != null) {
                    ddl.setString(index++, name);
                }
            }
            StringBuilder text = new StringBuilder();
            try (ResultSet rows = ddl.executeQuery()) {
                while (rows.next()) {
                    if (rows.getString(1) != null) {
                        text.append(rows.getString(1)).append(";\n");
                    }
                }
            }
            return text.toString();
        }
    }

    private boolean isWithoutRowid(String table) throws SQLException {
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT EXISTS(SELECT 1 FROM pragma_index_info(?)) as isWithoutRowId")) {
            probe.setString(1, table);
            try (ResultSet rows = probe.executeQuery()) {
                return rows.next() && rows.getBoolean("isWithoutRowId");
            }
        }
    }

    private Map<String, Map<String, String>> columns(String table) throws SQLException {
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        try (ResultSet rows = meta.getColumns(null, null, table, "%")) {
            while (rows.next()) {
                Map<String, String> values = new LinkedHashMap<>();
                // The columns DBeaver's generic model reads for each attribute.
                for (String label : List.of("DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "NULLABLE", "DECIMAL_DIGITS",
                        "NUM_PREC_RADIX", "COLUMN_DEF", "REMARKS", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION",
                        "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN", "SOURCE_DATA_TYPE")) {
                    values.put(label, rows.getString(label));
                }
                columns.put(rows.getString("COLUMN_NAME"), values);
            }
        }
        return columns;
    }

    private List<String> primaryKey(String table) throws SQLException {
        Map<Integer, String> byPosition = new TreeMap<>();
        try (ResultSet rows = meta.getPrimaryKeys(null, null, table)) {
            while (rows.next()) {
                rows.getString("PK_NAME");
                byPosition.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME") + ":" + rows.getInt("KEY_SEQ"));
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    /** Index name to "column:ASC_OR_DESC:ORDINAL_POSITION" entries, as DBeaver's index cache reads them. */
    private Map<String, List<String>> indexes(String table) throws SQLException {
        Map<String, List<String>> indexes = new TreeMap<>();
        try (ResultSet rows = meta.getIndexInfo(null, null, table, false, true)) {
            while (rows.next()) {
                rows.getBoolean("NON_UNIQUE");
                rows.getString("INDEX_QUALIFIER");
                rows.getShort("TYPE");
                rows.getLong("CARDINALITY");
                indexes.computeIfAbsent(rows.getString("INDEX_NAME"), name -> new ArrayList<>())
                        .add(rows.getString("COLUMN_NAME") + ":" + rows.getString("ASC_OR_DESC") + ":" + rows.getInt("ORDINAL_POSITION"));
            }
        }
        return indexes;
    }

    private Boolean nonUnique(String table, String index) throws SQLException {
        try (ResultSet rows = meta.getIndexInfo(null, null, table, false, true)) {
            while (rows.next()) {
                if (index.equals(rows.getString("INDEX_NAME"))) {
                    return rows.getBoolean("NON_UNIQUE");
                }
            }
        }
        return null;
    }

    private static List<String> column(ResultSet rows, String label) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(label));
            }
        }
        return values;
    }

    private static void drain(ResultSet rows) throws SQLException {
        try (rows) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    rows.getObject(i);
                }
            }
        }
    }

    /** The schema script split at statement ends: a statement ends with a ";" at the end of a line followed by CREATE or INSERT. */
    private static List<String> scriptStatements(String resource) throws IOException {
        try (InputStream in = DbeaverMetadataWalkTest.class.getClassLoader().getResourceAsStream(resource)) {
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> statements = new ArrayList<>();
            for (String part : script.split(";\\s*\\n(?=CREATE|INSERT)")) {
                if (!part.isBlank()) {
                    statements.add(part.strip().replaceAll(";$", ""));
                }
            }
            return statements;
        }
    }
}

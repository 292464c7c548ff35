package dev.sqlink.jdbc.meta;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * DatabaseMetaData for SQLite, built only on standard JDBC calls on the connection it describes
 * (SQL over sqlite_schema and the pragma table-valued functions), so it works over any JDBC
 * connection to SQLite. Answers to the supports* questions describe SQLite as this driver runs it.
 *
 * <p>Schemas follow xerial sqlite-jdbc, because tools are built around its answers. There are no
 * catalogs. The main database has no schema name: its objects report {@code TABLE_SCHEM} null
 * (and null PKTABLE_SCHEM/FKTABLE_SCHEM), and {@link #getSchemas()} is empty. Liquibase and
 * DBeaver's generic model treat SQLite as one schemaless container and match what they find
 * against the connection's null schema; when main was reported as "main", Liquibase's snapshot
 * no longer found the table it was rebuilding, created it without its old columns, dropped the
 * old one with its data, and could not find its own DATABASECHANGELOG on the next run. temp and
 * attached databases stay reachable by name: their objects report their database's name, a schema
 * argument "temp", "aux" (or a pattern) selects them and "main" selects main. A schema argument
 * that does not narrow (null, "" or "%") covers main and temp, as xerial's listings do; attached
 * databases are only searched when named, so their tables never mix with main's in a tool that
 * keys what it finds by table name. See {@link SchemaScope}.
 */
public final class SqliteDatabaseMetaData implements DatabaseMetaData {

    public static final String DRIVER_NAME = "sqlink-jdbc";
    public static final int DRIVER_MAJOR_VERSION = 0;
    public static final int DRIVER_MINOR_VERSION = 1;
    public static final String DRIVER_VERSION = "0.1.0";

    /** SQLite keywords that are not SQL:2003 keywords, as getSQLKeywords must list them. */
    private static final String SQLITE_ONLY_KEYWORDS = "ABORT,ANALYZE,ATTACH,AUTOINCREMENT,CONFLICT,DATABASE,"
            + "DETACH,EXCLUSIVE,EXPLAIN,FAIL,GLOB,IGNORE,INDEX,INDEXED,INSTEAD,ISNULL,LIMIT,MATERIALIZED,NOTHING,"
            + "NOTNULL,OFFSET,PLAN,PRAGMA,QUERY,RAISE,REGEXP,REINDEX,RENAME,REPLACE,RETURNING,TEMP,VACUUM,"
            + "VIRTUAL,WITHOUT";

    private final Connection connection;
    private final String url;
    private final TableResults tables;
    private final ColumnResults columns;
    private final ForeignKeyResults foreignKeys;
    private final IndexResults indexes;
    private final FunctionResults functions;
    private String productVersion;

    public SqliteDatabaseMetaData(Connection connection) {
        this(connection, null);
    }

    /** @param url the JDBC URL the connection was opened with, reported by getURL */
    public SqliteDatabaseMetaData(Connection connection, String url) {
        if (connection == null) {
            throw new IllegalArgumentException("DatabaseMetaData needs the connection it describes, got null");
        }
        this.connection = connection;
        this.url = url;
        SchemaReader reader = new SchemaReader(connection);
        this.tables = new TableResults(reader);
        this.columns = new ColumnResults(reader);
        this.foreignKeys = new ForeignKeyResults(reader);
        this.indexes = new IndexResults(reader);
        this.functions = new FunctionResults(reader);
    }

    // ---- identity ----

    @Override public Connection getConnection() { return connection; }
    @Override public String getURL() { return url; }
    @Override public String getUserName() { return null; }
    @Override public boolean isReadOnly() throws SQLException { return connection.isReadOnly(); }
    @Override public String getDatabaseProductName() { return "SQLite"; }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        if (productVersion == null) {
            try (var statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT sqlite_version()")) {
                rs.next();
                productVersion = rs.getString(1);
            }
        }
        return productVersion;
    }

    @Override public int getDatabaseMajorVersion() throws SQLException { return versionPart(0); }
    @Override public int getDatabaseMinorVersion() throws SQLException { return versionPart(1); }

    private int versionPart(int index) throws SQLException {
        String[] parts = getDatabaseProductVersion().split("\\.");
        return index < parts.length ? Integer.parseInt(parts[index]) : 0;
    }

    @Override public String getDriverName() { return DRIVER_NAME; }
    @Override public String getDriverVersion() { return DRIVER_VERSION; }
    @Override public int getDriverMajorVersion() { return DRIVER_MAJOR_VERSION; }
    @Override public int getDriverMinorVersion() { return DRIVER_MINOR_VERSION; }
    @Override public int getJDBCMajorVersion() { return 4; }
    @Override public int getJDBCMinorVersion() { return 3; }
    @Override public int getSQLStateType() { return sqlStateSQL; }

    // ---- files and identifiers ----

    @Override public boolean usesLocalFiles() { return true; }
    @Override public boolean usesLocalFilePerTable() { return false; }
    // Unquoted and quoted identifiers are both case-insensitive and stored as written.
    @Override public boolean supportsMixedCaseIdentifiers() { return false; }
    @Override public boolean storesUpperCaseIdentifiers() { return false; }
    @Override public boolean storesLowerCaseIdentifiers() { return false; }
    @Override public boolean storesMixedCaseIdentifiers() { return true; }
    @Override public boolean supportsMixedCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesUpperCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesLowerCaseQuotedIdentifiers() { return false; }
    @Override public boolean storesMixedCaseQuotedIdentifiers() { return true; }
    @Override public String getIdentifierQuoteString() { return "\""; }
    @Override public String getSearchStringEscape() { return String.valueOf(NameFilter.ESCAPE); }
    @Override public String getExtraNameCharacters() { return "$"; }
    @Override public String getSchemaTerm() { return "schema"; }
    @Override public String getProcedureTerm() { return "procedure"; }
    @Override public String getCatalogTerm() { return "catalog"; }
    @Override public boolean isCatalogAtStart() { return true; }
    @Override public String getCatalogSeparator() { return "."; }

    // ---- keywords and functions ----

    @Override public String getSQLKeywords() { return SQLITE_ONLY_KEYWORDS; }
    @Override public String getNumericFunctions() throws SQLException { return functions.available(FunctionResults.NUMERIC); }
    @Override public String getStringFunctions() throws SQLException { return functions.available(FunctionResults.STRING); }
    @Override public String getSystemFunctions() throws SQLException { return functions.available(FunctionResults.SYSTEM); }
    @Override public String getTimeDateFunctions() throws SQLException { return functions.available(FunctionResults.TIME_DATE); }

    // ---- SQL features ----

    @Override public boolean allProceduresAreCallable() { return false; }
    @Override public boolean allTablesAreSelectable() { return true; }
    @Override public boolean nullsAreSortedHigh() { return false; }
    @Override public boolean nullsAreSortedLow() { return true; }
    @Override public boolean nullsAreSortedAtStart() { return false; }
    @Override public boolean nullsAreSortedAtEnd() { return false; }
    @Override public boolean nullPlusNonNullIsNull() { return true; }
    @Override public boolean supportsAlterTableWithAddColumn() { return true; }
    @Override public boolean supportsAlterTableWithDropColumn() { return true; }
    @Override public boolean supportsColumnAliasing() { return true; }
    @Override public boolean supportsConvert() { return false; }
    @Override public boolean supportsConvert(int fromType, int toType) { return false; }
    @Override public boolean supportsTableCorrelationNames() { return true; }
    @Override public boolean supportsDifferentTableCorrelationNames() { return false; }
    @Override public boolean supportsExpressionsInOrderBy() { return true; }
    @Override public boolean supportsOrderByUnrelated() { return true; }
    @Override public boolean supportsGroupBy() { return true; }
    @Override public boolean supportsGroupByUnrelated() { return true; }
    @Override public boolean supportsGroupByBeyondSelect() { return true; }
    @Override public boolean supportsLikeEscapeClause() { return true; }
    @Override public boolean supportsMultipleResultSets() { return false; }
    @Override public boolean supportsMultipleTransactions() { return true; }
    @Override public boolean supportsNonNullableColumns() { return true; }
    @Override public boolean supportsMinimumSQLGrammar() { return true; }
    @Override public boolean supportsCoreSQLGrammar() { return true; }
    @Override public boolean supportsExtendedSQLGrammar() { return false; }
    @Override public boolean supportsANSI92EntryLevelSQL() { return false; }
    @Override public boolean supportsANSI92IntermediateSQL() { return false; }
    @Override public boolean supportsANSI92FullSQL() { return false; }
    @Override public boolean supportsIntegrityEnhancementFacility() { return true; }
    @Override public boolean supportsOuterJoins() { return true; }
    @Override public boolean supportsFullOuterJoins() { return true; }
    @Override public boolean supportsLimitedOuterJoins() { return true; }
    @Override public boolean supportsSchemasInDataManipulation() { return true; }
    @Override public boolean supportsSchemasInProcedureCalls() { return false; }
    @Override public boolean supportsSchemasInTableDefinitions() { return true; }
    @Override public boolean supportsSchemasInIndexDefinitions() { return true; }
    @Override public boolean supportsSchemasInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsCatalogsInDataManipulation() { return false; }
    @Override public boolean supportsCatalogsInProcedureCalls() { return false; }
    @Override public boolean supportsCatalogsInTableDefinitions() { return false; }
    @Override public boolean supportsCatalogsInIndexDefinitions() { return false; }
    @Override public boolean supportsCatalogsInPrivilegeDefinitions() { return false; }
    @Override public boolean supportsPositionedDelete() { return false; }
    @Override public boolean supportsPositionedUpdate() { return false; }
    @Override public boolean supportsSelectForUpdate() { return false; }
    @Override public boolean supportsStoredProcedures() { return false; }
    @Override public boolean supportsSubqueriesInComparisons() { return true; }
    @Override public boolean supportsSubqueriesInExists() { return true; }
    @Override public boolean supportsSubqueriesInIns() { return true; }
    @Override public boolean supportsSubqueriesInQuantifieds() { return false; }
    @Override public boolean supportsCorrelatedSubqueries() { return true; }
    @Override public boolean supportsUnion() { return true; }
    @Override public boolean supportsUnionAll() { return true; }
    @Override public boolean supportsStoredFunctionsUsingCallSyntax() { return false; }
    @Override public boolean supportsSharding() { return false; }
    @Override public boolean supportsRefCursors() { return false; }

    // ---- limits (SQLite's compile-time defaults; 0 = no limit or unknown) ----

    @Override public int getMaxBinaryLiteralLength() { return SqliteTypes.MAX_LENGTH; }
    @Override public int getMaxCharLiteralLength() { return SqliteTypes.MAX_LENGTH; }
    @Override public int getMaxColumnNameLength() { return 0; }
    @Override public int getMaxColumnsInGroupBy() { return 2000; }
    @Override public int getMaxColumnsInIndex() { return 2000; }
    @Override public int getMaxColumnsInOrderBy() { return 2000; }
    @Override public int getMaxColumnsInSelect() { return 2000; }
    @Override public int getMaxColumnsInTable() { return 2000; }
    @Override public int getMaxConnections() { return 0; }
    @Override public int getMaxCursorNameLength() { return 0; }
    @Override public int getMaxIndexLength() { return 0; }
    @Override public int getMaxSchemaNameLength() { return 0; }
    @Override public int getMaxProcedureNameLength() { return 0; }
    @Override public int getMaxCatalogNameLength() { return 0; }
    @Override public int getMaxRowSize() { return SqliteTypes.MAX_LENGTH; }
    @Override public boolean doesMaxRowSizeIncludeBlobs() { return true; }
    @Override public int getMaxStatementLength() { return SqliteTypes.MAX_LENGTH; }
    @Override public int getMaxStatements() { return 0; }
    @Override public int getMaxTableNameLength() { return 0; }
    @Override public int getMaxTablesInSelect() { return 64; }
    @Override public int getMaxUserNameLength() { return 0; }
    @Override public long getMaxLogicalLobSize() { return SqliteTypes.MAX_LENGTH; }

    // ---- transactions ----

    @Override public int getDefaultTransactionIsolation() { return Connection.TRANSACTION_SERIALIZABLE; }
    @Override public boolean supportsTransactions() { return true; }

    /** SERIALIZABLE always; READ_UNCOMMITTED through PRAGMA read_uncommitted (shared cache). */
    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level == Connection.TRANSACTION_SERIALIZABLE || level == Connection.TRANSACTION_READ_UNCOMMITTED;
    }

    @Override public boolean supportsDataDefinitionAndDataManipulationTransactions() { return true; }
    @Override public boolean supportsDataManipulationTransactionsOnly() { return false; }
    @Override public boolean dataDefinitionCausesTransactionCommit() { return false; }
    @Override public boolean dataDefinitionIgnoredInTransactions() { return false; }
    @Override public boolean supportsOpenCursorsAcrossCommit() { return false; }
    @Override public boolean supportsOpenCursorsAcrossRollback() { return false; }
    @Override public boolean supportsOpenStatementsAcrossCommit() { return true; }
    @Override public boolean supportsOpenStatementsAcrossRollback() { return true; }
    @Override public boolean supportsSavepoints() { return true; }
    @Override public boolean autoCommitFailureClosesAllResultSets() { return false; }

    // ---- statements and result sets ----

    @Override public boolean supportsBatchUpdates() { return true; }
    @Override public boolean supportsGetGeneratedKeys() { return true; }
    @Override public boolean generatedKeyAlwaysReturned() { return false; }
    @Override public boolean supportsNamedParameters() { return false; }
    @Override public boolean supportsMultipleOpenResults() { return false; }
    @Override public boolean supportsStatementPooling() { return true; }
    @Override public boolean locatorsUpdateCopy() { return true; }
    @Override public RowIdLifetime getRowIdLifetime() { return RowIdLifetime.ROWID_UNSUPPORTED; }

    /** Result sets are forward-only and read-only. */
    @Override public boolean supportsResultSetType(int type) { return type == ResultSet.TYPE_FORWARD_ONLY; }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override public boolean supportsResultSetHoldability(int holdability) { return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override public int getResultSetHoldability() { return ResultSet.CLOSE_CURSORS_AT_COMMIT; }
    @Override public boolean ownUpdatesAreVisible(int type) { return false; }
    @Override public boolean ownDeletesAreVisible(int type) { return false; }
    @Override public boolean ownInsertsAreVisible(int type) { return false; }
    @Override public boolean othersUpdatesAreVisible(int type) { return false; }
    @Override public boolean othersDeletesAreVisible(int type) { return false; }
    @Override public boolean othersInsertsAreVisible(int type) { return false; }
    @Override public boolean updatesAreDetected(int type) { return false; }
    @Override public boolean deletesAreDetected(int type) { return false; }
    @Override public boolean insertsAreDetected(int type) { return false; }

    // ---- catalog results (catalog arguments are ignored: SQLite has no catalogs) ----

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        return tables.tables(schemaPattern, tableNamePattern, types);
    }

    @Override public ResultSet getTableTypes() { return TableResults.tableTypes(); }
    @Override public ResultSet getSchemas() { return TableResults.schemas(); }
    @Override public ResultSet getSchemas(String catalog, String schemaPattern) { return TableResults.schemas(); }
    @Override public ResultSet getCatalogs() { return ResultShapes.CATALOGS.empty(); }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
            throws SQLException {
        return columns.columns(schemaPattern, tableNamePattern, columnNamePattern);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        return columns.primaryKeys(schema, table);
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
            throws SQLException {
        return columns.bestRowIdentifier(schema, table, scope);
    }

    /** SQLite has no columns that change on every update. */
    @Override
    public ResultSet getVersionColumns(String catalog, String schema, String table) {
        return ResultShapes.ROW_IDENTIFIER.empty();
    }

    @Override
    public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        return columns.pseudoColumns(schemaPattern, tableNamePattern, columnNamePattern);
    }

    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return foreignKeys.imported(schema, table);
    }

    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return foreignKeys.exported(schema, table);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
                                       String foreignCatalog, String foreignSchema, String foreignTable)
            throws SQLException {
        return foreignKeys.crossReference(parentSchema, parentTable, foreignSchema, foreignTable);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        return indexes.indexInfo(schema, table, unique);
    }

    @Override public ResultSet getTypeInfo() { return SqliteTypes.typeInfo(); }

    @Override
    public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern) throws SQLException {
        return functions.functionRows(functionNamePattern);
    }

    @Override
    public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
                                        String columnNamePattern) throws SQLException {
        return functions.functionColumns(functionNamePattern, columnNamePattern);
    }

    /** The standard client info names; they are kept by the connection and have no effect on SQLite. */
    @Override
    public ResultSet getClientInfoProperties() {
        ResultShape.Rows rows = ResultShapes.CLIENT_INFO_PROPERTIES.newRows();
        rows.add().set("NAME", "ApplicationName").set("MAX_LEN", 255).set("DESCRIPTION", "the application using the connection");
        rows.add().set("NAME", "ClientHostname").set("MAX_LEN", 255).set("DESCRIPTION", "the host the application runs on");
        rows.add().set("NAME", "ClientUser").set("MAX_LEN", 255).set("DESCRIPTION", "the user the application works for");
        return rows.sortBy("NAME").toResultSet();
    }

    // ---- objects SQLite does not have: empty results with the specified columns ----

    @Override
    public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern) {
        return ResultShapes.PROCEDURES.empty();
    }

    @Override
    public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
                                         String columnNamePattern) {
        return ResultShapes.PROCEDURE_COLUMNS.empty();
    }

    /** SQLite has no GRANT: there are no privileges to list. */
    @Override
    public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern) {
        return ResultShapes.COLUMN_PRIVILEGES.empty();
    }

    @Override
    public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern) {
        return ResultShapes.TABLE_PRIVILEGES.empty();
    }

    @Override
    public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types) {
        return ResultShapes.UDTS.empty();
    }

    @Override
    public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) {
        return ResultShapes.SUPER_TYPES.empty();
    }

    @Override
    public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern) {
        return ResultShapes.SUPER_TABLES.empty();
    }

    @Override
    public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
                                   String attributeNamePattern) {
        return ResultShapes.ATTRIBUTES.empty();
    }

    // ---- wrapper ----

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        return connection.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return iface.isInstance(this) || connection.isWrapperFor(iface);
    }
}

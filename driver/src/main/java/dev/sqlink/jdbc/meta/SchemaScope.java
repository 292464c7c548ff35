package dev.sqlink.jdbc.meta;

/**
 * Which attached databases a DatabaseMetaData schema argument selects, and what schema name a
 * result row reports for a database. This is where sqlink follows xerial sqlite-jdbc, because
 * tools are built around its answers:
 * <ul>
 * <li>The main database has no schema name: its rows report {@code TABLE_SCHEM} null, as
 *     xerial's do. Tools that model SQLite as one schemaless container (Liquibase, DBeaver's
 *     generic model) match the schema of what they find against the connection's null schema;
 *     a "main" there made Liquibase lose sight of its own tables.</li>
 * <li>temp and attached databases report their name, so their objects are never mistaken for
 *     main's.</li>
 * <li>A schema argument that does not narrow the search (null, "" or "%") selects main and temp:
 *     the databases xerial lists and that unqualified SQL reaches first. An attached database is
 *     selected by naming it (a name or a pattern other than "%"), so its objects never mix with
 *     main's in a tool that only knows table names. "main" and "temp" select themselves.</li>
 * </ul>
 */
final class SchemaScope {

    static final String MAIN = "main";
    static final String TEMP = "temp";

    private static final SchemaScope DEFAULT = new SchemaScope(null);

    /** Null for the default scope; otherwise the filter every database name must pass. */
    private final NameFilter filter;

    private SchemaScope(NameFilter filter) {
        this.filter = filter;
    }

    /** A JDBC schema pattern argument (getTables, getColumns, ...). */
    static SchemaScope pattern(String schemaPattern) {
        NameFilter filter = NameFilter.like(schemaPattern);
        return filter.matchesAll() ? DEFAULT : new SchemaScope(filter);
    }

    /** A JDBC schema name argument (getPrimaryKeys, getIndexInfo, the foreign key calls). */
    static SchemaScope name(String schema) {
        NameFilter filter = NameFilter.exact(schema);
        return filter.matchesAll() ? DEFAULT : new SchemaScope(filter);
    }

    /** Whether the objects of the attached database called {@code database} are selected. */
    boolean includes(String database) {
        if (filter == null) {
            return NameFilter.sameName(database, MAIN) || NameFilter.sameName(database, TEMP);
        }
        return filter.matches(database);
    }

    /** The TABLE_SCHEM (or PKTABLE_SCHEM, FKTABLE_SCHEM) a row reports for an attached database. */
    static String reported(String database) {
        return NameFilter.sameName(database, MAIN) ? null : database;
    }
}

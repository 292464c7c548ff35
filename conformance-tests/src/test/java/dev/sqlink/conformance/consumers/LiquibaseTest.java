package dev.sqlink.conformance.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.SQLiteDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Liquibase update with a changelog that creates tables, indexes and foreign keys, then adds and
 * renames columns. Liquibase recognises SQLite by the connection's product name, so it works on a
 * connection from any URL; it inspects the schema through DatabaseMetaData while it works.
 */
class LiquibaseTest {

    private static final String CHANGELOG = "consumers/liquibase/changelog.xml";

    @TempDir
    Path directory;

    private HikariDataSource pool;

    @BeforeEach
    void openPool() {
        pool = new ConsumerDatabase(directory, "liquibase").pool("liquibase", 2);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    @SuppressWarnings("deprecation") // the Liquibase facade is what most applications still call
    void updateCreatesThenAltersTheSchema() throws Exception {
        try (Connection connection = pool.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
            assertInstanceOf(SQLiteDatabase.class, database, "Liquibase picks its SQLite support by product name");
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
            liquibase.update("");
            assertTrue(liquibase.listUnrunChangeSets(null, null).isEmpty());
            liquibase.update(""); // nothing left to run, and running again must not fail
        }

        JdbcTemplate jdbc = new JdbcTemplate(pool);
        assertEquals(List.of("id", "warehouse_id", "sku", "on_hand", "bin", "checked_at"), columns("stock"));
        assertEquals(40, jdbc.queryForObject("SELECT on_hand FROM stock WHERE sku = 'bolt-m6'", Integer.class),
                "data survives the rename");
        // Liquibase adds columns to SQLite by rebuilding the table, and its rebuild drops the
        // column default (on every driver), so only the columns themselves are checked.
        jdbc.update("UPDATE stock SET bin = 'B7', checked_at = '2025-01-02 03:04:05'");
        assertEquals("B7", jdbc.queryForObject("SELECT bin FROM stock", String.class));
        assertEquals(5, jdbc.queryForObject("SELECT count(*) FROM DATABASECHANGELOG", Integer.class));
        assertEquals(0, jdbc.queryForObject("SELECT count(*) FROM sqlite_schema WHERE name LIKE '%temporary%'", Integer.class),
                "the rebuild left no temporary table behind");

        List<String> indexes = jdbc.queryForList(
                "SELECT name FROM pragma_index_list('stock') WHERE origin = 'c' ORDER BY name", String.class);
        assertEquals(List.of("stock_by_quantity", "stock_by_sku"), indexes);
        assertEquals("on_hand", jdbc.queryForObject("SELECT name FROM pragma_index_info('stock_by_quantity')", String.class),
                "the index follows the renamed column");

        assertEquals("warehouse", jdbc.queryForObject("SELECT \"table\" FROM pragma_foreign_key_list('stock')", String.class));
        jdbc.execute("PRAGMA foreign_keys = ON");
        assertThrows(RuntimeException.class,
                () -> jdbc.update("INSERT INTO stock (warehouse_id, sku) VALUES (99, 'orphan')"), "foreign key enforced");
    }

    private List<String> columns(String table) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = pool.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet rows = meta.getColumns(null, null, table, "%")) {
                while (rows.next()) {
                    names.add(rows.getString("COLUMN_NAME"));
                }
            }
        }
        return names;
    }
}

package dev.sqlink.conformance.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flyway through a DataSource. Flyway chooses its database support from a URL prefix only when it
 * opens connections itself; handed a DataSource it asks the connection's DatabaseMetaData, and
 * picks SQLite support for the product name {@code SQLite}, whatever the URL says.
 */
class FlywayTest {

    @TempDir
    Path directory;

    private HikariDataSource pool;

    @BeforeEach
    void openPool() {
        pool = new ConsumerDatabase(directory, "flyway").pool("flyway", 2);
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void migrateInfoValidateClean() {
        Flyway flyway = flyway();
        assertEquals("SQLite", databaseName(), "the name Flyway matches its SQLite support on");

        MigrateResult migrated = flyway.migrate();
        assertTrue(migrated.success);
        assertEquals(3, migrated.migrationsExecuted);
        assertEquals("3", migrated.targetSchemaVersion);

        JdbcTemplate jdbc = new JdbcTemplate(pool);
        assertEquals(List.of(2, 1), jdbc.queryForList("SELECT purchases FROM customer ORDER BY email", Integer.class),
                "the trigger from V2 counted the purchases of V3");
        assertEquals(15.5, jdbc.queryForObject("SELECT total FROM big_spender WHERE email = 'ada@example.org'", Double.class));

        MigrationInfo[] applied = flyway.info().applied();
        assertEquals(List.of("1", "2", "3"), Arrays.stream(applied).map(info -> info.getVersion().getVersion()).toList());
        assertTrue(Arrays.stream(applied).allMatch(info -> info.getState() == MigrationState.SUCCESS));
        assertEquals(0, flyway.migrate().migrationsExecuted, "a second migrate finds nothing pending");

        ValidateResult valid = flyway.validateWithResult();
        assertTrue(valid.validationSuccessful, () -> String.valueOf(valid.invalidMigrations));

        flyway.clean();
        assertEquals(0, jdbc.queryForObject(
                "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'", Integer.class),
                "clean drops tables, views, indexes, triggers and the history table");
        assertEquals(0, flyway.info().applied().length);
        assertEquals(3, flyway.migrate().migrationsExecuted, "after clean everything migrates again");
    }

    @Test
    void failedMigrationIsRolledBackAndReported() {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:consumers/flyway")
                .target("2")
                .load();
        flyway.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.execute("INSERT INTO customer (email, since) VALUES ('ada@example.org', '2024-01-01')");
        // V3 inserts ada again: UNIQUE fails mid-migration, the whole migration rolls back.
        assertThrows(RuntimeException.class, () -> flyway().migrate());
        assertEquals(1, jdbc.queryForObject("SELECT count(*) FROM customer", Integer.class));
        assertEquals(0, jdbc.queryForObject("SELECT count(*) FROM purchase", Integer.class));
        assertEquals("2", flyway().info().current().getVersion().getVersion());
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(pool)
                .locations("classpath:consumers/flyway")
                .cleanDisabled(false)
                .load();
    }

    private String databaseName() {
        try (var connection = pool.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.sqlink.conformance.consumers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spring's JDBC support (JdbcTemplate, DataSourceTransactionManager, exception translation) over a
 * HikariCP pool, configured the way a Spring Boot application configures it.
 */
class SpringHikariTest {

    @TempDir
    Path directory;

    private ConsumerDatabase database;
    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;

    @BeforeEach
    void openPool() {
        database = new ConsumerDatabase(directory, "spring");
        pool = database.pool("spring", 4);
        jdbc = new JdbcTemplate(pool);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        jdbc.execute("CREATE TABLE account (id INTEGER PRIMARY KEY, owner TEXT NOT NULL UNIQUE, balance INTEGER NOT NULL)");
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void jdbcTemplateQueriesUpdatesAndBatches() {
        assertEquals(1, jdbc.update("INSERT INTO account (owner, balance) VALUES (?, ?)", "ada", 100));
        int[] counts = jdbc.batchUpdate("INSERT INTO account (owner, balance) VALUES (?, ?)",
                List.of(new Object[] {"bob", 20}, new Object[] {"cyd", 30}));
        assertEquals(List.of(1, 1), List.of(counts[0], counts[1]));

        assertEquals(150, jdbc.queryForObject("SELECT sum(balance) FROM account", Integer.class));
        List<String> owners = jdbc.queryForList("SELECT owner FROM account WHERE balance >= ? ORDER BY owner", String.class, 25);
        assertEquals(List.of("ada", "cyd"), owners);
        assertEquals("bob", jdbc.queryForObject("SELECT owner FROM account WHERE balance = ?",
                (rs, row) -> rs.getString("owner"), 20));
    }

    @Test
    void transactionTemplateCommitsAndRollsBack() {
        transactions.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO account (owner, balance) VALUES ('ada', 100)");
            jdbc.update("INSERT INTO account (owner, balance) VALUES ('bob', 0)");
        });
        assertThrows(IllegalStateException.class, () -> transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE account SET balance = balance - 60 WHERE owner = 'ada'");
            jdbc.update("UPDATE account SET balance = balance + 60 WHERE owner = 'bob'");
            throw new IllegalStateException("transfer refused after both updates");
        }));
        transactions.executeWithoutResult(status -> {
            jdbc.update("UPDATE account SET balance = balance - 10 WHERE owner = 'ada'");
            status.setRollbackOnly();
        });
        assertEquals(List.of(100, 0), jdbc.queryForList("SELECT balance FROM account ORDER BY owner", Integer.class));
    }

    @Test
    void uniqueViolationIsTranslatedToDuplicateKeyException() throws Throwable {
        jdbc.update("INSERT INTO account (owner, balance) VALUES ('ada', 1)");
        // Spring has no error-code table for SQLite: it recognises a duplicate key by SQLState 23505
        // (or 23000 with a vendor code it knows), so the driver must set it.
        ReferenceGap.check("sets no SQLState on constraint violations, Spring cannot translate them", () -> {
            DuplicateKeyException error = assertThrows(DuplicateKeyException.class,
                    () -> jdbc.update("INSERT INTO account (owner, balance) VALUES ('ada', 2)"));
            assertTrue(error.getCause() instanceof SQLException);
            error = assertThrows(DuplicateKeyException.class,
                    () -> jdbc.update("INSERT INTO account (id, owner, balance) VALUES (1, 'other', 2)"),
                    "a PRIMARY KEY clash is a duplicate key too");
        });
        assertEquals(1, jdbc.queryForObject("SELECT count(*) FROM account", Integer.class));
    }

    @Test
    void otherConstraintViolationsAreDataIntegrityViolationsButNotDuplicateKeys() throws Throwable {
        ReferenceGap.check("sets no SQLState on constraint violations, Spring cannot translate them", () -> {
            DataIntegrityViolationException error = assertThrows(DataIntegrityViolationException.class,
                    () -> jdbc.update("INSERT INTO account (owner, balance) VALUES ('ada', NULL)"),
                    "a NOT NULL violation must be a data integrity violation");
            assertFalse(error instanceof DuplicateKeyException, () -> "NOT NULL is no duplicate key: " + error);
        });
    }

    @Test
    void syntaxErrorIsBadSqlGrammar() throws Throwable {
        ReferenceGap.check("sets no SQLState on syntax errors, Spring cannot translate them", () ->
                assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELEKT 1")));
    }

    @Test
    void poolValidatesConnectionsAndTogglesReadOnly() throws Throwable {
        try (Connection connection = pool.getConnection()) {
            assertTrue(connection.isValid(2), "a fresh pooled connection is valid");
            ReferenceGap.check("refuses setReadOnly after the connection is open", () -> {
                connection.setReadOnly(true);
                assertTrue(connection.isReadOnly());
                assertThrows(SQLException.class, () -> {
                    try (Statement statement = connection.createStatement()) {
                        statement.executeUpdate("INSERT INTO account (owner, balance) VALUES ('ro', 1)");
                    }
                }, "a write on a read-only connection must fail");
                assertEquals(0, countAccounts(connection), "reads still work while read-only");
                connection.setReadOnly(false);
                assertFalse(connection.isReadOnly());
                try (Statement statement = connection.createStatement()) {
                    assertEquals(1, statement.executeUpdate("INSERT INTO account (owner, balance) VALUES ('rw', 1)"));
                }
                connection.setReadOnly(true);
            });
        }
        // Hikari resets the read-only flag when the connection comes back; every borrower can write.
        for (int i = 0; i < 4; i++) {
            try (Connection connection = pool.getConnection()) {
                assertFalse(connection.isReadOnly());
                assertTrue(connection.isValid(2));
                try (Statement statement = connection.createStatement()) {
                    statement.executeUpdate("INSERT INTO account (owner, balance) VALUES ('borrower" + i + "', 1)");
                }
            }
        }
    }

    @Test
    void fourConcurrentWritersLoseNothing() throws Exception {
        int writers = 4;
        int transactionsEach = 50;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                results.add(threads.submit(() -> {
                    for (int t = 0; t < transactionsEach; t++) {
                        int n = t;
                        transactions.executeWithoutResult(status -> {
                            jdbc.update("INSERT INTO account (owner, balance) VALUES (?, ?)", "w" + writer + "-" + n, n);
                            jdbc.update("UPDATE account SET balance = balance + 1 WHERE owner = ?", "w" + writer + "-" + n);
                        });
                    }
                }));
            }
            for (Future<?> result : results) {
                result.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        int rows = writers * transactionsEach;
        assertEquals(rows, jdbc.queryForObject("SELECT count(*) FROM account", Integer.class));
        long expected = writers * ((long) transactionsEach * (transactionsEach - 1) / 2 + transactionsEach);
        assertEquals(expected, jdbc.queryForObject("SELECT sum(balance) FROM account", Long.class));
        assertEquals("ok", jdbc.queryForObject("PRAGMA integrity_check", String.class));
    }

    @Test
    void hikariBuildsConnectionsFromOurDataSourceClass() throws Exception {
        Class<?> dataSourceClass = ConsumerDatabase.requireSqlinkDataSourceClass();
        HikariConfig config = new HikariConfig();
        config.setPoolName("sqlink-datasource");
        config.setDataSourceClassName(dataSourceClass.getName());
        // Our DataSource takes only our URLs, whichever driver the rest of the suite runs on.
        config.addDataSourceProperty("url", "jdbc:sqlink:" + database.file());
        config.setMaximumPoolSize(2);
        try (HikariDataSource viaClassName = new HikariDataSource(config)) {
            JdbcTemplate template = new JdbcTemplate(viaClassName);
            template.update("INSERT INTO account (owner, balance) VALUES ('via-class-name', 7)");
            assertEquals(7, jdbc.queryForObject("SELECT balance FROM account WHERE owner = 'via-class-name'", Integer.class));
            try (Connection connection = viaClassName.getConnection()) {
                assertTrue(connection.isValid(2));
                assertEquals("SQLite", connection.getMetaData().getDatabaseProductName());
            }
        }
    }

    private static int countAccounts(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM account")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}

package dev.sqlink.examples.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hibernate.community.dialect.SQLiteDialect;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the application from its application.properties (only the database file is moved to a
 * temporary directory) and uses it: Flyway's migration through HikariCP, JPA writes and reads,
 * a rolled-back transaction, and the file afterwards in the native sqlite3 tool.
 */
@SpringBootTest
class NotesApplicationTest {
    @TempDir
    static Path dir;

    @DynamicPropertySource
    static void databaseInTempDir(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:sqlink:" + dir.resolve("notes.db") + "?foreign_keys=true&busy_timeout=5000&extensions=regexp,crypto");
    }

    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    NoteRepository notes;
    @Autowired
    NoteService service;

    @Test
    void startsOnHikariWithTheSqliteDialectAfterFlywayMigrated() {
        HikariDataSource hikari = assertInstanceOf(HikariDataSource.class, dataSource);
        assertEquals("dev.sqlink.jdbc.SqlinkDriver", hikari.getDriverClassName());
        assertInstanceOf(SQLiteDialect.class,
                entityManagerFactory.unwrap(SessionFactoryImplementor.class).getJdbcServices().getDialect());
        assertEquals(1, jdbc.queryForObject(
                "select count(*) from flyway_schema_history where version = '1' and success", Integer.class));
        assertEquals("3.54.1", jdbc.queryForObject("select sqlite_version()", String.class));
    }

    @Test
    void writesAndReadsThroughJpaAndRollsBackAFailedTransaction() throws Exception {
        List<Note> added = service.addAll(List.of("buy milk", "write docs", "ship it"));
        assertTrue(added.stream().allMatch(n -> n.getId() != null), "ids come back from SQLite");
        service.complete(added.get(1).getId());
        assertEquals(List.of("buy milk", "ship it"), titles(service.open()));

        long before = notes.count();
        assertThrows(IllegalArgumentException.class, () -> service.addAll(List.of("kept?", " ")));
        assertEquals(before, notes.count(), "the first note of the failed batch was rolled back");

        // The pool is open, the file is an ordinary SQLite database for the native tool.
        Path sqlite3 = onPath("sqlite3");
        Assumptions.assumeTrue(sqlite3 != null, "native sqlite3 not installed");
        Process p = new ProcessBuilder(sqlite3.toString(), dir.resolve("notes.db").toString(),
                "select title from note where done order by id;").redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals("write docs", new String(p.getInputStream().readAllBytes()).strip());
    }

    @Test
    void extensionsFromTheDatasourceUrlWorkOnEveryPooledConnection() {
        List<Note> added = service.addAll(List.of("call alice", "call bob", "email carol"));
        try {
            assertEquals(List.of("call alice", "call bob"), titles(notes.findByTitleMatching("^call ")));
            assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                    jdbc.queryForObject("select sha256('hello')", String.class));
        } finally {
            notes.deleteAll(added); // the other tests count open notes
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<String> titles(List<Note> list) {
        return list.stream().map(Note::getTitle).toList();
    }
}

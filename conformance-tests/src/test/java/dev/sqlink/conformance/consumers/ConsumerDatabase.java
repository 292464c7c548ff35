package dev.sqlink.conformance.consumers;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sqlink.conformance.support.JdbcTarget;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * One file database for a consumer library, reached through the driver under test
 * ({@link JdbcTarget#underTest()}): its JDBC URL, the driver class that accepts it, and pooled
 * DataSources configured the way applications configure them. Consumers only ever see a URL, a
 * driver class name or a DataSource, so the same tests run on the reference driver today and on
 * {@code jdbc:sqlink:} once it is on the class path.
 */
final class ConsumerDatabase {

    /** Our DataSource, looked up by name because the driver may not be on the class path yet. */
    static final String SQLINK_DATASOURCE_CLASS = "dev.sqlink.jdbc.SqlinkDataSource";

    /** Long enough that four busy writers never give up, short enough that a deadlock fails the test. */
    static final int BUSY_TIMEOUT_MILLIS = 20_000;

    private final Path file;

    ConsumerDatabase(Path directory, String name) {
        this.file = directory.resolve(name + ".db");
    }

    Path file() {
        return file;
    }

    String url() {
        return JdbcTarget.underTest().url(file.toString());
    }

    /** The class an application would put in {@code driver-class-name}. */
    String driverClassName() {
        try {
            Driver driver = DriverManager.getDriver(url());
            return driver.getClass().getName();
        } catch (SQLException e) {
            throw new IllegalStateException("No JDBC driver accepts " + url(), e);
        }
    }

    /**
     * A HikariCP pool configured with driver class and URL, as Spring Boot does from
     * {@code spring.datasource.*}. Every pooled connection gets a busy timeout, so writers queue
     * instead of failing with SQLITE_BUSY.
     */
    HikariDataSource pool(String poolName, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setDriverClassName(driverClassName());
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(size);
        config.setConnectionInitSql("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
        return new HikariDataSource(config);
    }

    /** A small pool: what Flyway, Liquibase, jOOQ and Hibernate are handed. */
    DataSource dataSource(String poolName) {
        return pool(poolName, 2);
    }

    /** Skips the calling test while our DataSource class is absent from the class path. */
    static Class<?> requireSqlinkDataSourceClass() {
        Class<?> type = null;
        try {
            type = Class.forName(SQLINK_DATASOURCE_CLASS);
        } catch (ClassNotFoundException e) {
            // fall through to the assumption
        }
        assumeTrue(type != null, SQLINK_DATASOURCE_CLASS + " is not on the test class path (driver branch not merged yet);"
                + " this test configures it as HikariCP's dataSourceClassName");
        return type;
    }
}

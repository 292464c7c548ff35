package dev.sqlink.conformance.support;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A JDBC driver under test, described by a URL template in which {@code {db}} stands for the
 * database: {@code :memory:} or a file path. Everything in this module talks to databases through a
 * target, so the same tests run against any driver.
 */
public final class JdbcTarget {

    public static final String DB_PLACEHOLDER = "{db}";
    public static final String MEMORY = ":memory:";

    /** The driver under test. */
    public static final String URL_PROPERTY = "sqlink.conformance.url";
    /** The reference driver for differential tests. */
    public static final String REFERENCE_URL_PROPERTY = "sqlink.conformance.referenceUrl";
    /** Set to true to fall back to the reference driver when no driver accepts the URL (to test the runners alone). */
    public static final String ALLOW_FALLBACK_PROPERTY = "sqlink.conformance.allowFallback";

    static final String DEFAULT_URL = "jdbc:sqlink:" + DB_PLACEHOLDER;
    static final String REFERENCE_URL = "jdbc:sqlite:" + DB_PLACEHOLDER;

    private static JdbcTarget underTest;

    private final String name;
    private final String urlTemplate;

    private JdbcTarget(String name, String urlTemplate) {
        if (!urlTemplate.contains(DB_PLACEHOLDER)) {
            throw new IllegalArgumentException("JDBC URL template '" + urlTemplate + "' has no " + DB_PLACEHOLDER
                    + " placeholder for the database; write e.g. jdbc:sqlink:" + DB_PLACEHOLDER);
        }
        this.name = name;
        this.urlTemplate = urlTemplate;
    }

    /**
     * The driver under test: {@code -Dsqlink.conformance.url}, by default our {@code jdbc:sqlink:}.
     * When no driver accepts that URL it is an error, unless {@code -Dsqlink.conformance.allowFallback=true}
     * asks to fall back to the reference driver (which it then says loudly).
     */
    public static synchronized JdbcTarget underTest() {
        if (underTest == null) {
            String template = System.getProperty(URL_PROPERTY, DEFAULT_URL);
            JdbcTarget wanted = new JdbcTarget("under test", template);
            if (wanted.hasDriver()) {
                underTest = wanted;
            } else if (Boolean.parseBoolean(System.getProperty(ALLOW_FALLBACK_PROPERTY, "false"))) {
                underTest = new JdbcTarget("FALLBACK reference (no driver for " + template + ")", REFERENCE_URL);
            } else {
                throw new IllegalStateException("No JDBC driver accepts '" + wanted.url(MEMORY) + "'; put the driver on"
                        + " the test class path or set -D" + URL_PROPERTY + " to another URL template");
            }
            System.out.println("[conformance] driver under test: " + underTest.describe());
        }
        return underTest;
    }

    /** The reference driver (xerial sqlite-jdbc) unless {@code -Dsqlink.conformance.referenceUrl} says otherwise. */
    public static JdbcTarget reference() {
        return new JdbcTarget("reference", System.getProperty(REFERENCE_URL_PROPERTY, REFERENCE_URL));
    }

    public String url(String database) {
        return urlTemplate.replace(DB_PLACEHOLDER, database);
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database));
    }

    /** Name, URL template and the driver class that accepted it, for logs. */
    public String describe() {
        String driverName;
        try {
            Driver driver = DriverManager.getDriver(url(MEMORY));
            driverName = driver.getClass().getName() + " " + driver.getMajorVersion() + "." + driver.getMinorVersion();
        } catch (SQLException e) {
            driverName = "no driver";
        }
        return name + ": " + urlTemplate + " -> " + driverName;
    }

    private boolean hasDriver() {
        try {
            DriverManager.getDriver(url(MEMORY));
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}

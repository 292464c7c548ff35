package dev.sqlink.jdbc;

import dev.sqlink.engine.Engine;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:sqlink:} driver, found by {@link DriverManager} through
 * {@code META-INF/services/java.sql.Driver} (and registered when this class loads, for code
 * that still calls {@code Class.forName}).
 */
public final class SqlinkDriver implements Driver {
    public static final String NAME = "sqlink-jdbc";
    public static final int MAJOR_VERSION = 0;
    public static final int MINOR_VERSION = 1;

    static {
        try {
            DriverManager.registerDriver(new SqlinkDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Returns null for URLs of other drivers, as DriverManager expects. */
    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return open(url, info);
    }

    /** Opens a connection without DriverManager (DataSources use this). */
    static JdbcConnection open(String url, Properties info) throws SQLException {
        // The engine's one-time loading (hundreds of milliseconds in a cold JVM) runs on other
        // threads while this one reads the settings; not in the static initialiser, because
        // DriverManager loads every driver on the class path, used or not.
        Engine.startLoading();
        return JdbcConnection.open(ConnectionSettings.of(url, info));
    }

    @Override
    public boolean acceptsURL(String url) {
        return ConnectionUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Map<String, String> given = new LinkedHashMap<>();
        if (url != null && acceptsURL(url)) {
            given.putAll(ConnectionUrl.parse(url).properties());
        }
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                given.put(key, info.getProperty(key));
            }
        }
        return PropertyCatalog.describe(given);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Not yet: the DatabaseMetaData and conformance work decides when the driver may claim compliance. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver does not log through java.util.logging");
    }

    /** The SQLite version inside this driver, e.g. 3.54.1. */
    public static String sqliteVersion() {
        return Engine.sqliteVersion();
    }
}

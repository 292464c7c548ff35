package dev.sqlink.bench;

import dev.sqlink.jdbc.SqlinkConnectionPoolDataSource;
import dev.sqlink.jdbc.SqlinkDriver;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;
import javax.sql.ConnectionPoolDataSource;
import org.sqlite.javax.SQLiteConnectionPoolDataSource;

/**
 * The three drivers compared by every workload, named as JMH's {@code driver} parameter. A
 * workload only ever talks to {@link Connection} and {@link ConnectionPoolDataSource}, so the
 * same code measures all three. {@code database} is a file path or {@code :memory:}.
 */
public enum DriverUnderTest {
    /** This project's driver: SQLite in wasm on Chicory's build-time compiler. */
    SQLINK {
        @Override
        public Connection open(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:sqlink:" + database);
        }

        @Override
        Connection openAlone(String database) throws SQLException {
            return new SqlinkDriver().connect("jdbc:sqlink:" + database, new Properties());
        }

        @Override
        public ConnectionPoolDataSource poolDataSource(String database) {
            SqlinkConnectionPoolDataSource source = new SqlinkConnectionPoolDataSource();
            source.setUrl("jdbc:sqlink:" + database);
            return source;
        }
    },
    /** xerial sqlite-jdbc: native SQLite through JNI, the reference. */
    XERIAL {
        @Override
        public Connection open(String database) throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + database);
        }

        @Override
        Connection openAlone(String database) throws SQLException {
            return new org.sqlite.JDBC().connect("jdbc:sqlite:" + database, new Properties());
        }

        @Override
        public ConnectionPoolDataSource poolDataSource(String database) {
            SQLiteConnectionPoolDataSource source = new SQLiteConnectionPoolDataSource();
            source.setUrl("jdbc:sqlite:" + database);
            return source;
        }
    },
    /**
     * sqlite4j: SQLite in wasm on its own (older) Chicory, loaded in a separate class loader.
     * It also answers {@code jdbc:sqlite:}, so it is called directly, never through
     * DriverManager (which would hand the URL to sqlite-jdbc).
     */
    SQLITE4J {
        @Override
        public Connection open(String database) throws SQLException {
            return IsolatedSqlite4j.driver().connect("jdbc:sqlite:" + database, new Properties());
        }

        @Override
        public ConnectionPoolDataSource poolDataSource(String database) {
            return IsolatedSqlite4j.poolDataSource("jdbc:sqlite:" + database);
        }
    };

    /** Opens a plain (unpooled) connection the way an application would. */
    public abstract Connection open(String database) throws SQLException;

    /**
     * Opens through the driver's own {@link java.sql.Driver} instead of DriverManager, which
     * first initialises every driver on the class path: the suite's holds all three, an
     * application one. Only a cold start can tell the difference (see {@link ColdStart}).
     */
    Connection openAlone(String database) throws SQLException {
        return open(database); // sqlite4j already bypasses DriverManager
    }

    /** The driver's own {@code javax.sql.ConnectionPoolDataSource}, as a pool would use it. */
    public abstract ConnectionPoolDataSource poolDataSource(String database);

    /** The value JMH's {@code driver} parameter uses: the constant's name in lower case. */
    public String parameterName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Looks up a driver by its parameter name, with a message that lists the valid ones. */
    public static DriverUnderTest named(String name) {
        for (DriverUnderTest candidate : values()) {
            if (candidate.parameterName().equals(name)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown driver '" + name + "': use sqlink, xerial or sqlite4j");
    }
}

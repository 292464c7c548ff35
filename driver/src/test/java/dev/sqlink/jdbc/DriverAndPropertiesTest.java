package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.ServiceLoader;
import javax.sql.PooledConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverAndPropertiesTest {
    @TempDir
    Path dir;

    static String pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            assertTrue(rs.next(), "PRAGMA " + name + " returned no row");
            return rs.getString(1);
        }
    }

    @Test
    void registeredThroughServiceLoaderAndDriverManager() throws SQLException {
        boolean found = false;
        for (Driver d : ServiceLoader.load(Driver.class)) {
            found |= d instanceof SqlinkDriver;
        }
        assertTrue(found, "META-INF/services/java.sql.Driver must name SqlinkDriver");
        assertInstanceOf(SqlinkDriver.class, DriverManager.getDriver("jdbc:sqlink::memory:"));
    }

    @Test
    void acceptsOnlyItsOwnPrefix() {
        SqlinkDriver d = new SqlinkDriver();
        assertTrue(d.acceptsURL("jdbc:sqlink:"));
        assertTrue(d.acceptsURL("jdbc:sqlink:/tmp/x.db"));
        assertFalse(d.acceptsURL("jdbc:sqlite:/tmp/x.db"));
        assertFalse(d.acceptsURL(null));
    }

    @Test
    void connectReturnsNullForForeignUrls() throws SQLException {
        assertEquals(null, new SqlinkDriver().connect("jdbc:sqlite::memory:", new Properties()));
    }

    @Test
    void memoryForms() throws SQLException {
        for (String url : new String[] {"jdbc:sqlink:", "jdbc:sqlink::memory:", "jdbc:sqlink:file::memory:"}) {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(x)");
                assertEquals(1, s.executeUpdate("INSERT INTO t VALUES (1)"));
            }
        }
    }

    @Test
    void pathAndFileUriWithSqliteParameters() throws SQLException {
        Path db = dir.resolve("a.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(x); INSERT INTO t VALUES (42);");
        }
        assertTrue(Files.exists(db));
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:file:" + db + "?mode=ro");
                Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT x FROM t");
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES (1)"));
            assertEquals(8, e.getErrorCode(), e.getMessage()); // SQLITE_READONLY
        }
    }

    @Test
    void sqliteUriParameterOnPlainPathIsExplained() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlink:" + dir.resolve("b.db") + "?mode=ro"));
        assertTrue(e.getMessage().contains("file:"), e.getMessage());
    }

    @Test
    void urlPropertiesAndPropertiesObjectWhichWins() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:?foreign_keys=true&cache_size=-4000")) {
            assertEquals("1", pragma(c, "foreign_keys"));
            assertEquals("-4000", pragma(c, "cache_size"));
        }
        Properties p = new Properties();
        p.setProperty("foreign_keys", "false");
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:?foreign_keys=true", p)) {
            assertEquals("0", pragma(c, "foreign_keys"));
        }
    }

    @Test
    void busyTimeoutDefaultsTo3000AsInSqliteJdbc() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            assertEquals("3000", pragma(c, "busy_timeout"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:?busy_timeout=50")) {
            assertEquals("50", pragma(c, "busy_timeout"));
        }
    }

    @Test
    void pragmasFromPropertiesTakeEffect() throws SQLException {
        Path db = dir.resolve("p.db");
        Properties p = new Properties();
        p.setProperty("journal_mode", "truncate"); // WAL needs the shared-memory VFS of issue 3
        p.setProperty("synchronous", "NORMAL");
        p.setProperty("user_version", "7");
        p.setProperty("application_id", "1234");
        p.setProperty("page_size", "8192");
        p.setProperty("recursive_triggers", "on");
        p.setProperty("limit_attached", "3");
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:" + db, p)) {
            assertEquals("truncate", pragma(c, "journal_mode"));
            assertEquals("1", pragma(c, "synchronous"));
            assertEquals("7", pragma(c, "user_version"));
            assertEquals("1234", pragma(c, "application_id"));
            assertEquals("8192", pragma(c, "page_size"));
            assertEquals("1", pragma(c, "recursive_triggers"));
            assertEquals(3, c.unwrap(SqlinkConnection.class).limit(dev.sqlink.engine.Database.LIMIT_ATTACHED, -1));
        }
    }

    @Test
    void misspelledPropertyNamesTheClosestValidOne() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlink::memory:?foriegn_keys=true"));
        assertTrue(e.getMessage().contains("'foriegn_keys'"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'foreign_keys'"), e.getMessage());
        Properties p = new Properties();
        p.setProperty("journalmode", "WAL");
        e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sqlink:", p));
        assertTrue(e.getMessage().contains("'journal_mode'"), e.getMessage());
    }

    @Test
    void invalidValuesAreRefusedBeforeReachingSql() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlink::memory:?journal_mode=WAL;DROP%20TABLE%20x"));
        assertTrue(e.getMessage().contains("journal_mode"), e.getMessage());
        e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sqlink:?cache_size=lots"));
        assertTrue(e.getMessage().contains("an integer"), e.getMessage());
        e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sqlink:?date_class=julian"));
        assertTrue(e.getMessage().contains("INTEGER, REAL, TEXT"), e.getMessage());
    }

    @Test
    void platformPropertiesAreAcceptedEmptyAndCheckedWithValues(@org.junit.jupiter.api.io.TempDir java.nio.file.Path store)
            throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:?extensions=&grants=&bundle=")) {
            assertFalse(c.isClosed());
        }
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlink::memory:?bundle=x&bundle_store=" + store));
        assertTrue(e.getMessage().contains("no bundle named 'x'"), e.getMessage());
        // extensions and grants are live now: a bad value is refused by the extension loader.
        e = assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sqlink::memory:?extensions=x"));
        assertTrue(e.getMessage().contains("no extension named 'x'"), e.getMessage());
    }

    @Test
    void nativeExtensionLoadingAndEncryptionAreRefused() {
        assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlink::memory:?enable_load_extension=true"));
        assertThrows(SQLException.class, () -> DriverManager.getConnection("jdbc:sqlink::memory:?password=secret"));
    }

    @Test
    void readOnlyOpenMode() throws SQLException {
        Path db = dir.resolve("ro.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:" + db)) {
            c.createStatement().execute("CREATE TABLE t(x)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:" + db + "?open_mode=1")) {
            assertTrue(c.isReadOnly());
            SQLException e = assertThrows(SQLException.class, () -> c.createStatement().execute("INSERT INTO t VALUES (1)"));
            assertInstanceOf(SQLNonTransientException.class, e);
            assertThrows(SQLException.class, () -> c.setReadOnly(false));
        }
    }

    @Test
    void propertyInfoDescribesEveryProperty() throws SQLException {
        DriverPropertyInfo[] info = new SqlinkDriver().getPropertyInfo("jdbc:sqlink::memory:?journal_mode=WAL", null);
        assertTrue(info.length >= 60, "all of sqlite-jdbc's properties and ours: " + info.length);
        DriverPropertyInfo journal = Arrays.stream(info).filter(i -> i.name.equals("journal_mode")).findFirst()
                .orElseThrow();
        assertEquals("WAL", journal.value);
        assertTrue(Arrays.asList(journal.choices).contains("WAL"));
        for (String name : new String[] {"date_class", "date_precision", "date_string_format", "transaction_mode",
                "jdbc.explicit_readonly", "jdbc.get_generated_keys", "limit_variable_number", "secure_delete",
                "temp_store", "open_mode", "busy_timeout", "extensions", "grants", "bundle"}) {
            assertTrue(Arrays.stream(info).anyMatch(i -> i.name.equals(name) && i.description != null), name);
        }
    }

    @Test
    void dataSourceWithBeanSetters() throws SQLException {
        SqlinkDataSource ds = new SqlinkDataSource();
        ds.setUrl("jdbc:sqlink:" + dir.resolve("ds.db"));
        ds.setForeignKeys(true);
        ds.setJournalMode("PERSIST");
        ds.setBusyTimeout(1234);
        ds.setDateClass("TEXT");
        try (Connection c = ds.getConnection()) {
            assertEquals("1", pragma(c, "foreign_keys"));
            assertEquals("persist", pragma(c, "journal_mode"));
            assertEquals("1234", pragma(c, "busy_timeout"));
        }
        ds.setProperty("no_such_thing", "1");
        assertThrows(SQLException.class, ds::getConnection);
        assertThrows(IllegalArgumentException.class, () -> ds.setUrl("jdbc:sqlite:x.db"));
    }

    /**
     * Spring-style configuration sets properties by bean setters, so each one the catalog knows
     * has its setter (named as sqlite-jdbc would: {@code wasm_call_timeout_ms} -> setWasmCallTimeoutMs).
     * {@code user} travels through getConnection(user, password).
     */
    @Test
    void everyPropertyHasABeanSetterOnTheDataSource() {
        List<String> missing = new ArrayList<>();
        for (ConnectionProperty p : PropertyCatalog.all()) {
            StringBuilder setter = new StringBuilder("set");
            for (String part : p.name().split("[_.]")) {
                setter.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            boolean found = Arrays.stream(SqlinkDataSource.class.getMethods())
                    .anyMatch(m -> m.getName().equals(setter.toString()) && m.getParameterCount() == 1);
            if (!found && !p.name().equals("user")) {
                missing.add(p.name() + " (" + setter + ")");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void pooledConnectionHandsOutHandlesThatDoNotCloseTheDatabase() throws SQLException {
        SqlinkConnectionPoolDataSource ds = new SqlinkConnectionPoolDataSource();
        ds.setDatabaseName(dir.resolve("pool.db").toString());
        PooledConnection pooled = ds.getPooledConnection();
        int[] closedEvents = {0};
        pooled.addConnectionEventListener(new javax.sql.ConnectionEventListener() {
            @Override
            public void connectionClosed(javax.sql.ConnectionEvent event) {
                closedEvents[0]++;
            }

            @Override
            public void connectionErrorOccurred(javax.sql.ConnectionEvent event) {
            }
        });
        Connection first = pooled.getConnection();
        first.createStatement().execute("CREATE TABLE t(x)");
        assertNotNull(first.unwrap(SqlinkConnection.class));
        first.close();
        assertTrue(first.isClosed());
        assertEquals(1, closedEvents[0]);
        assertThrows(SQLException.class, first::createStatement);
        try (Connection second = pooled.getConnection()) {
            assertEquals(1, second.createStatement().executeUpdate("INSERT INTO t VALUES (1)"));
        }
        pooled.close();
    }
}

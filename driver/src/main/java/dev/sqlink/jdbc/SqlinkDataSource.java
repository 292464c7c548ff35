package dev.sqlink.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for {@code jdbc:sqlink:} databases, configured with bean setters (one
 * per connection property, in camel case: {@code journal_mode} is {@link #setJournalMode},
 * {@code jdbc.get_generated_keys} is {@link #setJdbcGetGeneratedKeys}), so pools can create
 * it by class name, e.g. HikariCP's {@code dataSourceClassName=dev.sqlink.jdbc.SqlinkDataSource}
 * with {@code dataSource.url=jdbc:sqlink:/data/app.db}. Properties set here override those in
 * the URL, as {@code Properties} passed to {@code DriverManager} do.
 */
public class SqlinkDataSource implements DataSource, SelfWrapper {
    private String url = ConnectionUrl.PREFIX;
    private final Properties properties = new Properties();
    private int loginTimeout;
    private PrintWriter logWriter;

    public SqlinkDataSource() {
    }

    public SqlinkDataSource(String url) {
        setUrl(url);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return SqlinkDriver.open(url, properties());
    }

    /** SQLite has no users: the credentials are ignored (a non-empty password is refused, see the password property). */
    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = properties();
        if (password != null && !password.isEmpty()) {
            p.setProperty("password", password);
        }
        return SqlinkDriver.open(url, p);
    }

    /** A copy of the properties set so far. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        if (url == null || !ConnectionUrl.accepts(url)) {
            throw new IllegalArgumentException("a sqlink URL starts with " + ConnectionUrl.PREFIX + ": " + url);
        }
        this.url = url;
    }

    /** The database path (or {@code :memory:}), as an alternative to {@link #setUrl}. */
    public void setDatabaseName(String path) {
        setUrl(ConnectionUrl.PREFIX + (path == null ? "" : path));
    }

    public String getDatabaseName() {
        return url.substring(ConnectionUrl.PREFIX.length());
    }

    /** Sets any connection property by its name; the value is checked when a connection opens. */
    public void setProperty(String name, String value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.setProperty(name, value);
        }
    }

    public String getProperty(String name) {
        return properties.getProperty(name);
    }

    private void set(String name, Object value) {
        setProperty(name, value == null ? null : String.valueOf(value));
    }

    /** sqlite-jdbc's name for foreign_keys. */
    public void setEnforceForeignKeys(boolean value) { set("foreign_keys", value); }

    public void setOpenMode(int value) { set("open_mode", value); }
    public void setSharedCache(boolean value) { set("shared_cache", value); }
    public void setEnableLoadExtension(boolean value) { set("enable_load_extension", value); }
    public void setBusyTimeout(int value) { set("busy_timeout", value); }
    public void setTransactionMode(String value) { set("transaction_mode", value); }
    public void setDateClass(String value) { set("date_class", value); }
    public void setDatePrecision(String value) { set("date_precision", value); }
    public void setDateStringFormat(String value) { set("date_string_format", value); }
    public void setJdbcExplicitReadonly(boolean value) { set("jdbc.explicit_readonly", value); }
    public void setJdbcGetGeneratedKeys(boolean value) { set("jdbc.get_generated_keys", value); }
    public void setPassword(String value) { set("password", value); }
    public void setHexkeyMode(String value) { set("hexkey_mode", value); }
    public void setStatementCacheSize(int value) { set("statement_cache_size", value); }
    public void setExtensions(String value) { set("extensions", value); }
    public void setGrants(String value) { set("grants", value); }
    public void setWasmMemoryLimitMb(int value) { set("wasm_memory_limit_mb", value); }
    public void setWasmCallTimeoutMs(long value) { set("wasm_call_timeout_ms", value); }
    public void setBundle(String value) { set("bundle", value); }
    public void setBundleStore(String value) { set("bundle_store", value); }
    public void setBundleMode(String value) { set("bundle_mode", value); }
    public void setPageSize(int value) { set("page_size", value); }
    public void setEncoding(String value) { set("encoding", value); }
    public void setLegacyFileFormat(boolean value) { set("legacy_file_format", value); }
    public void setAutoVacuum(String value) { set("auto_vacuum", value); }
    public void setLockingMode(String value) { set("locking_mode", value); }
    public void setJournalMode(String value) { set("journal_mode", value); }
    public void setSynchronous(String value) { set("synchronous", value); }
    public void setAutomaticIndex(boolean value) { set("automatic_index", value); }
    public void setCacheSize(int value) { set("cache_size", value); }
    public void setCacheSpill(int value) { set("cache_spill", value); }
    public void setMmapSize(long value) { set("mmap_size", value); }
    public void setCaseSensitiveLike(boolean value) { set("case_sensitive_like", value); }
    public void setCountChanges(boolean value) { set("count_changes", value); }
    public void setDefaultCacheSize(int value) { set("default_cache_size", value); }
    public void setDeferForeignKeys(boolean value) { set("defer_foreign_keys", value); }
    public void setEmptyResultCallback(boolean value) { set("empty_result_callback", value); }
    public void setForeignKeys(boolean value) { set("foreign_keys", value); }
    public void setFullColumnNames(boolean value) { set("full_column_names", value); }
    public void setFullsync(boolean value) { set("fullsync", value); }
    public void setIncrementalVacuum(int value) { set("incremental_vacuum", value); }
    public void setJournalSizeLimit(long value) { set("journal_size_limit", value); }
    public void setLegacyAlterTable(boolean value) { set("legacy_alter_table", value); }
    public void setMaxPageCount(long value) { set("max_page_count", value); }
    public void setReadUncommitted(boolean value) { set("read_uncommitted", value); }
    public void setRecursiveTriggers(boolean value) { set("recursive_triggers", value); }
    public void setReverseUnorderedSelects(boolean value) { set("reverse_unordered_selects", value); }
    public void setSecureDelete(String value) { set("secure_delete", value); }
    public void setShortColumnNames(boolean value) { set("short_column_names", value); }
    public void setTempStore(String value) { set("temp_store", value); }
    public void setTempStoreDirectory(String value) { set("temp_store_directory", value); }
    public void setUserVersion(int value) { set("user_version", value); }
    public void setApplicationId(int value) { set("application_id", value); }
    public void setWalAutocheckpoint(int value) { set("wal_autocheckpoint", value); }
    public void setLimitPageCount(long value) { set("limit_page_count", value); }
    public void setLimitLength(int value) { set("limit_length", value); }
    public void setLimitSqlLength(int value) { set("limit_sql_length", value); }
    public void setLimitColumn(int value) { set("limit_column", value); }
    public void setLimitExprDepth(int value) { set("limit_expr_depth", value); }
    public void setLimitCompoundSelect(int value) { set("limit_compound_select", value); }
    public void setLimitVdbeOp(int value) { set("limit_vdbe_op", value); }
    public void setLimitFunctionArg(int value) { set("limit_function_arg", value); }
    public void setLimitAttached(int value) { set("limit_attached", value); }
    public void setLimitLikePatternLength(int value) { set("limit_like_pattern_length", value); }
    public void setLimitVariableNumber(int value) { set("limit_variable_number", value); }
    public void setLimitTriggerDepth(int value) { set("limit_trigger_depth", value); }
    public void setLimitWorkerThreads(int value) { set("limit_worker_threads", value); }

    // ------------------------------------------------------------------ DataSource plumbing

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("the driver does not log through java.util.logging");
    }
}

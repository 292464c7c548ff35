package dev.sqlink.jdbc;

import dev.sqlink.engine.OpenFlags;
import dev.sqlink.jdbc.ext.wasm.WasmLimits;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The validated settings of one connection: the URL's properties overridden by the
 * {@code Properties} object, each checked against the {@link PropertyCatalog}.
 */
final class ConnectionSettings {
    private final String url;
    private final String filename;
    private final Map<String, String> values; // canonical values of the properties given
    private final int openFlags;
    private final DateSettings dates;

    private ConnectionSettings(String url, String filename, Map<String, String> values) throws SQLException {
        this.url = url;
        this.filename = filename;
        this.values = Collections.unmodifiableMap(values);
        this.openFlags = computeOpenFlags();
        this.dates = DateSettings.of(get("date_class"), get("date_precision"), get("date_string_format"));
        checkUnsupported();
    }

    static ConnectionSettings of(String url, Properties info) throws SQLException {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        Map<String, String> raw = new LinkedHashMap<>(parsed.properties());
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                raw.put(key, info.getProperty(key));
            }
            // Properties.put with a non-String value is invisible to stringPropertyNames.
            for (Map.Entry<Object, Object> e : info.entrySet()) {
                if (!(e.getValue() instanceof String) && e.getValue() != null) {
                    raw.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
                }
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : raw.entrySet()) {
            ConnectionProperty p = PropertyCatalog.require(e.getKey());
            values.put(p.name(), p.normalize(e.getValue()));
        }
        return new ConnectionSettings(url, parsed.filename(), values);
    }

    private void checkUnsupported() throws SQLException {
        if (Boolean.parseBoolean(get("enable_load_extension"))) {
            throw new SQLException("enable_load_extension=true is not supported: this driver never loads native "
                    + "code; built-in and Java/wasm extensions come through the extensions property", "0A000");
        }
        String password = values.get("password");
        if (password != null && !password.isEmpty()) {
            throw new SQLException("the password property encrypts databases only in SQLCipher builds; this driver "
                    + "has no encryption and refuses to pretend: remove the password property", "0A000");
        }
        ArgumentChecks.nonNegative("statement_cache_size", Integer.parseInt(get("statement_cache_size")));
        if (!get("hexkey_mode").equals("NONE")) {
            throw new SQLException("hexkey_mode=" + get("hexkey_mode") + " says how to read an encryption key (password),"
                    + " and this driver has no encryption: remove hexkey_mode", "0A000");
        }
    }

    private int computeOpenFlags() throws SQLException {
        String mode = values.get("open_mode");
        int flags;
        if (mode != null) {
            flags = Integer.parseInt(mode);
            if ((flags & (OpenFlags.READONLY | OpenFlags.READWRITE)) == 0) {
                throw new SQLException("open_mode " + mode + " has neither READONLY (1) nor READWRITE (2)", "HY024");
            }
        } else {
            flags = OpenFlags.READWRITE | OpenFlags.CREATE;
        }
        flags |= OpenFlags.URI;
        if (Boolean.parseBoolean(get("shared_cache"))) {
            flags |= OpenFlags.SHAREDCACHE;
        }
        return flags;
    }

    /** The given value, or the property's default. */
    String get(String name) {
        String v = values.get(name);
        return v != null ? v : PropertyCatalog.find(name).defaultValue();
    }

    boolean isSet(String name) {
        return values.containsKey(name);
    }

    String url() { return url; }
    String filename() { return filename; }
    int openFlags() { return openFlags; }
    DateSettings dates() { return dates; }
    Map<String, String> values() { return values; }

    int busyTimeout() { return Integer.parseInt(get("busy_timeout")); }

    int statementCacheSize() { return Integer.parseInt(get("statement_cache_size")); }

    /** Limits of this connection's wasm extensions. */
    WasmLimits wasmLimits() throws SQLException {
        long mb = Long.parseLong(get("wasm_memory_limit_mb"));
        long ms = Long.parseLong(get("wasm_call_timeout_ms"));
        try {
            return new WasmLimits((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, mb)), ms);
        } catch (IllegalArgumentException e) {
            throw new SQLException(e.getMessage(), "HY024");
        }
    }

    boolean generatedKeys() { return Boolean.parseBoolean(get("jdbc.get_generated_keys")); }

    /**
     * "BEGIN DEFERRED" etc.; sqlite-jdbc's spelling DEFFERED is accepted as DEFERRED. With
     * {@code jdbc.explicit_readonly=true} (sqlite-jdbc's meaning) a deferred transaction of a
     * connection not marked read-only begins IMMEDIATE: the application said it may write, so
     * the write lock is taken up front instead of failing with SQLITE_BUSY on the upgrade from
     * reading to writing, which Hibernate and Spring cannot retry cleanly.
     */
    String beginStatement(boolean readOnly) {
        String mode = get("transaction_mode").toUpperCase(Locale.ROOT);
        mode = "DEFFERED".equals(mode) ? "DEFERRED" : mode;
        if (mode.equals("DEFERRED") && !readOnly && Boolean.parseBoolean(get("jdbc.explicit_readonly"))) {
            mode = "IMMEDIATE";
        }
        return "BEGIN " + mode;
    }
}

package dev.sqlink.jdbc;

import static dev.sqlink.jdbc.ConnectionProperty.Kind.DRIVER;
import static dev.sqlink.jdbc.ConnectionProperty.Kind.LIMIT;
import static dev.sqlink.jdbc.ConnectionProperty.Kind.PRAGMA;
import static dev.sqlink.jdbc.ConnectionProperty.Type.BOOLEAN;
import static dev.sqlink.jdbc.ConnectionProperty.Type.CHOICE;
import static dev.sqlink.jdbc.ConnectionProperty.Type.INTEGER;
import static dev.sqlink.jdbc.ConnectionProperty.Type.TEXT;

import dev.sqlink.engine.Database;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every connection property: all of sqlite-jdbc's (same names, same meaning) plus ours.
 * The order is the order pragmas are applied in: {@code page_size} and {@code encoding}
 * must come before anything that writes the database header, {@code journal_mode} after.
 */
public final class PropertyCatalog {
    /** Properties of the SQLite URI grammar; they stay in a {@code file:} filename for SQLite to read. */
    static final Collection<String> SQLITE_URI_PARAMETERS =
            java.util.List.of("vfs", "mode", "cache", "psow", "nolock", "immutable", "modeof");

    private static final Map<String, ConnectionProperty> ALL = build();

    /** sqlite3_limit category of each {@code limit_*} property. */
    private static final Map<String, Integer> LIMIT_IDS = Map.ofEntries(
            Map.entry("limit_length", Database.LIMIT_LENGTH),
            Map.entry("limit_sql_length", Database.LIMIT_SQL_LENGTH),
            Map.entry("limit_column", Database.LIMIT_COLUMN),
            Map.entry("limit_expr_depth", Database.LIMIT_EXPR_DEPTH),
            Map.entry("limit_compound_select", Database.LIMIT_COMPOUND_SELECT),
            Map.entry("limit_vdbe_op", Database.LIMIT_VDBE_OP),
            Map.entry("limit_function_arg", Database.LIMIT_FUNCTION_ARG),
            Map.entry("limit_attached", Database.LIMIT_ATTACHED),
            Map.entry("limit_like_pattern_length", Database.LIMIT_LIKE_PATTERN_LENGTH),
            Map.entry("limit_variable_number", Database.LIMIT_VARIABLE_NUMBER),
            Map.entry("limit_trigger_depth", Database.LIMIT_TRIGGER_DEPTH),
            Map.entry("limit_worker_threads", Database.LIMIT_WORKER_THREADS));

    private PropertyCatalog() {}

    private static Map<String, ConnectionProperty> build() {
        Map<String, ConnectionProperty> m = new LinkedHashMap<>();
        // Read by the driver.
        add(m, "open_mode", DRIVER, INTEGER, null, "sqlite3_open_v2 flags as a number (1 read-only, 2 read-write, 4 create, 64 URI ...); default read-write and create");
        add(m, "shared_cache", DRIVER, BOOLEAN, "false", "open with SQLITE_OPEN_SHAREDCACHE");
        add(m, "enable_load_extension", DRIVER, BOOLEAN, "false", "native extensions cannot be loaded into this pure-Java driver; only false is accepted (use the extensions property)");
        add(m, "busy_timeout", DRIVER, INTEGER, "3000", "milliseconds to wait for a lock before failing with SQLITE_BUSY");
        add(m, "transaction_mode", DRIVER, CHOICE, "DEFERRED", "how transactions begin when auto-commit is off", "DEFERRED", "IMMEDIATE", "EXCLUSIVE", "DEFFERED");
        add(m, "date_class", DRIVER, CHOICE, "INTEGER", "how java.sql dates are stored: INTEGER (epoch time, see date_precision), REAL (Julian day) or TEXT (date_string_format)", "INTEGER", "REAL", "TEXT");
        add(m, "date_precision", DRIVER, CHOICE, "MILLISECONDS", "unit of INTEGER dates", "MILLISECONDS", "SECONDS");
        add(m, "date_string_format", DRIVER, TEXT, DateSettings.STANDARD_PATTERN, "java.text.SimpleDateFormat pattern for TEXT dates");
        add(m, "jdbc.explicit_readonly", DRIVER, BOOLEAN, "false", "as sqlite-jdbc: with auto-commit off, a transaction of a connection not set read-only begins IMMEDIATE (takes the write lock up front); setReadOnly works outside a transaction either way (PRAGMA query_only)");
        add(m, "jdbc.get_generated_keys", DRIVER, BOOLEAN, "true", "whether getGeneratedKeys returns keys");
        add(m, "password", DRIVER, TEXT, null, "encryption key of SQLCipher builds; this driver has no encryption, so only an empty value is accepted");
        add(m, "hexkey_mode", DRIVER, CHOICE, "NONE", "SQLCipher key format; this driver has no encryption, so only NONE is accepted", "NONE", "SSE", "SQLCIPHER");
        add(m, "user", DRIVER, TEXT, null, "ignored: SQLite has no users (accepted because tools always send it)");
        add(m, "statement_cache_size", DRIVER, INTEGER, "256", "compiled statements kept per connection for reuse by prepareStatement (0 disables the cache)");
        // Ours, coming with the extension platform.
        add(m, "extensions", DRIVER, TEXT, null, "extensions to load before the first statement: NAME or file:PATH#sha256=HEX, comma-separated, each with options ;prefix=P ;bare=all|none|NAME+NAME (docs/extensions.md)");
        add(m, "grants", DRIVER, TEXT, null, "capabilities granted to extensions, default deny: EXT:CAPABILITY[=SCOPE|SCOPE], comma-separated, e.g. csv:fs.read=/data/in; connection:fs.write=/data/dbs confines the files ATTACH and VACUUM INTO may open and where sqlink_bundle_export and sqlink_bundle_import may write and read (docs/extensions.md)");
        add(m, "wasm_memory_limit_mb", DRIVER, INTEGER, "64", "memory each wasm extension instance may grow to, in MiB (1 to 4096); a call that needs more fails and the extension is reset");
        add(m, "wasm_call_timeout_ms", DRIVER, INTEGER, "10000", "longest a single wasm extension call may run, in milliseconds; a call that runs longer is stopped, failing its statement");
        add(m, "bundle", DRIVER, TEXT, null, "a bundle of extensions to load before the first statement, together with the extensions property: an alias or a hash prefix (4+ hex digits) in the bundle store (docs/bundles.md)");
        add(m, "bundle_store", DRIVER, TEXT, null, "folder of the bundle store; default $XDG_CACHE_HOME/sqlink/bundles, else ~/.cache/sqlink/bundles");
        add(m, "bundle_mode", DRIVER, CHOICE, "auto", "how a bundle's wasm extensions open: auto (the built form when the store has one, else compile now), built (only built forms; error if not built), load (always compile, ignore built forms)", "auto", "built", "load");
        // Pragmas; header-shaping ones first.
        add(m, "page_size", PRAGMA, INTEGER, null, "page size of a new database (power of two, 512 to 65536)");
        add(m, "encoding", PRAGMA, CHOICE, null, "text encoding of a new database", "UTF-8", "UTF8", "UTF-16", "UTF16", "UTF-16le", "UTF16le", "UTF-16be", "UTF16be");
        add(m, "legacy_file_format", PRAGMA, BOOLEAN, null, "no-op in current SQLite");
        add(m, "auto_vacuum", PRAGMA, CHOICE, null, "auto-vacuum mode of a new database", "NONE", "FULL", "INCREMENTAL", "0", "1", "2");
        add(m, "locking_mode", PRAGMA, CHOICE, null, "NORMAL or EXCLUSIVE file locking", "NORMAL", "EXCLUSIVE");
        add(m, "journal_mode", PRAGMA, CHOICE, null, "rollback journal or write-ahead log", "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "WAL", "OFF");
        add(m, "synchronous", PRAGMA, CHOICE, null, "how often SQLite syncs to disk", "OFF", "NORMAL", "FULL", "EXTRA", "0", "1", "2", "3");
        add(m, "automatic_index", PRAGMA, BOOLEAN, null, "allow transient automatic indexes");
        add(m, "cache_size", PRAGMA, INTEGER, null, "page cache size (pages, or KiB when negative)");
        add(m, "cache_spill", PRAGMA, INTEGER, null, "dirty pages before spilling to disk mid-transaction (0 disables)");
        add(m, "mmap_size", PRAGMA, INTEGER, null, "bytes of memory-mapped I/O");
        add(m, "case_sensitive_like", PRAGMA, BOOLEAN, null, "make LIKE case sensitive");
        add(m, "count_changes", PRAGMA, BOOLEAN, null, "deprecated");
        add(m, "default_cache_size", PRAGMA, INTEGER, null, "deprecated");
        add(m, "defer_foreign_keys", PRAGMA, BOOLEAN, null, "check foreign keys at commit");
        add(m, "empty_result_callback", PRAGMA, BOOLEAN, null, "deprecated");
        add(m, "foreign_keys", PRAGMA, BOOLEAN, null, "enforce foreign key constraints");
        add(m, "full_column_names", PRAGMA, BOOLEAN, null, "deprecated");
        add(m, "fullsync", PRAGMA, BOOLEAN, null, "use F_FULLFSYNC where supported");
        add(m, "incremental_vacuum", PRAGMA, INTEGER, null, "free up to N pages at open (auto_vacuum=incremental)");
        add(m, "journal_size_limit", PRAGMA, INTEGER, null, "bytes of journal or WAL kept after a transaction");
        add(m, "legacy_alter_table", PRAGMA, BOOLEAN, null, "legacy ALTER TABLE RENAME behaviour");
        add(m, "max_page_count", PRAGMA, INTEGER, null, "maximum pages in the database file");
        add(m, "read_uncommitted", PRAGMA, BOOLEAN, null, "READ UNCOMMITTED isolation (shared cache only)");
        add(m, "recursive_triggers", PRAGMA, BOOLEAN, null, "let triggers fire recursively");
        add(m, "reverse_unordered_selects", PRAGMA, BOOLEAN, null, "reverse unordered results (testing aid)");
        add(m, "secure_delete", PRAGMA, CHOICE, null, "overwrite deleted content", "TRUE", "FALSE", "FAST", "ON", "OFF", "0", "1", "2");
        add(m, "short_column_names", PRAGMA, BOOLEAN, null, "deprecated");
        add(m, "temp_store", PRAGMA, CHOICE, null, "where temporary tables live", "DEFAULT", "FILE", "MEMORY", "0", "1", "2");
        add(m, "temp_store_directory", PRAGMA, TEXT, null, "deprecated");
        add(m, "user_version", PRAGMA, INTEGER, null, "the user-version integer in the database header");
        add(m, "application_id", PRAGMA, INTEGER, null, "the application-id integer in the database header");
        add(m, "wal_autocheckpoint", PRAGMA, INTEGER, null, "WAL pages before an automatic checkpoint");
        add(m, "limit_page_count", PRAGMA, INTEGER, null, "maximum pages in the database file (PRAGMA max_page_count)");
        for (String limit : new String[] {"limit_length", "limit_sql_length", "limit_column", "limit_expr_depth",
                "limit_compound_select", "limit_vdbe_op", "limit_function_arg", "limit_attached",
                "limit_like_pattern_length", "limit_variable_number", "limit_trigger_depth", "limit_worker_threads"}) {
            add(m, limit, LIMIT, INTEGER, null, "sqlite3_limit " + limit.substring(6).toUpperCase(java.util.Locale.ROOT));
        }
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, ConnectionProperty> m, String name, ConnectionProperty.Kind kind,
            ConnectionProperty.Type type, String defaultValue, String description, String... choices) {
        m.put(name, new ConnectionProperty(name, kind, type, defaultValue, description, choices));
    }

    /** Every property, in application order. */
    public static Collection<ConnectionProperty> all() {
        return ALL.values();
    }

    public static ConnectionProperty find(String name) {
        return ALL.get(name);
    }

    static int limitId(String name) {
        return LIMIT_IDS.get(name);
    }

    /** The property named {@code name}, or an error naming it and the closest valid name. */
    static ConnectionProperty require(String name) throws SQLException {
        ConnectionProperty p = ALL.get(name);
        if (p != null) {
            return p;
        }
        throw new SQLException("unknown connection property '" + name + "'; did you mean '" + closest(name)
                + "'? (all properties: DriverManager.getDriver(url).getPropertyInfo)", "HY024");
    }

    /** The catalogue name with the smallest edit distance to {@code name}. */
    static String closest(String name) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        for (String candidate : ALL.keySet()) {
            int d = editDistance(lower, candidate);
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return best;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** getPropertyInfo's answer, with {@code given} values filled in. */
    static DriverPropertyInfo[] describe(Map<String, String> given) {
        DriverPropertyInfo[] out = new DriverPropertyInfo[ALL.size()];
        int i = 0;
        for (ConnectionProperty p : ALL.values()) {
            String value = given.getOrDefault(p.name(), p.defaultValue());
            DriverPropertyInfo info = new DriverPropertyInfo(p.name(), value);
            info.description = p.description() + (p.kind() == PRAGMA ? " (PRAGMA " + p.name() + ")" : "");
            String[] choices = p.choices();
            info.choices = choices.length == 0 ? null : choices;
            info.required = false;
            out[i++] = info;
        }
        return out;
    }
}

package dev.sqlink.jdbc;

import dev.sqlink.engine.Database;
import java.util.Map;

/**
 * Applies a connection's settings to a freshly opened database: busy timeout, limits, then
 * the pragmas in catalogue order. Every value was validated by {@link ConnectionProperty}, so
 * the PRAGMA text built here holds only checked numbers, keywords or a quoted string.
 */
final class ConnectionSetup {
    private final Database db;
    private final ConnectionSettings settings;

    ConnectionSetup(Database db, ConnectionSettings settings) {
        this.db = db;
        this.settings = settings;
    }

    void apply() {
        db.busyTimeout(settings.busyTimeout());
        Map<String, String> given = settings.values();
        for (ConnectionProperty p : PropertyCatalog.all()) {
            String value = given.get(p.name());
            if (value == null) {
                continue;
            }
            if (p.kind() == ConnectionProperty.Kind.LIMIT) {
                db.limit(PropertyCatalog.limitId(p.name()), clampToInt(value));
            } else if (p.kind() == ConnectionProperty.Kind.PRAGMA) {
                db.exec(pragma(p, value));
            }
        }
    }

    static String pragma(ConnectionProperty p, String value) {
        switch (p.name()) {
            case "limit_page_count":
                return "PRAGMA max_page_count = " + value;
            case "incremental_vacuum":
                return "PRAGMA incremental_vacuum(" + value + ")";
            case "encoding":
                return "PRAGMA encoding = '" + value + "'";
            case "temp_store_directory":
                return "PRAGMA temp_store_directory = '" + value.replace("'", "''") + "'";
            default:
                return "PRAGMA " + p.name() + " = " + value;
        }
    }

    private static int clampToInt(String value) {
        long v = Long.parseLong(value);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}

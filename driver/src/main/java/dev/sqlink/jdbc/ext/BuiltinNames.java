package dev.sqlink.jdbc.ext;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Stmt;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The function, collation and module names SQLite itself defines. Every connection runs the
 * same engine, so the first connection that enables an extension reads them once for the JVM
 * (before registering anything on it).
 */
final class BuiltinNames {
    private static volatile Map<String, Set<String>> names;

    private BuiltinNames() {}

    static Map<String, Set<String>> of(Database db) {
        Map<String, Set<String>> n = names;
        if (n == null) {
            n = Map.of("function", read(db, "SELECT name FROM pragma_function_list"),
                    "collation", read(db, "SELECT name FROM pragma_collation_list"),
                    "module", read(db, "SELECT name FROM pragma_module_list"));
            names = n;
        }
        return n;
    }

    private static Set<String> read(Database db, String sql) {
        Set<String> out = new HashSet<>();
        try (Stmt s = db.prepare(sql)) {
            while (s.step()) {
                out.add(s.getText(0).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }
}

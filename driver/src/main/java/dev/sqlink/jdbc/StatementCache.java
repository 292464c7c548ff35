package dev.sqlink.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sqlink.engine.Stmt;
import java.util.ArrayList;

/**
 * Compiled statements that no open PreparedStatement is using, by SQL text, so ORMs that
 * prepare the same SQL again and again skip SQLite's parser. A PreparedStatement takes its
 * statement out of the cache and puts it back when closed; statements the cache evicts are
 * finalized. Eviction runs on the caller's thread, which already holds the connection lock.
 */
final class StatementCache {
    private final Cache<String, Stmt> idle;

    StatementCache(int maximumSize) {
        this.idle = maximumSize <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .executor(Runnable::run)
                .<String, Stmt>evictionListener((sql, stmt, cause) -> {
                    if (stmt != null) {
                        stmt.close();
                    }
                })
                .build();
    }

    /** A ready statement for {@code sql}, or null when none is idle. */
    Stmt take(String sql) {
        return idle == null ? null : idle.asMap().remove(sql);
    }

    /** Offers a statement back (rewound, bindings cleared); finalizes it when the cache cannot keep it. */
    void giveBack(String sql, Stmt stmt) {
        if (stmt.isClosed()) {
            return;
        }
        if (idle == null) {
            stmt.close();
            return;
        }
        stmt.reset();
        stmt.clearBindings();
        if (idle.asMap().putIfAbsent(sql, stmt) != null) {
            stmt.close(); // another copy of the same SQL is already idle
        }
    }

    int size() {
        return idle == null ? 0 : idle.asMap().size();
    }

    /** Finalizes every idle statement. */
    void clear() {
        if (idle == null) {
            return;
        }
        for (Stmt s : new ArrayList<>(idle.asMap().values())) {
            s.close();
        }
        idle.asMap().clear();
    }
}

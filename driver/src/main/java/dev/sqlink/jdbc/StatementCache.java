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
    private final int maximumSize;
    /**
     * Made on the first statement given back, not with the connection: building a Caffeine
     * cache in a cold JVM loads and links enough classes to cost about 100 ms, which a
     * connection that never reuses a prepared statement (or has not yet) should not pay before
     * its first row, and an idle connection should not hold.
     */
    private volatile Cache<String, Stmt> idle;

    StatementCache(int maximumSize) {
        this.maximumSize = maximumSize;
    }

    /** A ready statement for {@code sql}, or null when none is idle. */
    Stmt take(String sql) {
        Cache<String, Stmt> cache = idle;
        return cache == null ? null : cache.asMap().remove(sql);
    }

    /** Offers a statement back (rewound, bindings cleared); finalizes it when the cache cannot keep it. */
    void giveBack(String sql, Stmt stmt) {
        if (stmt.isClosed()) {
            return;
        }
        if (maximumSize <= 0) {
            stmt.close();
            return;
        }
        stmt.reset();
        stmt.clearBindings();
        if (idleOrNew().asMap().putIfAbsent(sql, stmt) != null) {
            stmt.close(); // another copy of the same SQL is already idle
        }
    }

    int size() {
        Cache<String, Stmt> cache = idle;
        return cache == null ? 0 : cache.asMap().size();
    }

    /** Finalizes every idle statement. */
    void clear() {
        Cache<String, Stmt> cache = idle;
        if (cache == null) {
            return;
        }
        for (Stmt s : new ArrayList<>(cache.asMap().values())) {
            s.close();
        }
        cache.asMap().clear();
    }

    /** The cache, made on first use; every later statement given back takes only the volatile read. */
    private Cache<String, Stmt> idleOrNew() {
        Cache<String, Stmt> cache = idle;
        return cache != null ? cache : makeIdle();
    }

    private synchronized Cache<String, Stmt> makeIdle() {
        if (idle == null) {
            idle = Caffeine.newBuilder()
                    .maximumSize(maximumSize)
                    .executor(Runnable::run)
                    .<String, Stmt>evictionListener((sql, stmt, cause) -> {
                        if (stmt != null) {
                            stmt.close();
                        }
                    })
                    .build();
        }
        return idle;
    }
}

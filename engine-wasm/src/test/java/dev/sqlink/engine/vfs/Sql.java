package dev.sqlink.engine.vfs;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import dev.sqlink.engine.Stmt;
import java.nio.file.Path;

/** Small helpers the VFS tests share: open, query one value, retry on BUSY. */
final class Sql {
    private Sql() {}

    static Database open(Path file) {
        return Engine.open(file.toString(), OpenFlags.DEFAULT);
    }

    static long queryLong(Database db, String sql) {
        try (Stmt s = db.prepare(sql)) {
            if (!s.step()) {
                throw new AssertionError("no row for " + sql);
            }
            return s.getLong(0);
        }
    }

    static String queryText(Database db, String sql) {
        try (Stmt s = db.prepare(sql)) {
            if (!s.step()) {
                throw new AssertionError("no row for " + sql);
            }
            return s.getText(0);
        }
    }

    static String integrity(Database db) {
        return queryText(db, "PRAGMA integrity_check");
    }

    /** Runs {@code body} until it does not fail with BUSY (busy_timeout covers most waits; deadlocks end here). */
    static void retryBusy(Runnable body) {
        for (int attempt = 0; ; attempt++) {
            try {
                body.run();
                return;
            } catch (SqliteException e) {
                if (e.resultCode() != ResultCode.BUSY || attempt > 200) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Runs {@code sql} statements as one transaction, rolling back if anything fails. */
    static void inTransaction(Database db, String begin, Runnable body) {
        db.exec(begin);
        boolean done = false;
        try {
            body.run();
            db.exec("COMMIT");
            done = true;
        } finally {
            if (!done && !db.isAutocommit()) {
                db.exec("ROLLBACK");
            }
        }
    }
}

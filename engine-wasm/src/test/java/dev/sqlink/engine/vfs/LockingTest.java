package dev.sqlink.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite's lock protocol between connections of one JVM, over the shared per-file lock table. */
class LockingTest {
    @TempDir
    Path dir;

    @Test
    void oneWriterAtATimeAndReadersKeepWritersFromCommitting() {
        Path file = dir.resolve("a.db");
        try (Database a = Sql.open(file); Database b = Sql.open(file)) {
            a.exec("CREATE TABLE t(x)");
            a.exec("BEGIN IMMEDIATE");
            SqliteException busy = assertThrows(SqliteException.class, () -> b.exec("BEGIN IMMEDIATE"));
            assertEquals(ResultCode.BUSY, busy.resultCode());
            // A reader may still read the last committed state while a writer holds RESERVED.
            assertEquals(0, Sql.queryLong(b, "SELECT count(*) FROM t"));
            a.exec("INSERT INTO t VALUES (1)");
            a.exec("COMMIT");

            b.exec("BEGIN");
            assertEquals(1, Sql.queryLong(b, "SELECT count(*) FROM t"));
            a.exec("BEGIN IMMEDIATE");
            a.exec("INSERT INTO t VALUES (2)");
            SqliteException commitBusy = assertThrows(SqliteException.class, () -> a.exec("COMMIT"));
            assertEquals(ResultCode.BUSY, commitBusy.resultCode());
            b.exec("COMMIT");
            a.exec("COMMIT");
            assertEquals(2, Sql.queryLong(b, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void closingOneConnectionKeepsAnotherConnectionsLocks() {
        Path file = dir.resolve("b.db");
        try (Database a = Sql.open(file)) {
            a.exec("CREATE TABLE t(x)");
            a.exec("BEGIN IMMEDIATE");
            a.exec("INSERT INTO t VALUES (1)");
            for (int i = 0; i < 3; i++) {
                try (Database other = Sql.open(file)) {
                    assertEquals(0, Sql.queryLong(other, "SELECT count(*) FROM t"));
                }
            }
            try (Database c = Sql.open(file)) {
                SqliteException busy = assertThrows(SqliteException.class, () -> c.exec("BEGIN IMMEDIATE"));
                assertEquals(ResultCode.BUSY, busy.resultCode());
            }
            a.exec("COMMIT");
        }
    }

    @Test
    void busyTimeoutWaitsForTheWriter() throws Exception {
        Path file = dir.resolve("c.db");
        try (Database a = Sql.open(file); Database b = Sql.open(file)) {
            a.exec("CREATE TABLE t(x)");
            b.busyTimeout(5000);
            // The writer needs a timeout too: its COMMIT wants EXCLUSIVE, and b holds SHARED for a
            // moment on each retry of BEGIN IMMEDIATE; without waiting, that COMMIT can fail BUSY
            // and leave a holding RESERVED until b gives up, as native SQLite would.
            a.busyTimeout(5000);
            a.exec("BEGIN IMMEDIATE");
            AtomicReference<Throwable> commitFailure = new AtomicReference<>();
            Thread committer = new Thread(() -> {
                try {
                    Thread.sleep(200);
                    a.exec("COMMIT");
                } catch (Throwable e) {
                    commitFailure.set(e);
                }
            });
            committer.start();
            b.exec("BEGIN IMMEDIATE");
            b.exec("INSERT INTO t VALUES (1)");
            b.exec("COMMIT");
            committer.join();
            assertNull(commitFailure.get(), () -> "the writer's COMMIT failed: " + commitFailure.get());
            assertEquals(1, Sql.queryLong(a, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void journalModesAndSynchronousSettingsAllCommit() {
        for (String mode : new String[] {"DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF"}) {
            for (String sync : new String[] {"OFF", "NORMAL", "FULL", "EXTRA"}) {
                Path file = dir.resolve("j-" + mode + "-" + sync + ".db");
                try (Database db = Sql.open(file)) {
                    assertEquals(mode.toLowerCase(), Sql.queryText(db, "PRAGMA journal_mode=" + mode));
                    db.exec("PRAGMA synchronous=" + sync);
                    db.exec("CREATE TABLE t(x)");
                    db.exec("BEGIN; INSERT INTO t VALUES (1); INSERT INTO t VALUES (2); COMMIT");
                    db.exec("BEGIN; INSERT INTO t VALUES (3)");
                    db.exec("ROLLBACK");
                }
                try (Database db = Sql.open(file)) {
                    assertEquals(2, Sql.queryLong(db, "SELECT count(*) FROM t"), mode + "/" + sync);
                    assertEquals("ok", Sql.integrity(db));
                }
            }
        }
    }

    @Test
    void uriParametersReadOnlyImmutableNolockAndMemory() {
        Path file = dir.resolve("u.db");
        try (Database db = Sql.open(file)) {
            db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (7)");
        }
        String uri = file.toUri().toString();
        try (Database ro = dev.sqlink.engine.Engine.open(uri + "?mode=ro", dev.sqlink.engine.OpenFlags.DEFAULT)) {
            assertEquals(7, Sql.queryLong(ro, "SELECT x FROM t"));
            SqliteException e = assertThrows(SqliteException.class, () -> ro.exec("INSERT INTO t VALUES (8)"));
            assertEquals(ResultCode.READONLY, e.resultCode());
        }
        try (Database rw = dev.sqlink.engine.Engine.open(uri + "?mode=rw", dev.sqlink.engine.OpenFlags.DEFAULT)) {
            rw.exec("INSERT INTO t VALUES (8)");
        }
        SqliteException missing = assertThrows(SqliteException.class, () -> dev.sqlink.engine.Engine.open(
                dir.resolve("absent.db").toUri() + "?mode=rw", dev.sqlink.engine.OpenFlags.DEFAULT));
        assertEquals(ResultCode.CANTOPEN, missing.resultCode());
        try (Database rwc = dev.sqlink.engine.Engine.open(dir.resolve("new.db").toUri() + "?mode=rwc",
                dev.sqlink.engine.OpenFlags.DEFAULT)) {
            rwc.exec("CREATE TABLE n(x)");
        }
        try (Database imm = dev.sqlink.engine.Engine.open(uri + "?immutable=1", dev.sqlink.engine.OpenFlags.DEFAULT);
                Database writer = Sql.open(file)) {
            writer.exec("BEGIN EXCLUSIVE");
            // immutable=1 takes no locks at all, so an exclusive writer does not stop it.
            assertEquals(2, Sql.queryLong(imm, "SELECT count(*) FROM t"));
            writer.exec("COMMIT");
        }
        try (Database nolock = dev.sqlink.engine.Engine.open(uri + "?nolock=1", dev.sqlink.engine.OpenFlags.DEFAULT);
                Database writer = Sql.open(file)) {
            writer.exec("BEGIN EXCLUSIVE");
            assertEquals(2, Sql.queryLong(nolock, "SELECT count(*) FROM t"));
            writer.exec("COMMIT");
        }
        try (Database mem = dev.sqlink.engine.Engine.open("file:shared?mode=memory", dev.sqlink.engine.OpenFlags.DEFAULT)) {
            mem.exec("CREATE TABLE m(x); INSERT INTO m VALUES (1)");
            assertEquals(1, Sql.queryLong(mem, "SELECT count(*) FROM m"));
        }
    }

    @Test
    void anInterruptedConnectionReleasesItsLocksAndLeavesOthersWorking() {
        Path file = dir.resolve("i.db");
        try (Database a = Sql.open(file); Database b = Sql.open(file)) {
            a.exec("CREATE TABLE t(x); INSERT INTO t VALUES (0)");
            a.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (1)");
            Thread.currentThread().interrupt();
            try {
                // The runtime stops on a thread interrupt: the connection is lost, as after a crash.
                assertThrows(SqliteException.class, () -> a.exec("INSERT INTO t SELECT x FROM t"));
            } finally {
                Thread.interrupted();
            }
            // Its locks are gone and the shared channel is still open for the other connection.
            b.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (2); COMMIT");
            assertEquals(2, Sql.queryLong(b, "SELECT count(*) FROM t"));
            assertEquals("ok", Sql.integrity(b));
        }
    }

    @Test
    void anUnknownVfsIsAClearError() {
        SqliteException e = assertThrows(SqliteException.class, () -> dev.sqlink.engine.Engine.open(
                dir.resolve("v.db").toUri() + "?vfs=unix", dev.sqlink.engine.OpenFlags.DEFAULT));
        assertEquals(ResultCode.ERROR, e.resultCode());
        assertTrue(e.getMessage().contains("no such vfs: unix"), e.getMessage());
        try (Database db = dev.sqlink.engine.Engine.open(dir.resolve("v.db").toUri() + "?vfs=sqlink",
                dev.sqlink.engine.OpenFlags.DEFAULT)) {
            db.exec("CREATE TABLE t(x)");
        }
    }

    @Test
    void tempDatabasesTempTablesAndAttach() {
        Path main = dir.resolve("main.db");
        Path other = dir.resolve("other.db");
        try (Database db = Sql.open(main)) {
            db.exec("PRAGMA temp_store=FILE");
            db.exec("CREATE TEMP TABLE tt(x); INSERT INTO tt WITH RECURSIVE c(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM c WHERE v < 20000) SELECT v FROM c");
            assertEquals(20000, Sql.queryLong(db, "SELECT count(*) FROM (SELECT x FROM tt ORDER BY random())"));
            db.exec("ATTACH '" + other + "' AS o");
            db.exec("CREATE TABLE o.t(x); BEGIN; INSERT INTO o.t VALUES (1); CREATE TABLE main.m(y); COMMIT");
            db.exec("DETACH o");
        }
        try (Database db = Sql.open(other)) {
            assertEquals(1, Sql.queryLong(db, "SELECT count(*) FROM t"));
        }
        try (Database db = dev.sqlink.engine.Engine.open("", dev.sqlink.engine.OpenFlags.DEFAULT)) {
            db.exec("CREATE TABLE t(x); INSERT INTO t WITH RECURSIVE c(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM c WHERE v < 5000) SELECT v FROM c");
            assertEquals(5000, Sql.queryLong(db, "SELECT count(*) FROM t"));
        }
    }
}

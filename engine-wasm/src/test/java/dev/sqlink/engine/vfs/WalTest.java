package dev.sqlink.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAL mode with the wal-index shared between the connections (and wasm instances) of one JVM. */
class WalTest {
    @TempDir
    Path dir;

    @Test
    void readersKeepTheirSnapshotWhileAWriterCommits() {
        Path file = dir.resolve("w.db");
        try (Database a = Sql.open(file); Database b = Sql.open(file); Database c = Sql.open(file)) {
            assertEquals("wal", Sql.queryText(a, "PRAGMA journal_mode=WAL"));
            a.exec("CREATE TABLE t(x)");
            a.exec("INSERT INTO t VALUES (1)");
            b.exec("BEGIN");
            assertEquals(1, Sql.queryLong(b, "SELECT count(*) FROM t"));
            // In WAL a writer commits while a reader holds its snapshot.
            a.exec("INSERT INTO t VALUES (2)");
            c.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (3); COMMIT");
            assertEquals(1, Sql.queryLong(b, "SELECT count(*) FROM t"));
            b.exec("COMMIT");
            assertEquals(3, Sql.queryLong(b, "SELECT count(*) FROM t"));
            a.exec("BEGIN IMMEDIATE");
            SqliteException busy = assertThrows(SqliteException.class, () -> c.exec("BEGIN IMMEDIATE"));
            assertEquals(ResultCode.BUSY, busy.resultCode() & 0xff);
            a.exec("COMMIT");
            assertEquals(0, Sql.queryLong(c, "PRAGMA wal_checkpoint(TRUNCATE)"));
            assertEquals(3, Sql.queryLong(c, "SELECT count(*) FROM t"));
        }
        assertTrue(Files.notExists(dir.resolve("w.db-wal")), "the last close checkpoints and removes the WAL");
        try (Database db = Sql.open(file)) {
            assertEquals("wal", Sql.queryText(db, "PRAGMA journal_mode"));
            assertEquals(3, Sql.queryLong(db, "SELECT count(*) FROM t"));
            assertEquals("ok", Sql.integrity(db));
        }
    }

    @Test
    void aWalIndexLargerThanOneRegionIsSharedToo() {
        // More than 4096 frames need a second 32 KiB region and a second page of shared memory.
        Path file = dir.resolve("big.db");
        try (Database a = Sql.open(file); Database b = Sql.open(file)) {
            a.exec("PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; PRAGMA page_size=1024");
            a.exec("CREATE TABLE t(x)");
            b.exec("BEGIN");
            assertEquals(0, Sql.queryLong(b, "SELECT count(*) FROM t"));
            for (int i = 0; i < 30; i++) {
                a.exec("WITH RECURSIVE c(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM c WHERE v < 300) "
                        + "INSERT INTO t SELECT randomblob(800) FROM c");
            }
            assertEquals(0, Sql.queryLong(b, "SELECT count(*) FROM t"));
            b.exec("COMMIT");
            assertEquals(9000, Sql.queryLong(b, "SELECT count(*) FROM t"));
            assertTrue(Sql.queryLong(b, "SELECT count(*) FROM t") > 0);
        }
        try (Database db = Sql.open(file)) {
            assertEquals("ok", Sql.integrity(db));
        }
    }

    @Test
    void aNativeProcessInWalModeAndThisJvmRefuseEachOtherCleanly() throws Exception {
        assumeTrue(NativeSqlite.available(), "the native sqlite3 tool is not installed");
        Path file = dir.resolve("x.db");
        NativeSqlite.run(file, "PRAGMA journal_mode=WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1);\n");

        Process cli = NativeSqlite.start(file);
        OutputStream in = cli.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        in.write("SELECT count(*) FROM t;\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertEquals("1", out.readLine());
        try (Database db = Sql.open(file)) {
            SqliteException e = assertThrows(SqliteException.class, () -> Sql.queryLong(db, "SELECT count(*) FROM t"));
            assertEquals(ResultCode.IOERR, e.resultCode());
            assertTrue(e.getMessage().contains("WAL mode by another process"), e.getMessage());
        }
        in.write("INSERT INTO t VALUES (2);\n.quit\n".getBytes(StandardCharsets.UTF_8));
        in.close();
        assertTrue(cli.waitFor(30, TimeUnit.SECONDS));

        try (Database db = Sql.open(file)) {
            assertEquals(2, Sql.queryLong(db, "SELECT count(*) FROM t"));
            db.exec("INSERT INTO t VALUES (3)");
            Process other = new ProcessBuilder(NativeSqlite.BINARY.toString(), "-batch", file.toString(),
                    "SELECT count(*) FROM t").start();
            String err = new String(other.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
            // Native SQLite cannot get the wal-index (our DMS lock): after its retries it gives
            // up with "database is locked" or "locking protocol", never touching the WAL.
            assertTrue(err.contains("database is locked") || err.contains("locking protocol"), err);
        }
        assertEquals("3", NativeSqlite.run(file, "SELECT count(*) FROM t;\n"));
        assertEquals("ok", NativeSqlite.run(file, "PRAGMA integrity_check;\n"));
    }

    @Test
    void manyConnectionsOpenAndCloseWhileOthersWrite() throws Exception {
        Path file = dir.resolve("churn.db");
        try (Database db = Sql.open(file)) {
            db.exec("PRAGMA journal_mode=WAL; CREATE TABLE t(x)");
        }
        List<Throwable> failures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            threads.add(new Thread(() -> {
                try {
                    for (int round = 0; round < 10; round++) {
                        try (Database db = Sql.open(file)) {
                            db.busyTimeout(30000);
                            for (int i = 0; i < 10; i++) {
                                Sql.retryBusy(() -> db.exec("INSERT INTO t VALUES (1)"));
                            }
                            Sql.queryLong(db, "SELECT count(*) FROM t");
                        }
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        try (Database db = Sql.open(file)) {
            assertEquals(300, Sql.queryLong(db, "SELECT count(*) FROM t"));
            assertEquals("ok", Sql.integrity(db));
        }
    }
}

package dev.sqlink.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import dev.sqlink.engine.Stmt;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The same file used by this engine and by the native sqlite3 tool, one after the other and at once. */
class NativeInteropTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void needsNativeSqlite() {
        assumeTrue(NativeSqlite.available(), "the native sqlite3 tool is not installed");
    }

    @Test
    void nativeReadsWhatWeWroteAndWeReadWhatItWrote() throws Exception {
        Path file = dir.resolve("x.db");
        try (Database db = Sql.open(file)) {
            db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT)");
            db.exec("BEGIN");
            try (Stmt s = db.prepare("INSERT INTO t(s) VALUES (?)")) {
                for (int i = 0; i < 2000; i++) {
                    s.bindText(1, "row " + i);
                    s.step();
                    s.reset();
                }
            }
            db.exec("COMMIT");
        }
        assertEquals("2000|row 1999", NativeSqlite.run(file, "SELECT count(*), (SELECT s FROM t WHERE id = 2000) FROM t;\n"));
        assertEquals("ok", NativeSqlite.run(file, "PRAGMA integrity_check;\n"));
        NativeSqlite.run(file, "CREATE TABLE n(x); INSERT INTO n SELECT value FROM generate_series(1, 3000);\n");
        try (Database db = Sql.open(file)) {
            assertEquals(3000 * 3001 / 2, Sql.queryLong(db, "SELECT sum(x) FROM n"));
            assertEquals("ok", Sql.integrity(db));
        }
    }

    @Test
    void locksExcludeTheNativeToolBothWays() throws Exception {
        Path file = dir.resolve("l.db");
        try (Database db = Sql.open(file)) {
            db.exec("CREATE TABLE t(x)");
        }
        Process cli = NativeSqlite.start(file);
        OutputStream in = cli.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        in.write("BEGIN IMMEDIATE; INSERT INTO t VALUES (1); SELECT 'held';\n".getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertEquals("held", out.readLine());
        try (Database db = Sql.open(file)) {
            SqliteException busy = assertThrows(SqliteException.class, () -> db.exec("BEGIN IMMEDIATE"));
            assertEquals(ResultCode.BUSY, busy.resultCode());
            // checkReservedLock sees the native reserved lock: reading is still allowed.
            assertEquals(0, Sql.queryLong(db, "SELECT count(*) FROM t"));
        }
        in.write("COMMIT;\n.quit\n".getBytes(StandardCharsets.UTF_8));
        in.close();
        assertTrue(cli.waitFor(30, TimeUnit.SECONDS));

        try (Database a = Sql.open(file)) {
            a.exec("BEGIN IMMEDIATE");
            a.exec("INSERT INTO t VALUES (2)");
            // Another connection of this JVM opening and closing the file must not drop a's locks.
            try (Database b = Sql.open(file)) {
                Sql.queryLong(b, "SELECT count(*) FROM t");
            }
            Process writer = new ProcessBuilder(NativeSqlite.BINARY.toString(), "-batch", file.toString(),
                    "INSERT INTO t VALUES (3)").start();
            String err = new String(writer.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertTrue(err.contains("database is locked"), err);
            a.exec("COMMIT");
            assertEquals(2, Sql.queryLong(a, "SELECT count(*) FROM t"));
        }
    }

    @Test
    void writingConcurrentlyWithTheNativeToolLosesNothing() throws Exception {
        Path file = dir.resolve("c.db");
        try (Database db = Sql.open(file)) {
            db.exec("CREATE TABLE t(src TEXT, n INTEGER)");
        }
        int perWriter = 300;
        StringBuilder script = new StringBuilder(".timeout 20000\n");
        for (int i = 0; i < perWriter; i++) {
            script.append("INSERT INTO t VALUES ('native', ").append(i).append(");\n");
            if (i % 10 == 0) {
                script.append("BEGIN IMMEDIATE; INSERT INTO t VALUES ('native-tx', ").append(i)
                        .append("); UPDATE t SET n = n WHERE src = 'native-tx'; COMMIT;\n");
            }
        }
        Process cli = NativeSqlite.start(file);
        cli.getOutputStream().write(script.toString().getBytes(StandardCharsets.UTF_8));
        cli.getOutputStream().close();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            String src = "java" + w;
            Thread t = new Thread(() -> {
                try (Database db = Sql.open(file)) {
                    db.busyTimeout(20000);
                    for (int i = 0; i < perWriter; i++) {
                        int n = i;
                        Sql.retryBusy(() -> db.exec("INSERT INTO t VALUES ('" + src + "', " + n + ")"));
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(cli.waitFor(120, TimeUnit.SECONDS));
        assertEquals("", err);
        assertEquals(List.of(), failures);
        try (Database db = Sql.open(file)) {
            assertEquals(3 * perWriter + perWriter / 10, Sql.queryLong(db, "SELECT count(*) FROM t"));
            assertEquals("ok", Sql.integrity(db));
        }
        assertEquals("ok", NativeSqlite.run(file, "PRAGMA integrity_check;\n"));
    }

    @Test
    void nativeRecoversOurHotJournalAndWeRecoverItsHotJournal() throws Exception {
        // Our crash leaves a hot journal (see CrashSafetyTest); here the native tool leaves one:
        // it is killed in the middle of a big transaction after spilling pages to the file.
        Path file = dir.resolve("h.db");
        NativeSqlite.run(file, "CREATE TABLE t(x); INSERT INTO t SELECT randomblob(500) FROM generate_series(1, 2000);\n");
        Process cli = NativeSqlite.start(file);
        OutputStream in = cli.getOutputStream();
        BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        in.write(("PRAGMA cache_size=10; BEGIN; UPDATE t SET x = randomblob(600); SELECT 'spilled';\n")
                .getBytes(StandardCharsets.UTF_8));
        in.flush();
        assertEquals("spilled", out.readLine());
        cli.destroyForcibly();
        cli.waitFor();
        assertTrue(java.nio.file.Files.size(dir.resolve("h.db-journal")) > 0, "the native tool left a hot journal");
        try (Database db = Sql.open(file)) {
            assertEquals("ok", Sql.integrity(db));
            assertEquals(2000, Sql.queryLong(db, "SELECT count(*) FROM t WHERE length(x) = 500"));
        }
    }
}

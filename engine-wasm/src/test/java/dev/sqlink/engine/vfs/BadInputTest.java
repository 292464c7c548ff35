package dev.sqlink.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.EngineOptions;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.SqliteException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not what SQLite expects: a clear error with SQLite's code, and the file left as it was. */
class BadInputTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryIsRefused() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("sub"));
        SqliteException e = assertThrows(SqliteException.class, () -> Sql.open(sub));
        assertEquals(ResultCode.CANTOPEN, e.resultCode());
        assertTrue(e.getMessage().contains("directory"), e.getMessage());
    }

    @Test
    void aTextFileIsNotADatabaseAndStaysUntouched() throws Exception {
        Path file = dir.resolve("notes.txt");
        byte[] text = "these are not the pages you are looking for\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);
        try (Database db = Sql.open(file)) {
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("SELECT * FROM sqlite_master"));
            assertEquals(ResultCode.NOTADB, e.resultCode());
            SqliteException w = assertThrows(SqliteException.class, () -> db.exec("CREATE TABLE t(x)"));
            assertEquals(ResultCode.NOTADB, w.resultCode());
        }
        assertArrayEquals(text, Files.readAllBytes(file));
    }

    @Test
    void truncatedAndBitFlippedDatabasesReportCorruptionWithoutFurtherDamage() throws Exception {
        Path good = dir.resolve("good.db");
        try (Database db = Sql.open(good)) {
            db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, s TEXT); CREATE INDEX ts ON t(s)");
            db.exec("WITH RECURSIVE c(v) AS (SELECT 1 UNION ALL SELECT v + 1 FROM c WHERE v < 3000) "
                    + "INSERT INTO t(s) SELECT hex(randomblob(40)) FROM c");
        }
        byte[] image = Files.readAllBytes(good);

        Path truncated = dir.resolve("truncated.db");
        byte[] half = java.util.Arrays.copyOf(image, image.length / 2);
        Files.write(truncated, half);
        try (Database db = Sql.open(truncated)) {
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("SELECT count(*), max(s) FROM t"));
            assertEquals(ResultCode.CORRUPT, e.resultCode());
        }
        assertArrayEquals(half, Files.readAllBytes(truncated));

        Path flipped = dir.resolve("flipped.db");
        byte[] damaged = image.clone();
        damaged[4096] ^= (byte) 0xff; // the b-tree page type of page 2
        Files.write(flipped, damaged);
        try (Database db = Sql.open(flipped)) {
            SqliteException e = assertThrows(SqliteException.class, () -> {
                db.exec("SELECT count(*) FROM t");
                db.exec("SELECT max(s) FROM t");
                db.exec("INSERT INTO t(s) VALUES ('more')");
            });
            assertEquals(ResultCode.CORRUPT, e.resultCode());
        }
        assertArrayEquals(damaged, Files.readAllBytes(flipped));
    }

    @Test
    void aPathThePolicyRefusesIsCantopenWithTheReason() {
        Path secret = dir.resolve("secret.db");
        OpenPolicy onlyAllowed = request -> {
            if (!request.databasePath().endsWith("allowed.db")) {
                throw OpenPolicy.refuse(request, "grant it with fs.write=" + request.path());
            }
        };
        EngineOptions options = EngineOptions.DEFAULT.withVfs(FileVfs.withPolicy(onlyAllowed));
        SqliteException e = assertThrows(SqliteException.class,
                () -> Engine.open(secret.toString(), OpenFlags.DEFAULT, options));
        assertEquals(ResultCode.CANTOPEN, e.resultCode());
        assertTrue(e.getMessage().contains("not allowed to write " + secret), e.getMessage());
        assertTrue(Files.notExists(secret));

        try (Database db = Engine.open(dir.resolve("allowed.db").toString(), OpenFlags.DEFAULT, options)) {
            db.exec("CREATE TABLE t(x)");
            SqliteException attach = assertThrows(SqliteException.class, () -> db.exec("ATTACH '" + secret + "' AS s"));
            assertEquals(ResultCode.CANTOPEN, attach.resultCode());
        }
        assertTrue(Files.notExists(secret));
    }

    @Test
    void aFileWithoutWritePermissionOpensReadOnly() throws Exception {
        Path file = dir.resolve("ro.db");
        try (Database db = Sql.open(file)) {
            db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
        }
        // Tests may run as root, which ignores permission bits: a read-only open stands in.
        try (Database db = Engine.open(file.toString(), OpenFlags.READONLY)) {
            assertEquals(1, Sql.queryLong(db, "SELECT count(*) FROM t"));
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("INSERT INTO t VALUES (2)"));
            assertEquals(ResultCode.READONLY, e.resultCode());
        }
        SqliteException missing = assertThrows(SqliteException.class,
                () -> Engine.open(dir.resolve("nope.db").toString(), OpenFlags.READONLY));
        assertEquals(ResultCode.CANTOPEN, missing.resultCode());
    }

    @Test
    void aFullDiskFailsTheTransactionAndKeepsCommittedData() throws Exception {
        Path file = dir.resolve("full.db");
        FailingVfs vfs = new FailingVfs();
        EngineOptions options = EngineOptions.DEFAULT.withVfs(vfs);
        try (Database db = Engine.open(file.toString(), OpenFlags.DEFAULT, options)) {
            db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (randomblob(1000))");
            vfs.diskFull = true;
            SqliteException e = assertThrows(SqliteException.class,
                    () -> db.exec("BEGIN; INSERT INTO t SELECT randomblob(1000) FROM t, t, t, t, t, t, t, t, t, t, t, t; COMMIT"));
            assertEquals(ResultCode.FULL, e.resultCode());
            assertTrue(e.getMessage().contains("No space left"), e.getMessage());
            if (!db.isAutocommit()) {
                db.exec("ROLLBACK");
            }
            vfs.diskFull = false;
            assertEquals(1, Sql.queryLong(db, "SELECT count(*) FROM t"));
        }
        try (Database db = Sql.open(file)) {
            assertEquals("ok", Sql.integrity(db));
            assertEquals(1, Sql.queryLong(db, "SELECT count(*) FROM t"));
        }
    }
}

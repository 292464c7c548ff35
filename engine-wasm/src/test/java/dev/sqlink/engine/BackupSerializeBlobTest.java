package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupSerializeBlobTest {
    @TempDir
    Path dir;

    private static long scalar(Database db, String sql) {
        try (Stmt s = db.prepare(sql)) {
            assertTrue(s.step());
            return s.getLong(0);
        }
    }

    private static void fill(Database db, int rows) {
        db.exec("create table t(id integer primary key, payload)");
        try (Stmt s = db.prepare("insert into t(payload) values (randomblob(500))")) {
            db.exec("begin");
            for (int i = 0; i < rows; i++) {
                s.step();
                s.reset();
            }
            db.exec("commit");
        }
    }

    @Test
    void backupToFileAndRestoreFromIt() throws Exception {
        Path backup = dir.resolve("backup.db");
        List<int[]> progress = new ArrayList<>();
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            fill(db, 200);
            db.backupTo("main", backup.toString(), 10, (remaining, total) -> progress.add(new int[] {remaining, total}));
        }
        assertTrue(progress.size() > 2, "several steps of 10 pages");
        int[] last = progress.get(progress.size() - 1);
        assertEquals(0, last[0]);
        assertTrue(last[1] > 20);
        assertTrue(Files.size(backup) > 100_000);
        try (Database check = Engine.open(backup.toString(), OpenFlags.READONLY)) {
            assertEquals(200, scalar(check, "select count(*) from t"));
            try (Stmt s = check.prepare("pragma integrity_check")) {
                s.step();
                assertEquals("ok", s.getText(0));
            }
        }
        try (Database db = Engine.open(dir.resolve("target.db").toString(), OpenFlags.DEFAULT)) {
            db.exec("create table other(x); insert into other values (1)");
            db.restoreFrom("main", backup.toString(), -1, null);
            assertEquals(200, scalar(db, "select count(*) from t"));
            assertEquals(0, scalar(db, "select count(*) from sqlite_master where name = 'other'"));
            db.exec("insert into t(payload) values ('after restore')");
        }
        try (Database db = Engine.open(dir.resolve("target.db").toString(), OpenFlags.DEFAULT)) {
            assertEquals(201, scalar(db, "select count(*) from t"));
        }
    }

    @Test
    void backupErrorsAreClear() {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            SqliteException e = assertThrows(SqliteException.class,
                    () -> db.restoreFrom("main", dir.resolve("nope.db").toString(), -1, null));
            assertEquals(ResultCode.CANTOPEN, e.resultCode());
            assertTrue(e.getMessage().contains("nope.db"), e.getMessage());
            e = assertThrows(SqliteException.class,
                    () -> db.backupTo("nosuchschema", dir.resolve("x.db").toString(), -1, null));
            assertTrue(e.getMessage().contains("nosuchschema"), e.getMessage());
            db.exec("create table t(x)");
        }
    }

    @Test
    void serializeAndDeserialize() {
        byte[] image;
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            fill(db, 50);
            image = db.serialize("main");
            assertEquals(scalar(db, "pragma page_count") * scalar(db, "pragma page_size"), image.length);
        }
        assertEquals("SQLite format 3\0", new String(image, 0, 16, StandardCharsets.ISO_8859_1));
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            db.deserialize("main", image, false);
            assertEquals(50, scalar(db, "select count(*) from t"));
            db.exec("insert into t(payload) values (zeroblob(100000))"); // the image can grow
            assertEquals(51, scalar(db, "select count(*) from t"));
            assertTrue(db.serialize("main").length > image.length);
        }
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            db.deserialize("main", image, true);
            assertEquals(50, scalar(db, "select count(*) from t"));
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("delete from t"));
            assertEquals(ResultCode.READONLY, e.resultCode());
        }
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            assertTrue(db.serialize("main").length > 0, "an empty database still serializes");
            SqliteException e = assertThrows(SqliteException.class, () -> db.serialize("nosuch"));
            assertTrue(e.getMessage().contains("nosuch"), e.getMessage());
            db.deserialize("main", Arrays.copyOf("not a database".getBytes(StandardCharsets.UTF_8), 4096), false);
            e = assertThrows(SqliteException.class, () -> scalar(db, "select count(*) from sqlite_master"));
            assertEquals(ResultCode.NOTADB, e.resultCode());
        }
    }

    @Test
    void incrementalBlobIo() {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            db.exec("create table b(id integer primary key, data); insert into b values (1, zeroblob(100000)),"
                    + " (2, x'0102030405')");
            byte[] chunk = "hello blob".getBytes(StandardCharsets.UTF_8);
            try (BlobHandle blob = db.openBlob("main", "b", "data", 1, true)) {
                assertEquals(100000, blob.size());
                blob.write(99990, chunk);
                assertArrayEquals(chunk, blob.read(99990, chunk.length));
                assertArrayEquals(new byte[10], blob.read(0, 10));
                SqliteException e = assertThrows(SqliteException.class, () -> blob.write(99995, chunk));
                assertEquals(ResultCode.ERROR, e.resultCode());
                assertThrows(SqliteException.class, () -> blob.read(-1, 2));
                e = assertThrows(SqliteException.class, () -> blob.read(0, Integer.MAX_VALUE));
                assertTrue(e.getMessage().contains("blob of 100000 bytes"), e.getMessage());
                blob.reopen(2);
                assertEquals(5, blob.size());
                assertArrayEquals(new byte[] {2, 3}, blob.read(1, 2));
                assertArrayEquals(new byte[0], blob.read(0, 0));
            }
            try (Stmt s = db.prepare("select substr(data, 99991, 10) from b where id = 1")) {
                assertTrue(s.step());
                assertArrayEquals(chunk, s.getBlob(0));
            }
            try (BlobHandle ro = db.openBlob("main", "b", "data", 2, false)) {
                SqliteException e = assertThrows(SqliteException.class, () -> ro.write(0, new byte[] {9}));
                assertEquals(ResultCode.READONLY, e.resultCode());
            }
            SqliteException e = assertThrows(SqliteException.class, () -> db.openBlob("main", "b", "data", 3, false));
            assertTrue(e.getMessage().contains("no such rowid"), e.getMessage());
            BlobHandle closed = db.openBlob("main", "b", "data", 2, false);
            closed.close();
            e = assertThrows(SqliteException.class, closed::size);
            assertEquals(ResultCode.MISUSE, e.resultCode());
        }
    }
}

package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenCloseTest {
    @TempDir
    Path dir;

    private static long count(Database db, String sql) {
        try (Stmt s = db.prepare(sql)) {
            assertTrue(s.step(), "expected a row from " + sql);
            return s.getLong(0);
        }
    }

    @Test
    void memoryDatabaseReportsSqliteVersion() {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            assertEquals("3.54.1", db.sqliteVersion());
            assertEquals("", db.databaseFilename("main"));
            assertTrue(db.isAutocommit());
        }
        assertEquals("3.54.1", Engine.sqliteVersion());
    }

    @Test
    void fileDatabasePersistsAcrossConnections() throws Exception {
        Path file = dir.resolve("a.db");
        try (Database db = Engine.open(file.toString(), OpenFlags.DEFAULT)) {
            db.exec("create table t(x); insert into t values (1), (2), (3)");
            assertEquals(file.toAbsolutePath().toString(), db.databaseFilename("main"));
        }
        assertTrue(Files.size(file) > 0);
        try (Database db = Engine.open(file.toString(), OpenFlags.READONLY)) {
            assertEquals(3, count(db, "select count(*) from t"));
            assertEquals(1, db.databaseReadOnly("main"));
            assertEquals(-1, db.databaseReadOnly("nosuch"));
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("insert into t values (4)"));
            assertEquals(ResultCode.READONLY, e.resultCode());
        }
    }

    @Test
    void fileUriWithModeReadOnly() {
        Path file = dir.resolve("uri.db");
        try (Database db = Engine.open(file.toString(), OpenFlags.DEFAULT)) {
            db.exec("create table t(x); insert into t values ('kept')");
        }
        try (Database db = Engine.open(file.toUri() + "?mode=ro", OpenFlags.DEFAULT)) {
            assertEquals(1, db.databaseReadOnly("main"));
            try (Stmt s = db.prepare("select x from t")) {
                assertTrue(s.step());
                assertEquals("kept", s.getText(0));
            }
            SqliteException e = assertThrows(SqliteException.class, () -> db.exec("delete from t"));
            assertEquals(ResultCode.READONLY, e.resultCode());
        }
    }

    @Test
    void fileUriMemoryModeAndPlainFileUri() {
        try (Database db = Engine.open("file:mem1?mode=memory", OpenFlags.DEFAULT)) {
            db.exec("create table t(x)");
            assertEquals(0, db.databaseReadOnly("main"));
            assertEquals("", db.databaseFilename("main"));
        }
        Path file = dir.resolve("plain uri.db");
        try (Database db = Engine.open(file.toUri().toString(), OpenFlags.DEFAULT)) {
            db.exec("create table t(x)");
        }
        assertTrue(Files.exists(file), "a file: URI with an escaped space names the real path");
    }

    @Test
    void uriNotUnderstoodWithoutUriFlag() {
        // Without SQLITE_OPEN_URI ... but SQLITE_USE_URI=1 is compiled in, so URIs still work.
        Path file = dir.resolve("u.db");
        try (Database db = Engine.open("file:" + file, OpenFlags.READWRITE | OpenFlags.CREATE)) {
            db.exec("create table t(x)");
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void openingAMissingFileReadOnlyFailsWithCantOpen() {
        Path missing = dir.resolve("missing.db");
        SqliteException e = assertThrows(SqliteException.class,
                () -> Engine.open(missing.toString(), OpenFlags.READONLY));
        assertEquals(ResultCode.CANTOPEN, e.resultCode());
        assertTrue(e.getMessage().contains("missing.db"), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void openWithoutCreateDoesNotCreate() {
        Path missing = dir.resolve("nocreate.db");
        SqliteException e = assertThrows(SqliteException.class,
                () -> Engine.open(missing.toString(), OpenFlags.READWRITE));
        assertEquals(ResultCode.CANTOPEN, e.resultCode());
        assertFalse(Files.exists(missing));
    }

    @Test
    void openingADirectoryFails() {
        SqliteException e = assertThrows(SqliteException.class,
                () -> Engine.open(dir.toString(), OpenFlags.DEFAULT));
        assertEquals(ResultCode.CANTOPEN, e.resultCode());
    }

    @Test
    void invalidFlagsAreRejected() {
        SqliteException e = assertThrows(SqliteException.class, () -> Engine.open(":memory:", OpenFlags.CREATE));
        assertEquals(ResultCode.MISUSE, e.resultCode());
    }

    @Test
    void closeIsIdempotentAndLaterUseIsMisuse() {
        Database db = Engine.open(":memory:", OpenFlags.DEFAULT);
        Stmt open = db.prepare("select 1");
        db.close();
        db.close();
        assertTrue(db.isClosed());
        assertTrue(open.isClosed());
        SqliteException e = assertThrows(SqliteException.class, () -> db.prepare("select 1"));
        assertEquals(ResultCode.MISUSE, e.resultCode());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertEquals(ResultCode.MISUSE, assertThrows(SqliteException.class, db::changes).resultCode());
        assertEquals(ResultCode.MISUSE, assertThrows(SqliteException.class, () -> db.exec("select 1")).resultCode());
        assertEquals(ResultCode.MISUSE, assertThrows(SqliteException.class, open::step).resultCode());
        open.close(); // harmless after the connection closed
    }
}

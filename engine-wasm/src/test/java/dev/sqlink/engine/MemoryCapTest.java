package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MemoryCapTest {
    private static final EngineOptions CAPPED = EngineOptions.DEFAULT.withMaxMemoryBytes(16L << 20);

    @Test
    void queryNeedingMoreMemoryFailsWithNomemAndTheConnectionStaysUsable() {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT, CAPPED)) {
            db.exec("create table t(x)");
            SqliteException e = assertThrows(SqliteException.class,
                    () -> db.exec("with recursive c(i) as (select 1 union all select i + 1 from c where i < 100)"
                            + " insert into t select randomblob(1000000) from c"));
            assertTrue(e.resultCode() == ResultCode.NOMEM || e.resultCode() == ResultCode.FULL,
                    "NOMEM expected, got " + e.extendedCode() + ": " + e.getMessage());
            assertUsable(db);
            // A single value bigger than the whole cap.
            e = assertThrows(SqliteException.class, () -> {
                try (Stmt s = db.prepare("select length(randomblob(40000000))")) {
                    s.step();
                }
            });
            assertEquals(ResultCode.NOMEM, e.resultCode(), e.getMessage());
            assertUsable(db);
        }
    }

    @Test
    void hostSideCopiesFailCleanlyWhenTheCapIsReached() {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT, CAPPED)) {
            try (Stmt s = db.prepare("select length(?)")) {
                SqliteException e = assertThrows(SqliteException.class, () -> s.bindBlob(1, new byte[32 << 20]));
                assertEquals(ResultCode.NOMEM, e.resultCode());
                assertTrue(e.getMessage().contains("memory"), e.getMessage());
                s.bindBlob(1, new byte[1 << 20]);
                assertTrue(s.step());
                assertEquals(1 << 20, s.getLong(0));
            }
            SqliteException e = assertThrows(SqliteException.class, () -> db.deserialize("main", new byte[32 << 20], false));
            assertEquals(ResultCode.NOMEM, e.resultCode());
            assertUsable(db);
        }
    }

    @Test
    void uncappedConnectionHandlesTheSameWork() {
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            try (Stmt s = db.prepare("select length(randomblob(40000000))")) {
                assertTrue(s.step());
                assertEquals(40000000, s.getLong(0));
            }
        }
    }

    @Test
    void invalidCapIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> EngineOptions.DEFAULT.withMaxMemoryBytes(-1));
    }

    private static void assertUsable(Database db) {
        db.exec("create table if not exists after(x); insert into after values (1)");
        try (Stmt s = db.prepare("select count(*) from after")) {
            assertTrue(s.step());
            assertTrue(s.getLong(0) >= 1);
        }
    }
}

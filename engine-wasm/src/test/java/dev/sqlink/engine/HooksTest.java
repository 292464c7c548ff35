package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HooksTest extends InMemoryDatabaseTest {
    @TempDir
    Path dir;

    @BeforeEach
    void createTable() {
        db.exec("create table t(id integer primary key, v)");
    }

    private long count() {
        try (Stmt s = db.prepare("select count(*) from t")) {
            s.step();
            return s.getLong(0);
        }
    }

    @Test
    void updateHookSeesEveryRowChange() {
        List<String> seen = new ArrayList<>();
        db.setUpdateHook((op, database, table, rowid) -> seen.add(op + " " + database + "." + table + " " + rowid));
        db.exec("insert into t values (1, 'a'), (2, 'b'); update t set v = 'c' where id = 2; delete from t where id = 1");
        assertEquals(List.of("18 main.t 1", "18 main.t 2", "23 main.t 2", "9 main.t 1"), seen);
        db.setUpdateHook(null);
        db.exec("insert into t values (3, 'x')");
        assertEquals(4, seen.size());
    }

    @Test
    void commitHookCanVetoAndRollbackHookFires() {
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger rollbacks = new AtomicInteger();
        AtomicBoolean veto = new AtomicBoolean();
        db.setCommitHook(() -> {
            commits.incrementAndGet();
            return veto.get();
        });
        db.setRollbackHook(rollbacks::incrementAndGet);
        db.exec("insert into t values (1, 'a')");
        assertEquals(1, commits.get());
        assertEquals(0, rollbacks.get());
        db.exec("begin; insert into t values (2, 'b'); rollback");
        assertEquals(1, rollbacks.get());
        veto.set(true);
        SqliteException e = assertThrows(SqliteException.class, () -> db.exec("insert into t values (3, 'c')"));
        assertEquals(ResultCode.CONSTRAINT_COMMITHOOK, e.extendedCode());
        assertEquals(2, rollbacks.get());
        assertEquals(1, count());
        db.setCommitHook(null);
        db.setRollbackHook(null);
        db.exec("insert into t values (4, 'd')");
        assertEquals(2, count());
        assertEquals(2, commits.get(), "a removed hook is not called");
    }

    @Test
    void failingCommitHookRollsBackAndReportsItsException() {
        db.setCommitHook(() -> {
            throw new IllegalStateException("hook broke");
        });
        SqliteException e = assertThrows(SqliteException.class, () -> db.exec("insert into t values (1, 'a')"));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertEquals(0, count(), "a failing commit hook must not let the commit through");
    }

    @Test
    void preupdateHookSeesOldAndNewValues() {
        List<String> seen = new ArrayList<>();
        db.setPreupdateHook(change -> {
            StringBuilder b = new StringBuilder(change.op() + " " + change.table() + " " + change.oldRowid() + "->"
                    + change.newRowid() + " cols=" + change.columnCount());
            if (change.op() != Hooks.Authorizer.INSERT) {
                b.append(" old=").append(change.oldValue(1));
            }
            if (change.op() != Hooks.Authorizer.DELETE) {
                b.append(" new=").append(change.newValue(1));
            }
            seen.add(b.toString());
        });
        db.exec("insert into t values (1, 'a'); update t set v = 2.5 where id = 1; delete from t");
        assertEquals(List.of("18 t 1->1 cols=2 new=a", "23 t 1->1 cols=2 old=a new=2.5", "9 t 1->1 cols=2 old=2.5"),
                seen);
    }

    @Test
    void preupdateMisuseIsReportedNotCrashing() {
        db.setPreupdateHook(change -> change.oldValue(1)); // no old value on INSERT
        SqliteException e = assertThrows(SqliteException.class, () -> db.exec("insert into t values (1, 'a')"));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        db.setPreupdateHook(null);
        db.exec("insert into t values (2, 'b')");
    }

    @Test
    void authorizerDeniesAndIgnores() {
        db.exec("create table secret(s); insert into secret values ('hidden')");
        List<String> reads = new ArrayList<>();
        db.setAuthorizer((action, a1, a2, database, trigger) -> {
            if (action == Hooks.Authorizer.READ) {
                reads.add(a1 + "." + a2);
                if ("secret".equals(a1)) {
                    return Hooks.Authorizer.DENY;
                }
            }
            if (action == Hooks.Authorizer.DELETE && "t".equals(a1)) {
                return Hooks.Authorizer.DENY;
            }
            return Hooks.Authorizer.OK;
        });
        SqliteException e = assertThrows(SqliteException.class, () -> db.prepare("select s from secret"));
        assertEquals(ResultCode.AUTH, e.resultCode());
        assertEquals("access to secret.s is prohibited", e.getMessage());
        e = assertThrows(SqliteException.class, () -> db.exec("delete from t"));
        assertEquals(ResultCode.AUTH, e.resultCode());
        try (Stmt s = db.prepare("select v from t")) {
            assertFalse(s.step());
        }
        assertTrue(reads.contains("t.v"), reads.toString());
        db.setAuthorizer(null);
        try (Stmt s = db.prepare("select s from secret")) {
            assertTrue(s.step());
            assertEquals("hidden", s.getText(0));
        }
    }

    @Test
    void failingAuthorizerDeniesClosed() {
        db.setAuthorizer((action, a1, a2, database, trigger) -> {
            throw new RuntimeException("authorizer broke");
        });
        SqliteException e = assertThrows(SqliteException.class, () -> db.prepare("select * from t"));
        assertEquals(ResultCode.AUTH, e.resultCode());
        assertInstanceOf(RuntimeException.class, e.getCause());
        db.setAuthorizer(null);
        assertEquals(0, count());
    }

    @Test
    void progressHandlerInterruptsLongQuery() {
        AtomicInteger calls = new AtomicInteger();
        db.setProgressHandler(1000, () -> calls.incrementAndGet() > 5);
        try (Stmt s = db.prepare("with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c")) {
            SqliteException e = assertThrows(SqliteException.class, s::step);
            assertEquals(ResultCode.INTERRUPT, e.resultCode());
        }
        assertEquals(6, calls.get());
        db.setProgressHandler(0, null);
        assertEquals(0, count());
    }

    @Test
    void traceReportsStatementsAndTimings() {
        List<String> statements = new ArrayList<>();
        List<Long> timings = new ArrayList<>();
        db.setTraceHandler((sql, nanos) -> {
            if (nanos < 0) {
                statements.add(sql);
            } else {
                timings.add(nanos);
            }
        });
        db.exec("insert into t values (1, 'x'); select * from t");
        assertEquals(List.of("insert into t values (1, 'x');", "select * from t"), statements);
        assertEquals(2, timings.size());
        assertTrue(timings.stream().allMatch(n -> n >= 0));
        db.setTraceHandler(null);
        db.exec("select 1");
        assertEquals(2, statements.size());
    }

    @Test
    void busyHandlerIsAskedAndCanGiveUp() {
        ContendedVfs vfs = new ContendedVfs();
        try (Database file = Engine.open(dir.resolve("busy.db").toString(), OpenFlags.DEFAULT,
                EngineOptions.DEFAULT.withVfs(vfs))) {
            file.exec("create table t(x)");
            List<Integer> attempts = new ArrayList<>();
            file.setBusyHandler(n -> {
                attempts.add(n);
                return n < 2;
            });
            vfs.refuseLocks.set(10);
            SqliteException e = assertThrows(SqliteException.class, () -> file.exec("insert into t values (1)"));
            assertEquals(ResultCode.BUSY, e.resultCode());
            assertEquals(List.of(0, 1, 2), attempts);

            attempts.clear();
            vfs.refuseLocks.set(2);
            file.setBusyHandler(n -> {
                attempts.add(n);
                return true;
            });
            file.exec("insert into t values (2)");
            assertEquals(List.of(0, 1), attempts);
        }
    }

    @Test
    void busyTimeoutRetriesUntilTheLockIsFree() {
        ContendedVfs vfs = new ContendedVfs();
        try (Database file = Engine.open(dir.resolve("timeout.db").toString(), OpenFlags.DEFAULT,
                EngineOptions.DEFAULT.withVfs(vfs))) {
            file.exec("create table t(x)");
            vfs.refuseLocks.set(3);
            SqliteException e = assertThrows(SqliteException.class, () -> file.exec("insert into t values (1)"));
            assertEquals(ResultCode.BUSY, e.resultCode(), "no timeout: the first refusal fails");
            vfs.refuseLocks.set(3);
            vfs.refused.set(0);
            file.busyTimeout(2000);
            file.exec("insert into t values (1)");
            assertEquals(3, vfs.refused.get());
            vfs.refuseLocks.set(Integer.MAX_VALUE);
            file.busyTimeout(50);
            long start = System.nanoTime();
            e = assertThrows(SqliteException.class, () -> file.exec("insert into t values (2)"));
            assertEquals(ResultCode.BUSY, e.resultCode());
            assertTrue(System.nanoTime() - start >= 40_000_000L, "waited for the timeout");
            vfs.refuseLocks.set(0);
        }
    }
}

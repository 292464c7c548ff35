package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ErrorsTest extends InMemoryDatabaseTest {

    @BeforeEach
    void createTable() {
        db.exec("create table t(id integer primary key, u text unique, nn text not null, c int check (c > 0))");
    }

    private void assertUsable() {
        try (Stmt s = db.prepare("select count(*) from t")) {
            assertTrue(s.step());
        }
    }

    @Test
    void syntaxErrorNamesTheToken() {
        SqliteException e = assertThrows(SqliteException.class, () -> db.prepare("selec 1"));
        assertEquals(ResultCode.ERROR, e.resultCode());
        assertEquals("near \"selec\": syntax error", e.getMessage());
        SqliteException viaExec = assertThrows(SqliteException.class, () -> db.exec("select 1; select from"));
        assertTrue(viaExec.getMessage().contains("syntax error"), viaExec.getMessage());
        assertEquals(ResultCode.ERROR, assertThrows(SqliteException.class,
                () -> db.prepare("select * from nowhere")).resultCode());
        assertUsable();
    }

    @Test
    void constraintViolationsCarryExtendedCodes() {
        db.exec("insert into t values (1, 'a', 'x', 1)");
        assertConstraint("insert into t values (2, 'a', 'x', 1)", ResultCode.CONSTRAINT_UNIQUE, "UNIQUE constraint failed: t.u");
        assertConstraint("insert into t values (1, 'b', 'x', 1)", ResultCode.CONSTRAINT_PRIMARYKEY, "UNIQUE constraint failed: t.id");
        assertConstraint("insert into t values (3, 'c', null, 1)", ResultCode.CONSTRAINT_NOTNULL, "NOT NULL constraint failed: t.nn");
        assertConstraint("insert into t values (4, 'd', 'x', 0)", ResultCode.CONSTRAINT_CHECK, "CHECK constraint failed: c > 0");
        db.exec("pragma foreign_keys = on; create table child(p references t(id))");
        assertConstraint("insert into child values (99)", ResultCode.CONSTRAINT_FOREIGNKEY, "FOREIGN KEY constraint failed");
        assertUsable();
    }

    private void assertConstraint(String sql, int extended, String message) {
        try (Stmt s = db.prepare(sql)) {
            SqliteException e = assertThrows(SqliteException.class, s::step);
            assertEquals(ResultCode.CONSTRAINT, e.resultCode());
            assertEquals(extended, e.extendedCode(), e.getMessage());
            assertEquals(message, e.getMessage());
            assertFalse(s.isBusy(), "a failed statement is reset");
        }
        SqliteException viaExec = assertThrows(SqliteException.class, () -> db.exec(sql));
        assertEquals(extended, viaExec.extendedCode());
    }

    @Test
    void runtimeErrorsInsideAStatement() {
        try (Stmt s = db.prepare("select abs(-9223372036854775808)")) {
            SqliteException e = assertThrows(SqliteException.class, s::step);
            assertEquals("integer overflow", e.getMessage());
            assertEquals(ResultCode.ERROR, e.resultCode());
        }
        try (Stmt s = db.prepare("select raise(abort, 'custom')")) {
            // RAISE outside a trigger is an error at prepare or step
            throw new AssertionError("should not prepare");
        } catch (SqliteException e) {
            assertEquals(ResultCode.ERROR, e.resultCode());
        }
        assertUsable();
    }

    @Test
    void transactionMisuseErrors() {
        SqliteException e = assertThrows(SqliteException.class, () -> db.exec("commit"));
        assertEquals("cannot commit - no transaction is active", e.getMessage());
        db.exec("begin");
        e = assertThrows(SqliteException.class, () -> db.exec("begin"));
        assertTrue(e.getMessage().contains("within a transaction"), e.getMessage());
        db.exec("rollback");
        assertUsable();
    }

    @Test
    void resultCodeDescriptions() {
        assertEquals("constraint failed", ResultCode.describe(ResultCode.CONSTRAINT_UNIQUE));
        assertEquals(19, new SqliteException(ResultCode.CONSTRAINT_UNIQUE, "m").resultCode());
        assertEquals(2067, ResultCode.CONSTRAINT_UNIQUE);
    }
}

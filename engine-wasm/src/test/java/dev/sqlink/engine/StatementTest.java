package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTest extends InMemoryDatabaseTest {

    @Test
    void multiStatementScriptRunsThroughTails() {
        String script = "create table t(x);\n insert into t values (1); -- one\n"
                + "insert into t values ('é😀');  /* trailing comment */ ";
        List<String> sqls = new ArrayList<>();
        String rest = script;
        while (true) {
            try (Stmt s = db.prepare(rest)) {
                if (s.isEmpty()) {
                    assertTrue(rest.isBlank() || rest.contains("comment"), rest);
                    break;
                }
                sqls.add(s.sql());
                assertFalse(s.step());
                rest = s.tail();
            }
        }
        // sqlite3_sql() is the exact text consumed, leading whitespace and comments included.
        assertEquals(List.of("create table t(x);", "\n insert into t values (1);",
                " -- one\ninsert into t values ('é😀');"), sqls);
        try (Stmt s = db.prepare("select x from t order by rowid")) {
            assertTrue(s.step());
            assertEquals(1, s.getLong(0));
            assertTrue(s.step());
            assertEquals("é😀", s.getText(0));
            assertFalse(s.step());
        }
    }

    /**
     * SQLite reads SQL only up to the first NUL (fuzz corpora contain such scripts): the text
     * after it must not come back as the tail, or a "run the rest" loop never ends.
     */
    @Test
    void textEndsAtTheFirstNul() {
        try (Stmt s = db.prepare("select 1; select 2\0 garbage \0 ;;")) {
            assertEquals(" select 2\0 garbage \0 ;;", s.tail());
        }
        try (Stmt s = db.prepare(" select 2\0 garbage \0 ;;")) {
            assertTrue(s.step());
            assertEquals(2, s.getLong(0));
            assertEquals("", s.tail());
        }
        try (Stmt s = db.prepare("\0select 3")) {
            assertTrue(s.isEmpty());
            assertEquals("", s.tail());
        }
    }

    @Test
    void tailAfterMultibyteTextIsExact() {
        try (Stmt s = db.prepare("select 'ü😀';select 2")) {
            assertEquals("select 2", s.tail());
        }
        try (Stmt s = db.prepare("select 1")) {
            assertEquals("", s.tail());
        }
    }

    @Test
    void commentOnlyAndBlankSqlGiveEmptyStatements() {
        for (String sql : new String[] {"", "   ", "-- nothing here", "/* block */", ";"}) {
            try (Stmt s = db.prepare(sql)) {
                assertTrue(s.isEmpty(), "'" + sql + "' should be empty");
                SqliteException e = assertThrows(SqliteException.class, s::step);
                assertEquals(ResultCode.MISUSE, e.resultCode());
                assertTrue(e.getMessage().contains("empty"), e.getMessage());
            }
        }
    }

    @Test
    void stepResetAndRerun() {
        db.exec("create table t(x); insert into t values (1), (2)");
        try (Stmt s = db.prepare("select x from t order by x")) {
            assertFalse(s.hasRow());
            assertTrue(s.step());
            assertTrue(s.hasRow());
            assertTrue(s.isBusy());
            assertEquals(1, s.getLong(0));
            s.reset();
            assertFalse(s.isBusy());
            assertFalse(s.hasRow());
            assertTrue(s.step());
            assertEquals(1, s.getLong(0));
            assertTrue(s.step());
            assertEquals(2, s.getLong(0));
            assertFalse(s.step());
            assertFalse(s.hasRow());
            assertEquals(0, s.dataCount());
            // Stepping a finished statement starts it again (SQLite's auto-reset).
            assertTrue(s.step());
            assertEquals(1, s.getLong(0));
        }
    }

    @Test
    void finalizedStatementIsMisuseAndCloseIsIdempotent() {
        Stmt s = db.prepare("select 1");
        s.close();
        s.close();
        assertTrue(s.isClosed());
        SqliteException e = assertThrows(SqliteException.class, s::step);
        assertEquals(ResultCode.MISUSE, e.resultCode());
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
        assertThrows(SqliteException.class, () -> s.bindLong(1, 1));
        assertThrows(SqliteException.class, () -> s.getLong(0));
        // The connection is unaffected.
        try (Stmt t = db.prepare("select 2")) {
            assertTrue(t.step());
            assertEquals(2, t.getLong(0));
        }
    }

    @Test
    void statementFacts() {
        db.exec("create table person(id integer primary key, name varchar(20) not null)");
        try (Stmt s = db.prepare("select id, name as n, 1+1 from person")) {
            assertEquals(3, s.columnCount());
            assertEquals("id", s.columnName(0));
            assertEquals("n", s.columnName(1));
            assertEquals("INTEGER", s.columnDeclaredType(0));
            assertEquals("varchar(20)", s.columnDeclaredType(1));
            assertNull(s.columnDeclaredType(2));
            assertEquals("person", s.columnTableName(1));
            assertEquals("name", s.columnOriginName(1));
            assertEquals("main", s.columnDatabaseName(1));
            assertNull(s.columnTableName(2));
            assertTrue(s.isReadOnly());
            assertEquals(0, s.explainMode());
            SqliteException e = assertThrows(SqliteException.class, () -> s.columnName(3));
            assertEquals(ResultCode.RANGE, e.resultCode());
        }
        try (Stmt s = db.prepare("insert into person(name) values (?)")) {
            assertFalse(s.isReadOnly());
            s.bindText(1, "it's");
            assertEquals("insert into person(name) values ('it''s')", s.expandedSql());
        }
        try (Stmt s = db.prepare("explain query plan select * from person")) {
            assertEquals(2, s.explainMode());
        }
        ColumnMetadata m = db.columnMetadata("main", "person", "name");
        assertEquals("varchar(20)", m.declaredType());
        assertEquals("BINARY", m.collation());
        assertTrue(m.notNull());
        assertFalse(m.primaryKey());
        assertTrue(db.columnMetadata(null, "person", "id").primaryKey());
        SqliteException e = assertThrows(SqliteException.class, () -> db.columnMetadata("main", "person", "nope"));
        assertEquals(ResultCode.ERROR, e.resultCode());
    }

    @Test
    void changesTotalChangesAndLastInsertRowid() {
        db.exec("create table t(id integer primary key, x)");
        assertEquals(0, db.totalChanges());
        db.exec("insert into t(x) values (1), (2), (3)");
        assertEquals(3, db.changes());
        assertEquals(3, db.lastInsertRowid());
        db.exec("insert into t(id, x) values (9000000000, 4)");
        assertEquals(9000000000L, db.lastInsertRowid());
        db.exec("update t set x = x + 1 where id <= 2");
        assertEquals(2, db.changes());
        assertEquals(6, db.totalChanges());
        db.exec("begin");
        assertFalse(db.isAutocommit());
        db.exec("delete from t");
        assertEquals(4, db.changes());
        db.exec("rollback");
        assertTrue(db.isAutocommit());
        assertEquals(4, count("select count(*) from t"));
    }

    @Test
    void limitsReadAndSet() {
        int before = db.limit(Database.LIMIT_SQL_LENGTH, -1);
        assertEquals(1073741824, before);
        assertEquals(before, db.limit(Database.LIMIT_SQL_LENGTH, 100));
        assertEquals(100, db.limit(Database.LIMIT_SQL_LENGTH, -1));
        SqliteException e = assertThrows(SqliteException.class,
                () -> db.prepare("select 1 -- " + "x".repeat(200)));
        assertEquals(ResultCode.TOOBIG, e.resultCode());
        assertEquals(2147483647, db.limit(Database.LIMIT_LENGTH, -1));
        assertEquals(250000, db.limit(Database.LIMIT_VARIABLE_NUMBER, -1));
        assertEquals(125, db.limit(Database.LIMIT_ATTACHED, -1));
        db.limit(Database.LIMIT_COLUMN, 5); // sqlite_master itself has 5 columns
        SqliteException tooMany = assertThrows(SqliteException.class, () -> db.prepare("select 1, 2, 3, 4, 5, 6"));
        assertEquals(ResultCode.ERROR, tooMany.resultCode(), tooMany.getMessage());
        assertEquals("too many columns in result set", tooMany.getMessage());
    }

    @Test
    void statusReportsSchemaUse() {
        db.exec("create table t(x)");
        int[] schema = db.status(2 /* SQLITE_DBSTATUS_SCHEMA_USED */, false);
        assertTrue(schema[0] > 0, "schema memory in use");
    }

    private long count(String sql) {
        try (Stmt s = db.prepare(sql)) {
            assertTrue(s.step());
            return s.getLong(0);
        }
    }
}

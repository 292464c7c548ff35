package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UserFunctionTest extends InMemoryDatabaseTest {

    private Object scalar(String sql) {
        List<Object> values = column(sql);
        assertEquals(1, values.size(), sql);
        return values.get(0);
    }

    @Test
    void scalarFunctionSeesAndReturnsEveryType() {
        db.createFunction("describe", 1, FunctionFlags.DETERMINISTIC, (args, result) -> {
            Object v = args.getObject(0);
            result.setText(args.type(0) + ":" + (v instanceof byte[] ? ((byte[]) v).length + " bytes" : v));
        });
        assertEquals("1:" + Long.MIN_VALUE, scalar("select describe(-9223372036854775808)"));
        assertEquals("2:1.5", scalar("select describe(1.5)"));
        assertEquals("3:ä😀\u0000z", scalar("select describe('ä😀' || char(0) || 'z')"));
        assertEquals("4:3 bytes", scalar("select describe(x'010203')"));
        assertEquals("4:0 bytes", scalar("select describe(x'')"));
        assertEquals("5:null", scalar("select describe(null)"));

        db.createFunction("echo", -1, 0, (args, result) -> result.setObject(args.count() == 0 ? null : args.getObject(0)));
        assertEquals(Long.MAX_VALUE, scalar("select echo(9223372036854775807)"));
        assertEquals(2.5, scalar("select echo(2.5)"));
        assertEquals("😀", scalar("select echo('😀')"));
        assertArrayEquals(new byte[] {1, 2}, (byte[]) scalar("select echo(x'0102')"));
        assertArrayEquals(new byte[0], (byte[]) scalar("select echo(x'')"));
        assertNull(scalar("select echo()"));
        assertEquals("blob", scalar("select typeof(echo(x''))"));

        db.createFunction("zeros", 1, 0, (args, result) -> result.setZeroBlob(args.getLong(0)));
        assertEquals(4L, scalar("select length(zeros(4))"));
        db.createFunction("flag", 0, 0, (args, result) -> result.setObject(Boolean.TRUE));
        assertEquals(1L, scalar("select flag()"));
    }

    @Test
    void argumentCountIsEnforcedAndFunctionsCanBeRemoved() {
        db.createFunction("two", 2, 0, (args, result) -> result.setLong(args.getLong(0) + args.getLong(1)));
        assertEquals(5L, scalar("select two(2, 3)"));
        SqliteException e = assertThrows(SqliteException.class, () -> db.prepare("select two(1)"));
        assertTrue(e.getMessage().contains("wrong number of arguments"), e.getMessage());
        db.removeFunction("two", 2);
        e = assertThrows(SqliteException.class, () -> db.prepare("select two(1, 2)"));
        assertEquals("no such function: two", e.getMessage());
    }

    @Test
    void setErrorFailsTheStatement() {
        db.createFunction("refuse", 0, 0, (args, result) -> result.setError("refused: bad input"));
        try (Stmt s = db.prepare("select refuse()")) {
            SqliteException e = assertThrows(SqliteException.class, s::step);
            assertEquals("refused: bad input", e.getMessage());
            assertEquals(ResultCode.ERROR, e.resultCode());
        }
    }

    @Test
    void javaExceptionFailsOnlyThatStatement() {
        db.exec("create table t(x); insert into t values (1), (2), (3)");
        db.createFunction("explode", 1, 0, (args, result) -> {
            if (args.getLong(0) == 2) {
                throw new IllegalStateException("boom at 2");
            }
            result.setLong(args.getLong(0) * 10);
        });
        try (Stmt s = db.prepare("select explode(x) from t")) {
            assertTrue(s.step());
            assertEquals(10, s.getLong(0));
            SqliteException e = assertThrows(SqliteException.class, s::step);
            assertEquals(ResultCode.ERROR, e.resultCode());
            assertTrue(e.getMessage().contains("boom at 2"), e.getMessage());
            assertTrue(e.getMessage().contains("IllegalStateException"), e.getMessage());
            assertInstanceOf(IllegalStateException.class, e.getCause());
        }
        // Another statement, and an update inside a transaction, still work.
        db.exec("begin; insert into t values (4)");
        SqliteException e = assertThrows(SqliteException.class, () -> db.exec("update t set x = explode(x)"));
        assertInstanceOf(IllegalStateException.class, e.getCause());
        db.exec("commit");
        assertEquals(List.of(1L, 2L, 3L, 4L), column("select x from t order by x"));
        // A later, unrelated failure does not carry the old exception.
        SqliteException unrelated = assertThrows(SqliteException.class, () -> db.prepare("select nope()"));
        assertNull(unrelated.getCause());
        assertEquals(30L, scalar("select explode(3)"));
    }

    @Test
    void exceptionWithoutMessageIsStillClear() {
        db.createFunction("npe", 0, 0, (args, result) -> {
            throw new NullPointerException();
        });
        SqliteException e = assertThrows(SqliteException.class, () -> scalar("select npe()"));
        assertTrue(e.getMessage().contains("NullPointerException"), e.getMessage());
    }

    static final class Sum implements WindowAggregate {
        long total;
        int rows;

        @Override
        public void step(FunctionArgs args) {
            total += args.getLong(0);
            rows++;
        }

        @Override
        public void inverse(FunctionArgs args) {
            total -= args.getLong(0);
            rows--;
        }

        @Override
        public void value(FunctionResult result) {
            result.setLong(total);
        }

        @Override
        public void finish(FunctionResult result) {
            result.setObject(rows == 0 ? null : total);
        }
    }

    @Test
    void aggregateGroupsAndEmptyInput() {
        AtomicInteger created = new AtomicInteger();
        db.createAggregate("jsum", 1, FunctionFlags.DETERMINISTIC, () -> {
            created.incrementAndGet();
            return new Sum();
        });
        db.exec("create table t(g, v); insert into t values ('a', 1), ('b', 10), ('a', 2), ('b', 20), ('c', 5)");
        assertEquals(List.of(3L, 30L, 5L), column("select jsum(v) from t group by g order by g"));
        assertNull(scalar("select jsum(v) from t where 0"), "an aggregate over no rows finishes a fresh state");
        assertEquals(38L, scalar("select jsum(v) from t"));
        assertTrue(created.get() >= 5);
        db.createAggregate("bad", 1, 0, () -> new Aggregate() {
            @Override
            public void step(FunctionArgs args) {
                throw new ArithmeticException("no steps");
            }

            @Override
            public void finish(FunctionResult result) {
                result.setLong(1);
            }
        });
        SqliteException e = assertThrows(SqliteException.class, () -> scalar("select bad(v) from t"));
        assertTrue(e.getMessage().contains("no steps"), e.getMessage());
        assertEquals(38L, scalar("select jsum(v) from t"));
    }

    @Test
    void windowFunctionWithMovingFrame() {
        db.createWindowFunction("wsum", 1, 0, Sum::new);
        db.exec("create table t(x); insert into t values (1), (2), (3), (4), (5)");
        assertEquals(List.of(3L, 6L, 9L, 12L, 9L),
                column("select wsum(x) over (order by x rows between 1 preceding and 1 following) from t"));
        assertEquals(List.of(15L), column("select wsum(x) from t"), "a window function also works as an aggregate");
    }

    @Test
    void collationOrdersAndCompares() {
        Comparator<String> byLength = Comparator.comparingInt(String::length);
        db.createCollation("bylen", byLength.thenComparing(Comparator.naturalOrder()));
        db.exec("create table t(s text collate bylen); insert into t values ('ccc'), ('a'), ('bb'), ('😀😀😀😀')");
        assertEquals(List.of("a", "bb", "ccc", "😀😀😀😀"), column("select s from t order by s"));
        db.createCollation("nocase_java", String.CASE_INSENSITIVE_ORDER);
        assertEquals(1L, scalar("select 'ABC' = 'abc' collate nocase_java"));
        assertEquals(0L, scalar("select 'ABC' = 'abc'"));
        db.createCollation("nocase_java", null);
        SqliteException e = assertThrows(SqliteException.class, () -> db.prepare("select 'a' = 'b' collate nocase_java"));
        assertEquals("no such collation sequence: nocase_java", e.getMessage());
    }

    @Test
    void failingCollationSurfacesAfterTheStatement() {
        db.createCollation("broken", (a, b) -> {
            throw new IllegalArgumentException("cannot compare");
        });
        db.exec("create table t(s); insert into t values ('a'), ('b')");
        SqliteException e = assertThrows(SqliteException.class, () -> column("select s from t order by s collate broken"));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertFalse(column("select s from t").isEmpty());
    }
}

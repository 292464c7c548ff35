package dev.sqlink.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BindAndColumnTest extends InMemoryDatabaseTest {

    /** Binds through parameter 1, stores the value in a table, and returns a statement positioned on it. */
    private Stmt roundTrip(java.util.function.Consumer<Stmt> binder) {
        db.exec("drop table if exists v; create table v(x)");
        try (Stmt ins = db.prepare("insert into v values (?)")) {
            binder.accept(ins);
            ins.step();
        }
        Stmt s = db.prepare("select x, typeof(x), length(x) from v");
        assertTrue(s.step());
        return s;
    }

    /**
     * Values up to 64 KiB are bound by copy from a reusable buffer that grows in powers of two,
     * larger ones by handing SQLite a copy: every size around those edges, rebinding one
     * statement so a smaller value follows a larger one in the same buffer.
     */
    @Test
    void textAndBlobsOfEverySizeAroundTheBindPathsRoundTrip() {
        int[] sizes = {0, 1, 255, 256, 257, 4096, 65535, 65536, 65537, 1 << 20, 3, 70000, 10};
        db.exec("create table sized(n, t, b)");
        try (Stmt ins = db.prepare("insert into sized values (?, ?, ?)")) {
            for (int n : sizes) {
                ins.reset();
                ins.bindLong(1, n);
                ins.bindText(2, text(n));
                ins.bindBlob(3, blob(n));
                ins.step();
            }
        }
        try (Stmt s = db.prepare("select n, t, b, typeof(t), typeof(b) from sized order by rowid")) {
            for (int n : sizes) {
                assertTrue(s.step());
                assertEquals(n, s.getLong(0));
                assertEquals(text(n), s.getText(1), "text of " + n + " characters");
                assertArrayEquals(blob(n), s.getBlob(2), "blob of " + n + " bytes");
                assertEquals("text", s.getText(3));
                assertEquals("blob", s.getText(4));
            }
        }
        // A slice of a larger array binds only the slice.
        byte[] big = blob(100);
        try (Stmt s = db.prepare("select ?")) {
            s.bindBlob(1, big, 10, 20);
            assertTrue(s.step());
            assertArrayEquals(java.util.Arrays.copyOfRange(big, 10, 30), s.getBlob(0));
        }
    }

    private static String text(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append((char) ('a' + (i * 7 + n) % 26));
        }
        return b.toString();
    }

    private static byte[] blob(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + n);
        }
        return b;
    }

    @Test
    void integersIncludingExtremes() {
        for (long v : new long[] {0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE}) {
            try (Stmt s = roundTrip(b -> b.bindLong(1, v))) {
                assertEquals(Datatype.INTEGER, s.columnType(0));
                assertEquals(v, s.getLong(0));
                assertEquals(Long.valueOf(v), s.getObject(0));
                assertEquals(Long.toString(v), s.getText(0));
                assertEquals((double) v, s.getDouble(0));
                assertEquals("integer", s.getText(1));
            }
        }
    }

    @Test
    void doublesIncludingInfinityAndNaN() {
        for (double v : new double[] {0.0, -0.5, Math.PI, Double.MAX_VALUE, Double.MIN_VALUE, 1e-300}) {
            try (Stmt s = roundTrip(b -> b.bindDouble(1, v))) {
                assertEquals(Datatype.FLOAT, s.columnType(0));
                assertEquals(v, s.getDouble(0));
                assertEquals(Double.valueOf(v), s.getObject(0));
            }
        }
        try (Stmt s = roundTrip(b -> b.bindDouble(1, Double.POSITIVE_INFINITY))) {
            assertEquals(Datatype.FLOAT, s.columnType(0));
            assertEquals(Double.POSITIVE_INFINITY, s.getDouble(0));
            assertEquals("Inf", s.getText(0));
        }
        try (Stmt s = roundTrip(b -> b.bindDouble(1, Double.NEGATIVE_INFINITY))) {
            assertEquals(Double.NEGATIVE_INFINITY, s.getDouble(0));
            assertEquals("-Inf", s.getText(0));
        }
        // SQLite has no NaN: binding one stores NULL.
        try (Stmt s = roundTrip(b -> b.bindDouble(1, Double.NaN))) {
            assertEquals(Datatype.NULL, s.columnType(0));
            assertNull(s.getObject(0));
        }
        try (Stmt s = db.prepare("select 9e999, -9e999, 0.1 + 0.2")) {
            assertTrue(s.step());
            assertEquals(Double.POSITIVE_INFINITY, s.getDouble(0));
            assertEquals(Double.NEGATIVE_INFINITY, s.getDouble(1));
            assertEquals(0.1 + 0.2, s.getDouble(2));
        }
    }

    @Test
    void textWithNonAsciiEmojiAndEmbeddedNul() {
        String[] values = {"", "plain", "Grüße, 東京", "emoji 😀👍🏽 mixed", "nul\u0000inside", "\u0000"};
        for (String v : values) {
            try (Stmt s = roundTrip(b -> b.bindText(1, v))) {
                assertEquals(Datatype.TEXT, s.columnType(0));
                assertEquals(v, s.getText(0));
                assertEquals(v, s.getObject(0));
                assertArrayEquals(v.getBytes(StandardCharsets.UTF_8), s.getBlob(0));
            }
        }
        // SQL functions see characters, not bytes.
        try (Stmt s = db.prepare("select length(?1), upper(?1), hex(?1)")) {
            s.bindText(1, "ä😀");
            assertTrue(s.step());
            assertEquals(2, s.getLong(0));
            assertEquals("C3A4F09F9880", s.getText(2));
        }
    }

    @Test
    void blobsIncludingEmpty() {
        byte[] bytes = new byte[70000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        try (Stmt s = roundTrip(b -> b.bindBlob(1, bytes))) {
            assertEquals(Datatype.BLOB, s.columnType(0));
            assertArrayEquals(bytes, s.getBlob(0));
            assertArrayEquals(bytes, (byte[]) s.getObject(0));
            assertEquals(bytes.length, s.getLong(2));
        }
        try (Stmt s = roundTrip(b -> b.bindBlob(1, new byte[0]))) {
            assertEquals(Datatype.BLOB, s.columnType(0));
            assertArrayEquals(new byte[0], s.getBlob(0));
            assertArrayEquals(new byte[0], (byte[]) s.getObject(0));
            assertEquals("blob", s.getText(1));
        }
        try (Stmt s = roundTrip(b -> b.bindBlob(1, bytes, 10, 3))) {
            assertArrayEquals(new byte[] {bytes[10], bytes[11], bytes[12]}, s.getBlob(0));
        }
        try (Stmt s = roundTrip(b -> b.bindZeroBlob(1, 5))) {
            assertArrayEquals(new byte[5], s.getBlob(0));
        }
    }

    @Test
    void nullsEverywhere() {
        for (java.util.function.Consumer<Stmt> binder : java.util.List.<java.util.function.Consumer<Stmt>>of(
                b -> b.bindNull(1), b -> b.bindText(1, null), b -> b.bindBlob(1, null), b -> { })) {
            try (Stmt s = roundTrip(binder)) {
                assertEquals(Datatype.NULL, s.columnType(0));
                assertNull(s.getText(0));
                assertNull(s.getBlob(0));
                assertNull(s.getObject(0));
                assertEquals(0, s.getLong(0));
                assertEquals(0.0, s.getDouble(0));
            }
        }
    }

    @Test
    void namedAndNumberedParameters() {
        try (Stmt s = db.prepare("select :a, @b, $c, ?4, ?, :a")) {
            assertEquals(5, s.parameterCount());
            assertEquals(":a", s.parameterName(1));
            assertEquals("@b", s.parameterName(2));
            assertEquals("$c", s.parameterName(3));
            assertEquals("?4", s.parameterName(4));
            assertNull(s.parameterName(5));
            assertEquals(1, s.parameterIndex(":a"));
            assertEquals(3, s.parameterIndex("$c"));
            assertEquals(0, s.parameterIndex(":nope"));
            s.bindText(s.parameterIndex(":a"), "A");
            s.bindLong(s.parameterIndex("@b"), 2);
            s.bindDouble(s.parameterIndex("$c"), 3.5);
            s.bindText(4, "four");
            s.bindText(5, "five");
            assertTrue(s.step());
            assertEquals("A", s.getText(0));
            assertEquals(2L, s.getObject(1));
            assertEquals(3.5, s.getObject(2));
            assertEquals("four", s.getText(3));
            assertEquals("five", s.getText(4));
            assertEquals("A", s.getText(5));
            s.reset();
            s.clearBindings();
            assertTrue(s.step());
            assertNull(s.getObject(0));
        }
    }

    @Test
    void bindingsSurviveResetAndCanBeRebound() {
        try (Stmt s = db.prepare("select ?")) {
            s.bindLong(1, 7);
            assertTrue(s.step());
            assertEquals(7, s.getLong(0));
            s.reset();
            assertTrue(s.step());
            assertEquals(7, s.getLong(0));
            s.reset();
            s.bindText(1, "x");
            assertTrue(s.step());
            assertEquals("x", s.getText(0));
        }
    }

    @Test
    void typeConversionsFollowSqlite() {
        try (Stmt s = db.prepare("select '12abc', 3.9, x'414243', '  42  '")) {
            assertTrue(s.step());
            assertEquals(12, s.getLong(0));
            assertEquals(3, s.getLong(1));
            assertEquals("3.9", s.getText(1));
            assertEquals("ABC", s.getText(2));
            assertEquals(42, s.getLong(3));
        }
    }

    @Test
    void parameterIndexOutOfRangeIsClear() {
        try (Stmt s = db.prepare("select ?, ?")) {
            for (int bad : new int[] {0, 3, -1}) {
                SqliteException e = assertThrows(SqliteException.class, () -> s.bindLong(bad, 1));
                assertEquals(ResultCode.RANGE, e.resultCode());
                assertTrue(e.getMessage().contains("index " + bad) && e.getMessage().contains("2 parameters"),
                        e.getMessage());
            }
            assertThrows(SqliteException.class, () -> s.bindText(3, "leak?"));
            assertThrows(SqliteException.class, () -> s.bindBlob(3, new byte[10]));
            assertThrows(SqliteException.class, () -> s.bindDouble(3, 1));
            assertThrows(SqliteException.class, () -> s.bindNull(3));
            // still usable
            s.bindLong(1, 1);
            s.bindLong(2, 2);
            assertTrue(s.step());
            assertEquals(2, s.getLong(1));
        }
    }

    @Test
    void columnIndexOutOfRangeIsClear() {
        try (Stmt s = db.prepare("select 1")) {
            assertTrue(s.step());
            SqliteException e = assertThrows(SqliteException.class, () -> s.getLong(1));
            assertEquals(ResultCode.RANGE, e.resultCode());
            assertThrows(SqliteException.class, () -> s.getText(-1));
            assertEquals(1, s.getLong(0));
        }
    }

    @Test
    void oversizedValuesAreRefusedBeforeCopying() {
        db.limit(Database.LIMIT_LENGTH, 1000);
        try (Stmt s = db.prepare("select ?")) {
            SqliteException e = assertThrows(SqliteException.class, () -> s.bindBlob(1, new byte[1001]));
            assertEquals(ResultCode.TOOBIG, e.resultCode());
            assertTrue(e.getMessage().contains("SQLITE_LIMIT_LENGTH"), e.getMessage());
            assertEquals(ResultCode.TOOBIG,
                    assertThrows(SqliteException.class, () -> s.bindText(1, "x".repeat(1001))).resultCode());
            assertEquals(ResultCode.TOOBIG,
                    assertThrows(SqliteException.class, () -> s.bindZeroBlob(1, 1001)).resultCode());
            s.bindBlob(1, new byte[1000]);
            assertTrue(s.step());
            assertEquals(1000, s.getBlob(0).length);
        }
        // A value built inside SQL over the limit fails the statement, not the connection.
        SqliteException e = assertThrows(SqliteException.class, () -> {
            try (Stmt s = db.prepare("select zeroblob(2000)")) {
                s.step();
            }
        });
        assertEquals(ResultCode.TOOBIG, e.resultCode());
        try (Stmt s = db.prepare("select randomblob(10)")) {
            assertTrue(s.step());
            assertEquals(10, s.getBlob(0).length);
        }
    }
}

package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Type conversions, with xerial sqlite-jdbc as the reference where behaviour must match. */
class TypesAndDatesTest {
    private static final Object[] VALUES = {
        null, 1, -7L, Integer.MAX_VALUE + 1L, 2.5, 1.5f, "text", new byte[] {1, 2, 3}, true, (short) 3,
        new BigDecimal("12.340"), new Timestamp(1_700_000_000_123L), new Date(1_700_000_000_000L),
        new Time(45_296_000L), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), LocalDate.of(2024, 5, 1),
        LocalDateTime.of(2024, 5, 1, 10, 15, 30), new BigInteger("123456789012345678901234567890"),
    };

    /** Stores every value with setObject through a driver and reads back storage class and getObject. */
    private static List<String> roundTrip(String url) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE v(i INTEGER PRIMARY KEY, x)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO v(i, x) VALUES (?, ?)")) {
                for (int i = 0; i < VALUES.length; i++) {
                    ps.setInt(1, i);
                    ps.setObject(2, VALUES[i]);
                    assertEquals(1, ps.executeUpdate());
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT typeof(x), x FROM v ORDER BY i")) {
                while (rs.next()) {
                    Object o = rs.getObject(2);
                    String shown = o instanceof byte[] ? java.util.Arrays.toString((byte[]) o) : String.valueOf(o);
                    out.add(rs.getString(1) + ":" + (o == null ? "null" : o.getClass().getSimpleName()) + ":" + shown
                            + ":" + rs.getString(2) + ":" + rs.getLong(2) + ":" + rs.getDouble(2));
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?date_class=REAL", "?date_class=TEXT", "?date_precision=seconds",
            "?date_class=TEXT&date_string_format=yyyy/MM/dd HH:mm"})
    void setObjectAndGetObjectMatchSqliteJdbc(String query) throws SQLException {
        assertEquals(roundTrip("jdbc:sqlite::memory:" + query), roundTrip("jdbc:sqlink::memory:" + query));
    }

    /** getDate/getTime/getTimestamp of what each driver stored through setDate/setTimestamp. */
    private static List<Object> dates(String url, TimeZone zone) throws SQLException {
        List<Object> out = new ArrayList<>();
        Calendar cal = Calendar.getInstance(zone);
        try (Connection c = DriverManager.getConnection(url)) {
            c.createStatement().execute("CREATE TABLE d(a, b, c, e)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO d VALUES (?, ?, ?, ?)")) {
                ps.setDate(1, new Date(1_700_000_000_000L));
                ps.setTimestamp(2, new Timestamp(1_700_000_000_456L));
                ps.setTime(3, new Time(45_296_000L));
                ps.setTimestamp(4, new Timestamp(1_700_000_000_456L), cal);
                ps.executeUpdate();
            }
            try (ResultSet rs = c.createStatement().executeQuery("SELECT a, b, c, e, typeof(a), b FROM d")) {
                rs.next();
                out.add(rs.getDate(1).getTime());
                out.add(rs.getTimestamp(2).getTime());
                out.add(rs.getTime(3).getTime());
                out.add(rs.getTimestamp(4, cal).getTime());
                out.add(rs.getString(5));
                out.add(rs.getString(6));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?date_class=TEXT", "?date_precision=SECONDS", "?date_class=TEXT&date_string_format=yyyy-MM-dd'T'HH:mm:ss.SSSXXX"})
    void javaSqlDatesMatchSqliteJdbc(String query) throws SQLException {
        TimeZone zone = TimeZone.getTimeZone("Asia/Kolkata");
        assertEquals(dates("jdbc:sqlite::memory:" + query, zone), dates("jdbc:sqlink::memory:" + query, zone));
    }

    @Test
    void realDatesAreJulianDays() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:?date_class=REAL")) {
            PreparedStatement ps = c.prepareStatement("SELECT ?, julianday('2023-11-14 22:13:20')");
            ps.setTimestamp(1, new Timestamp(1_700_000_000_000L));
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertEquals(rs.getDouble(2), rs.getDouble(1), 1e-9);
            assertEquals(1_700_000_000_000L, rs.getTimestamp(2).getTime(), "julian day numbers are UTC");
        }
    }

    @Test
    void readsIsoTextAsRealDataHoldsIt() throws SQLException {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            ResultSet rs = c.createStatement().executeQuery("SELECT '2024-05-01', '2024-05-01T10:15:30.123456',"
                    + " '2024-05-01 10:15:30+02:00', datetime(0, 'unixepoch'), '10:15', '2024-05-01T10:15:30Z', '', 'garbage'");
            rs.next();
            assertEquals(LocalDate.of(2024, 5, 1), rs.getDate(1).toLocalDate());
            Timestamp micro = rs.getTimestamp(2);
            assertEquals(123_456_000, micro.getNanos(), "fractional seconds beyond millis are kept");
            assertEquals(Instant.parse("2024-05-01T08:15:30Z"), rs.getTimestamp(3).toInstant());
            assertEquals(0L, rs.getTimestamp(4).getTime());
            assertEquals(LocalTime.of(10, 15), rs.getObject(5, LocalTime.class));
            assertEquals(LocalDateTime.of(2024, 5, 1, 10, 15, 30, 123_456_000), rs.getObject(2, LocalDateTime.class));
            assertEquals(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2)),
                    rs.getObject(3, OffsetDateTime.class));
            assertEquals(Instant.parse("2024-05-01T10:15:30Z"), rs.getObject(6, Instant.class));
            assertNull(rs.getTimestamp(7), "empty text is null, as sqlite-jdbc");
            SQLException e = assertThrows(SQLException.class, () -> rs.getDate(8));
            assertTrue(e.getMessage().contains("garbage"), e.getMessage());
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void getObjectWithClassForEveryCommonType() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            PreparedStatement ps = c.prepareStatement("SELECT ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?");
            UUID id = UUID.randomUUID();
            ps.setLong(1, 42);
            ps.setDouble(2, 2.75);
            ps.setString(3, "123.456");
            ps.setObject(4, id);
            ps.setBytes(5, new byte[] {9, 8});
            ps.setObject(6, LocalDate.of(2020, 2, 29));
            ps.setObject(7, new BigInteger("98765432109876543210"));
            ps.setBoolean(8, true);
            ps.setObject(9, OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC));
            ResultSet rs = ps.executeQuery();
            rs.next();
            assertEquals(42, rs.getObject(1, Integer.class));
            assertEquals(42L, rs.getObject(1, Long.class));
            assertEquals((short) 42, rs.getObject(1, Short.class));
            assertEquals((byte) 42, rs.getObject(1, Byte.class));
            assertEquals("42", rs.getObject(1, String.class));
            assertEquals(2.75, rs.getObject(2, Double.class));
            assertEquals(2.75f, rs.getObject(2, Float.class));
            assertEquals(new BigDecimal("123.456"), rs.getObject(3, BigDecimal.class));
            assertEquals(new BigDecimal("123.456"), rs.getBigDecimal(3));
            assertEquals(id, rs.getObject(4, UUID.class));
            assertArrayEquals(new byte[] {9, 8}, rs.getObject(5, byte[].class));
            Blob blob = rs.getObject(5, Blob.class);
            assertEquals(2, blob.length());
            assertEquals(LocalDate.of(2020, 2, 29), rs.getObject(6, LocalDate.class));
            assertEquals(new BigInteger("98765432109876543210"), rs.getObject(7, BigInteger.class));
            assertEquals(true, rs.getObject(8, Boolean.class));
            assertTrue(rs.getBoolean(8));
            assertNull(rs.getObject(9, Integer.class), "SQL NULL is null for every class");
            assertEquals(0, rs.getInt(9));
            assertTrue(rs.wasNull());
            assertEquals(OffsetDateTime.of(2020, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), rs.getObject(10, OffsetDateTime.class));
            assertThrows(SQLException.class, () -> rs.getObject(3, Integer.class));
            assertThrows(SQLException.class, () -> rs.getObject(1, StringBuilder.class));
            assertThrows(SQLException.class, () -> rs.getObject(1, (Class<?>) null));
        }
    }

    @Test
    void streamsReadersLobsAndNulls() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink:")) {
            c.createStatement().execute("CREATE TABLE l(b BLOB, t TEXT, n)");
            PreparedStatement ps = c.prepareStatement("INSERT INTO l VALUES (?, ?, ?)");
            ps.setBinaryStream(1, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}), 3);
            ps.setCharacterStream(2, new StringReader("héllo"));
            ps.setNull(3, Types.TIMESTAMP);
            ps.executeUpdate();
            Blob blob = c.createBlob();
            blob.setBytes(1, new byte[] {7});
            Clob clob = c.createClob();
            clob.setString(1, "clob");
            ps.setBlob(1, blob);
            ps.setClob(2, clob);
            ps.setObject(3, null);
            ps.executeUpdate();
            assertThrows(SQLException.class, () -> ps.setBinaryStream(1, new ByteArrayInputStream(new byte[1]), 5));
            ResultSet rs = c.createStatement().executeQuery("SELECT b, t, n FROM l");
            rs.next();
            assertArrayEquals(new byte[] {1, 2, 3}, rs.getBinaryStream(1).readAllBytes());
            assertEquals("héllo", readAll(rs.getCharacterStream(2)));
            assertNull(rs.getTimestamp(3));
            assertTrue(rs.wasNull());
            rs.next();
            assertArrayEquals(new byte[] {7}, rs.getBlob(1).getBytes(1, 10));
            assertEquals("clob", rs.getClob(2).getSubString(1, 4));
            assertNull(rs.getObject(3));
        }
    }

    private static String readAll(java.io.Reader r) throws java.io.IOException {
        StringBuilder b = new StringBuilder();
        int ch;
        while ((ch = r.read()) >= 0) {
            b.append((char) ch);
        }
        return b.toString();
    }

    /** The default pattern is not re-checked at open (it is known good); any other still is. */
    @Test
    void anInvalidDateStringFormatFailsTheOpenAndNamesThePattern() {
        SQLException e = assertThrows(SQLException.class,
                () -> DriverManager.getConnection("jdbc:sqlink::memory:?date_class=TEXT&date_string_format=yyyy-qq"));
        assertEquals("HY024", e.getSQLState());
        assertTrue(e.getMessage().contains("yyyy-qq"), e.getMessage());
    }

    @Test
    void theDefaultDateStringFormatWritesAndReadsText() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlink::memory:?date_class=TEXT");
                PreparedStatement insert = c.prepareStatement("SELECT ?")) {
            insert.setTimestamp(1, new Timestamp(0), Calendar.getInstance(TimeZone.getTimeZone("UTC")));
            try (ResultSet rs = insert.executeQuery()) {
                assertTrue(rs.next());
                assertEquals("1970-01-01 00:00:00.000", rs.getString(1));
            }
        }
    }
}

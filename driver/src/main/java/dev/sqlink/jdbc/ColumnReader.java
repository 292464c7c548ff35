package dev.sqlink.jdbc;

import dev.sqlink.engine.Datatype;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;

/**
 * Every conversion from a column value (SQLite storage class) to a Java type, in one place.
 * The rules follow sqlite-jdbc: getObject gives Integer/Long/Double/String/byte[] by storage
 * class; dates stored as INTEGER are epoch time in date_precision units, REAL Julian days,
 * TEXT date_string_format or ISO-8601. Column indexes are 0-based; the caller holds the lock.
 */
final class ColumnReader {
    private final DateSettings dates;

    ColumnReader(DateSettings dates) {
        this.dates = dates;
    }

    /** getObject(int): by storage class, Integer when the value fits (as sqlite-jdbc). */
    Object object(Rows rows, int col) {
        switch (rows.type(col)) {
            case Datatype.INTEGER: {
                long v = rows.getLong(col);
                return v == (int) v ? (Object) (int) v : (Object) v;
            }
            case Datatype.FLOAT: return rows.getDouble(col);
            case Datatype.TEXT: return rows.getText(col);
            case Datatype.BLOB: return rows.getBlob(col);
            default: return null;
        }
    }

    BigDecimal bigDecimal(Rows rows, int col) throws SQLException {
        switch (rows.type(col)) {
            case Datatype.NULL: return null;
            case Datatype.INTEGER: return BigDecimal.valueOf(rows.getLong(col));
            default:
                String text = rows.getText(col); // the text form keeps REAL's printed digits, as sqlite-jdbc
                try {
                    return new BigDecimal(text.trim());
                } catch (NumberFormatException e) {
                    throw badValue("BigDecimal", text);
                }
        }
    }

    /** Epoch milliseconds of a date column, or null for NULL or empty text. */
    private Instant instant(Rows rows, int col, TimeZone zone) throws SQLException {
        switch (rows.type(col)) {
            case Datatype.NULL: return null;
            case Datatype.INTEGER: return Instant.ofEpochMilli(dates.fromInteger(rows.getLong(col)));
            case Datatype.FLOAT: return Instant.ofEpochMilli(DateSettings.fromJulian(rows.getDouble(col)));
            default:
                String text = rows.getText(col);
                return text == null || text.isEmpty() ? null : dates.fromText(text, zone);
        }
    }

    java.sql.Date date(Rows rows, int col, Calendar cal) throws SQLException {
        Instant i = instant(rows, col, zone(cal));
        return i == null ? null : new java.sql.Date(i.toEpochMilli());
    }

    Time time(Rows rows, int col, Calendar cal) throws SQLException {
        Instant i = instant(rows, col, zone(cal));
        return i == null ? null : new Time(i.toEpochMilli());
    }

    Timestamp timestamp(Rows rows, int col, Calendar cal) throws SQLException {
        Instant i = instant(rows, col, zone(cal));
        return i == null ? null : Timestamp.from(i);
    }

    private static TimeZone zone(Calendar cal) {
        return cal == null ? TimeZone.getDefault() : cal.getTimeZone();
    }

    /** The date-time a column means, for java.time targets: ISO text kept as written (offset included). */
    private IsoDateTime isoText(Rows rows, int col) {
        return rows.type(col) == Datatype.TEXT ? IsoDateTime.parse(rows.getText(col)) : null;
    }

    private ZonedDateTime zoned(Rows rows, int col) throws SQLException {
        Instant i = instant(rows, col, TimeZone.getDefault());
        return i == null ? null : i.atZone(ZoneId.systemDefault());
    }

    /** getObject(int, Class): every type the driver reads. */
    <T> T object(Rows rows, int col, Class<T> type) throws SQLException {
        if (type == null) {
            throw new SQLException("the requested type must not be null", "HY009");
        }
        if (rows.type(col) == Datatype.NULL) {
            return null; // JDBC: SQL NULL is null for every class
        }
        return type.cast(convert(rows, col, type));
    }

    private Object convert(Rows rows, int col, Class<?> type) throws SQLException {
        if (type == Object.class) {
            return object(rows, col);
        } else if (type == String.class) {
            return rows.getText(col);
        } else if (type == Long.class || type == long.class) {
            return integral(rows, col, "Long");
        } else if (type == Integer.class || type == int.class) {
            return (int) integral(rows, col, "Integer");
        } else if (type == Short.class || type == short.class) {
            return (short) integral(rows, col, "Short");
        } else if (type == Byte.class || type == byte.class) {
            return (byte) integral(rows, col, "Byte");
        } else if (type == Boolean.class || type == boolean.class) {
            return integral(rows, col, "Boolean") != 0;
        } else if (type == Double.class || type == double.class) {
            return real(rows, col, "Double");
        } else if (type == Float.class || type == float.class) {
            return (float) real(rows, col, "Float");
        } else if (type == BigDecimal.class) {
            return bigDecimal(rows, col);
        } else if (type == BigInteger.class) {
            BigDecimal d = bigDecimal(rows, col);
            return d == null ? null : d.toBigInteger();
        } else if (type == byte[].class) {
            return rows.getBlob(col);
        } else if (type == java.sql.Date.class) {
            return date(rows, col, null);
        } else if (type == Time.class) {
            return time(rows, col, null);
        } else if (type == Timestamp.class || type == java.util.Date.class) {
            return timestamp(rows, col, null);
        } else if (type == Calendar.class) {
            Timestamp t = timestamp(rows, col, null);
            Calendar c = Calendar.getInstance();
            c.setTimeInMillis(t.getTime());
            return c;
        } else if (type == LocalDate.class) {
            IsoDateTime iso = isoText(rows, col);
            return iso != null && iso.hasDate ? iso.date : zoned(rows, col).toLocalDate();
        } else if (type == LocalTime.class) {
            IsoDateTime iso = isoText(rows, col);
            return iso != null ? iso.time : zoned(rows, col).toLocalTime();
        } else if (type == LocalDateTime.class) {
            IsoDateTime iso = isoText(rows, col);
            return iso != null ? iso.localDateTime() : zoned(rows, col).toLocalDateTime();
        } else if (type == OffsetDateTime.class) {
            IsoDateTime iso = isoText(rows, col);
            if (iso != null && iso.offset != null) {
                return OffsetDateTime.of(iso.localDateTime(), iso.offset);
            }
            return iso != null ? iso.localDateTime().atZone(ZoneId.systemDefault()).toOffsetDateTime()
                    : zoned(rows, col).toOffsetDateTime();
        } else if (type == OffsetTime.class) {
            return ((OffsetDateTime) convert(rows, col, OffsetDateTime.class)).toOffsetTime();
        } else if (type == ZonedDateTime.class) {
            return ((OffsetDateTime) convert(rows, col, OffsetDateTime.class)).toZonedDateTime();
        } else if (type == Instant.class) {
            IsoDateTime iso = isoText(rows, col);
            return iso != null ? iso.instant(ZoneId.systemDefault()) : instant(rows, col, TimeZone.getDefault());
        } else if (type == UUID.class) {
            return uuid(rows, col);
        } else if (type == java.sql.Blob.class) {
            return new JdbcBlob(rows.getBlob(col));
        } else if (type == java.sql.Clob.class || type == java.sql.NClob.class) {
            return new JdbcClob(rows.getText(col));
        }
        throw new SQLException("cannot convert a column to " + type.getName() + " (supported: String, numbers, "
                + "BigDecimal, BigInteger, byte[], java.sql dates, java.time types, UUID, Blob, Clob)", "22005");
    }

    /** INTEGER as is, REAL truncated, TEXT parsed; anything else is a bad value. */
    private long integral(Rows rows, int col, String target) throws SQLException {
        switch (rows.type(col)) {
            case Datatype.INTEGER: return rows.getLong(col);
            case Datatype.FLOAT: return (long) rows.getDouble(col);
            case Datatype.TEXT: {
                String text = rows.getText(col).trim();
                try {
                    return Long.parseLong(text);
                } catch (NumberFormatException e) {
                    if ("Boolean".equals(target)) {
                        if (text.equalsIgnoreCase("true")) {
                            return 1;
                        } else if (text.equalsIgnoreCase("false")) {
                            return 0;
                        }
                    }
                    throw badValue(target, text);
                }
            }
            default: throw badValue(target, "a BLOB");
        }
    }

    private double real(Rows rows, int col, String target) throws SQLException {
        switch (rows.type(col)) {
            case Datatype.INTEGER:
            case Datatype.FLOAT:
                return rows.getDouble(col);
            case Datatype.TEXT: {
                String text = rows.getText(col).trim();
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw badValue(target, text);
                }
            }
            default: throw badValue(target, "a BLOB");
        }
    }

    private static UUID uuid(Rows rows, int col) throws SQLException {
        if (rows.type(col) == Datatype.BLOB) {
            byte[] b = rows.getBlob(col);
            if (b.length != 16) {
                throw badValue("UUID", "a BLOB of " + b.length + " bytes (16 needed)");
            }
            ByteBuffer buf = ByteBuffer.wrap(b);
            return new UUID(buf.getLong(), buf.getLong());
        }
        String text = rows.getText(col);
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw badValue("UUID", text);
        }
    }

    private static SQLException badValue(String type, String value) {
        return new SQLException("Bad value for type " + type + ": '" + value + "'", "22018");
    }
}

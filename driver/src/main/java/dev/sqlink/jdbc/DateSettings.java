package dev.sqlink.jdbc;

import java.sql.SQLException;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

/**
 * How {@code java.sql} dates are stored and read, as sqlite-jdbc's {@code date_class},
 * {@code date_precision} and {@code date_string_format} define it: INTEGER epoch time in
 * milliseconds (default) or seconds, REAL Julian day numbers, or TEXT in a
 * {@link SimpleDateFormat} pattern. Reading also understands every stored form regardless
 * of the setting, and ISO-8601 text that the pattern does not match.
 */
final class DateSettings {
    enum DateClass { INTEGER, REAL, TEXT }

    /** The default date_string_format (sqlite-jdbc's). */
    static final String STANDARD_PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";
    private static final double JULIAN_DAY_OF_EPOCH = 2440587.5;
    private static final double MILLIS_PER_DAY = 86_400_000.0;

    private final DateClass dateClass;
    private final long multiplier;
    private final String pattern;

    private DateSettings(DateClass dateClass, long multiplier, String pattern) {
        this.dateClass = dateClass;
        this.multiplier = multiplier;
        this.pattern = pattern;
    }

    static DateSettings of(String dateClass, String precision, String pattern) throws SQLException {
        // A bad pattern is reported at open, not at the first date; but the default is known
        // good, and checking it would build a SimpleDateFormat (locale data, calendar, time
        // zones: ~100 ms in a cold JVM) that every open would pay before its first row.
        if (!STANDARD_PATTERN.equals(pattern)) {
            try {
                new SimpleDateFormat(pattern, Locale.getDefault());
            } catch (IllegalArgumentException e) {
                throw new SQLException("invalid date_string_format '" + pattern + "': " + e.getMessage(), "HY024", e);
            }
        }
        return new DateSettings(DateClass.valueOf(dateClass.toUpperCase(Locale.ROOT)),
                "SECONDS".equalsIgnoreCase(precision) ? 1000L : 1L, pattern);
    }

    DateClass dateClass() {
        return dateClass;
    }

    /** The value to bind for a point in time: Long, Double or String by date_class. */
    Object toStorage(long millis, TimeZone zone) {
        switch (dateClass) {
            case REAL:
                return millis / MILLIS_PER_DAY + JULIAN_DAY_OF_EPOCH;
            case TEXT:
                return format(zone).format(new Date(millis));
            default:
                return millis / multiplier;
        }
    }

    /** An INTEGER column value as epoch milliseconds. */
    long fromInteger(long value) {
        return value * multiplier;
    }

    /** A Julian day number (UTC, as SQLite's julianday() produces it) as epoch milliseconds. */
    static long fromJulian(double julianDay) {
        return Math.round((julianDay - JULIAN_DAY_OF_EPOCH) * MILLIS_PER_DAY);
    }

    /**
     * TEXT as an instant: date_string_format first (what sqlite-jdbc reads), then the ISO-8601
     * forms; a value without an offset is local time in {@code zone}.
     */
    Instant fromText(String text, TimeZone zone) throws SQLException {
        ParsePosition pos = new ParsePosition(0);
        Date parsed = format(zone).parse(text, pos);
        if (parsed != null && pos.getIndex() == text.length()) {
            return parsed.toInstant();
        }
        IsoDateTime iso = IsoDateTime.parse(text);
        if (iso != null) {
            return iso.instant(zone.toZoneId());
        }
        throw new SQLException("cannot read '" + text + "' as a date: it matches neither date_string_format '"
                + pattern + "' nor ISO-8601 (yyyy-MM-dd[ HH:mm[:ss[.fff]]][offset])", "22007");
    }

    private SimpleDateFormat format(TimeZone zone) {
        SimpleDateFormat f = new SimpleDateFormat(pattern, Locale.getDefault());
        f.setLenient(false);
        f.setTimeZone(zone);
        return f;
    }
}

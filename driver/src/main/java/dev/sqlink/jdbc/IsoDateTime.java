package dev.sqlink.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date and/or time as real data holds it in TEXT columns: {@code 2024-05-01},
 * {@code 2024-05-01 10:15}, {@code 2024-05-01T10:15:30.123456}, with or without an offset
 * ({@code Z}, {@code +02:00}, {@code +0200}, {@code +02}), or a bare time {@code 10:15:30}.
 * SQLite's own date functions write these forms.
 */
final class IsoDateTime {
    private static final String TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?";
    private static final String OFFSET = "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?";
    private static final Pattern DATE_TIME = Pattern.compile(
            "(-?\\d{4,})-(\\d{1,2})-(\\d{1,2})(?:(?:[Tt]|\\s+)" + TIME + ")?" + OFFSET);
    private static final Pattern TIME_ONLY = Pattern.compile(TIME + OFFSET);

    final LocalDate date;     // 1970-01-01 for a bare time
    final LocalTime time;     // midnight for a bare date
    final ZoneOffset offset;  // null when the text has none
    final boolean hasDate;
    final boolean hasTime;

    private IsoDateTime(LocalDate date, LocalTime time, ZoneOffset offset, boolean hasDate, boolean hasTime) {
        this.date = date;
        this.time = time;
        this.offset = offset;
        this.hasDate = hasDate;
        this.hasTime = hasTime;
    }

    /** The parsed text, or null when it is not one of the forms above. */
    static IsoDateTime parse(String text) {
        String s = text.trim();
        try {
            Matcher m = DATE_TIME.matcher(s);
            if (m.matches()) {
                LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
                boolean hasTime = m.group(4) != null;
                LocalTime time = hasTime ? time(m, 4) : LocalTime.MIDNIGHT;
                return new IsoDateTime(date, time, offset(m.group(8)), true, hasTime);
            }
            m = TIME_ONLY.matcher(s);
            if (m.matches()) {
                return new IsoDateTime(LocalDate.EPOCH, time(m, 1), offset(m.group(5)), false, true);
            }
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null; // 2024-02-31 and friends: not a date
        }
        return null;
    }

    private static LocalTime time(Matcher m, int first) {
        int hour = Integer.parseInt(m.group(first));
        int minute = Integer.parseInt(m.group(first + 1));
        int second = m.group(first + 2) == null ? 0 : Integer.parseInt(m.group(first + 2));
        String fraction = m.group(first + 3);
        int nanos = 0;
        if (fraction != null) {
            String nine = (fraction + "000000000").substring(0, 9);
            nanos = Integer.parseInt(nine);
        }
        return LocalTime.of(hour, minute, second, nanos);
    }

    private static ZoneOffset offset(String text) {
        if (text == null) {
            return null;
        }
        if (text.equalsIgnoreCase("Z") || text.equals("UTC") || text.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = text.replace(":", "");
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    LocalDateTime localDateTime() {
        return LocalDateTime.of(date, time);
    }

    /** The instant meant: with the text's offset, else as local time in {@code zone}. */
    Instant instant(ZoneId zone) {
        return offset != null ? localDateTime().toInstant(offset) : localDateTime().atZone(zone).toInstant();
    }
}

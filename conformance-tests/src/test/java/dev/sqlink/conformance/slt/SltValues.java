package dev.sqlink.conformance.slt;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;

/**
 * Renders result values as the reference harness does. The harness reads a column with
 * {@code sqlite3_column_int} (I), {@code sqlite3_column_double} (R) or {@code sqlite3_column_text}
 * (T); JDBC's {@code getLong}, {@code getDouble} and {@code getString} are the same conversions in
 * an SQLite driver, so the runner uses them and thereby also checks that the driver converts values
 * the way SQLite does.
 */
final class SltValues {

    private SltValues() {
    }

    static String render(ResultSet rs, int column, char type) throws SQLException {
        String text = switch (type) {
            case 'I' -> Integer.toString((int) rs.getLong(column)); // sqlite3_column_int keeps the low 32 bits
            case 'R' -> SqliteFixedFormat.format(rs.getDouble(column), 3);
            case 'T' -> rs.getString(column);
            default -> throw new IllegalArgumentException("unknown type letter " + type);
        };
        if (rs.wasNull()) {
            return "NULL";
        }
        return printable(text);
    }

    /** Empty text becomes {@code (empty)}; characters outside ' '..'~' become {@code @}. */
    static String printable(String text) {
        if (text.isEmpty()) {
            return "(empty)";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' || c > '~') {
                if (out == null) {
                    out = new StringBuilder(text.substring(0, i));
                }
                // One '@' per byte of the UTF-8 encoding, as the C harness replaces bytes.
                int codePoint = text.codePointAt(i);
                int bytes = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
                out.append("@".repeat(bytes));
                i += Character.charCount(codePoint) - 1;
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** The harness's hash line: md5 over every value followed by a newline. */
    static String hashLine(List<String> values) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides MD5", e);
        }
        for (String value : values) {
            md5.update(value.getBytes(StandardCharsets.UTF_8));
            md5.update((byte) '\n');
        }
        return values.size() + " values hashing to " + HexFormat.of().formatHex(md5.digest());
    }
}

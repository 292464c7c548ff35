package dev.sqlink.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/** A text value held in memory; positions are 1-based as JDBC says. */
final class JdbcClob implements NClob {
    private String text;

    JdbcClob(String text) {
        this.text = text;
    }

    private String text() throws SQLException {
        if (text == null) {
            throw new SQLException("the clob was freed", "HY010");
        }
        return text;
    }

    private static void checkPos(long pos, int length) throws SQLException {
        if (pos < 1 || pos > length + 1L) {
            throw new SQLException("position " + pos + " is outside the clob (1.." + (length + 1) + ")", "22003");
        }
    }

    @Override
    public long length() throws SQLException {
        return text().length();
    }

    @Override
    public String getSubString(long pos, int length) throws SQLException {
        String t = text();
        checkPos(pos, t.length());
        int from = (int) pos - 1;
        return t.substring(from, Math.min(t.length(), from + Math.max(0, length)));
    }

    @Override
    public Reader getCharacterStream() throws SQLException {
        return new StringReader(text());
    }

    @Override
    public Reader getCharacterStream(long pos, long length) throws SQLException {
        return new StringReader(getSubString(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public InputStream getAsciiStream() throws SQLException {
        return new ByteArrayInputStream(text().getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public long position(String search, long start) throws SQLException {
        String t = text();
        checkPos(start, t.length());
        int i = t.indexOf(search, (int) start - 1);
        return i < 0 ? -1 : i + 1;
    }

    @Override
    public long position(Clob search, long start) throws SQLException {
        return position(search.getSubString(1, (int) search.length()), start);
    }

    @Override
    public int setString(long pos, String str) throws SQLException {
        return setString(pos, str, 0, str.length());
    }

    @Override
    public int setString(long pos, String str, int offset, int len) throws SQLException {
        String t = text();
        checkPos(pos, t.length());
        int from = (int) pos - 1;
        String piece = str.substring(offset, offset + len);
        String tail = from + len < t.length() ? t.substring(from + len) : "";
        text = t.substring(0, from) + piece + tail;
        return len;
    }

    @Override
    public OutputStream setAsciiStream(long pos) throws SQLException {
        throw SqlErrors.unsupported("Clob.setAsciiStream (use setString)");
    }

    @Override
    public Writer setCharacterStream(long pos) throws SQLException {
        checkPos(pos, text().length());
        return new StringWriter() {
            @Override
            public void close() {
                try {
                    setString(pos, toString());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        String t = text();
        text = t.substring(0, (int) Math.max(0, Math.min(len, t.length())));
    }

    @Override
    public void free() {
        text = null;
    }
}

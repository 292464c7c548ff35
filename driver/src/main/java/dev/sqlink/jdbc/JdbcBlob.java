package dev.sqlink.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/** A blob value held in memory (SQLite values are read whole); positions are 1-based as JDBC says. */
final class JdbcBlob implements Blob {
    private byte[] bytes;

    JdbcBlob(byte[] bytes) {
        this.bytes = bytes;
    }

    private byte[] bytes() throws SQLException {
        if (bytes == null) {
            throw new SQLException("the blob was freed", "HY010");
        }
        return bytes;
    }

    @Override
    public long length() throws SQLException {
        return bytes().length;
    }

    @Override
    public byte[] getBytes(long pos, int length) throws SQLException {
        byte[] b = bytes();
        checkPos(pos, b.length);
        int from = (int) pos - 1;
        return Arrays.copyOfRange(b, from, Math.min(b.length, from + Math.max(0, length)));
    }

    private static void checkPos(long pos, int length) throws SQLException {
        if (pos < 1 || pos > length + 1L) {
            throw new SQLException("position " + pos + " is outside the blob (1.." + (length + 1) + ")", "22003");
        }
    }

    @Override
    public InputStream getBinaryStream() throws SQLException {
        return new ByteArrayInputStream(bytes());
    }

    @Override
    public InputStream getBinaryStream(long pos, long length) throws SQLException {
        return new ByteArrayInputStream(getBytes(pos, (int) Math.min(Integer.MAX_VALUE, length)));
    }

    @Override
    public long position(byte[] pattern, long start) throws SQLException {
        byte[] b = bytes();
        checkPos(start, b.length);
        outer:
        for (int i = (int) start - 1; i <= b.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (b[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i + 1;
        }
        return -1;
    }

    @Override
    public long position(Blob pattern, long start) throws SQLException {
        return position(pattern.getBytes(1, (int) pattern.length()), start);
    }

    @Override
    public int setBytes(long pos, byte[] data) throws SQLException {
        return setBytes(pos, data, 0, data.length);
    }

    @Override
    public int setBytes(long pos, byte[] data, int offset, int len) throws SQLException {
        byte[] b = bytes();
        checkPos(pos, b.length);
        int from = (int) pos - 1;
        if (from + len > b.length) {
            b = Arrays.copyOf(b, from + len);
        }
        System.arraycopy(data, offset, b, from, len);
        bytes = b;
        return len;
    }

    @Override
    public OutputStream setBinaryStream(long pos) throws SQLException {
        checkPos(pos, bytes().length);
        return new ByteArrayOutputStream() {
            @Override
            public void close() {
                try {
                    setBytes(pos, toByteArray());
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }

    @Override
    public void truncate(long len) throws SQLException {
        bytes = Arrays.copyOf(bytes(), (int) Math.max(0, Math.min(len, bytes().length)));
    }

    @Override
    public void free() {
        bytes = null;
    }
}

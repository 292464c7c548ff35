package dev.sqlink.jdbc;

import dev.sqlink.engine.Stmt;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Arrays;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * The parameter values of a prepared statement, held as the storage classes SQLite binds
 * (Long, Double, String, byte[] or null) and converted from Java types the way sqlite-jdbc
 * does: integers and booleans as INTEGER, floats as REAL, {@code BigDecimal} as its text,
 * {@code java.util.Date} and its {@code java.sql} subclasses by {@code date_class}, and any
 * other object (UUID, BigInteger, java.time values ...) as its {@code toString()}.
 */
final class Parameters {
    private static final Object UNSET = new Object();

    private final int count;
    private final Object[] values;
    private final int[] sqlTypes;

    Parameters(int count) {
        this.count = count;
        this.values = new Object[count];
        this.sqlTypes = new int[count];
        clear();
    }

    int count() {
        return count;
    }

    void clear() {
        Arrays.fill(values, UNSET);
        Arrays.fill(sqlTypes, Types.NULL);
    }

    /** Stores an already converted value for parameter {@code index} (1-based). */
    void set(int index, Object storageValue, int sqlType) throws SQLException {
        if (index < 1 || index > count) {
            throw new SQLException("parameter index " + index + " is out of range (the statement has " + count
                    + " parameter" + (count == 1 ? "" : "s") + ")", "07009");
        }
        values[index - 1] = storageValue;
        sqlTypes[index - 1] = sqlType;
    }

    int sqlType(int index) {
        return sqlTypes[index - 1];
    }

    /** A copy of the current values, for a batch. */
    Object[] snapshot() throws SQLException {
        checkAllSet(values);
        return values.clone();
    }

    void bindTo(Stmt stmt) throws SQLException {
        bind(stmt, values);
    }

    static void bind(Stmt stmt, Object[] row) throws SQLException {
        checkAllSet(row);
        for (int i = 0; i < row.length; i++) {
            Object v = row[i];
            int index = i + 1;
            if (v == null) {
                stmt.bindNull(index);
            } else if (v instanceof Long) {
                stmt.bindLong(index, (Long) v);
            } else if (v instanceof Double) {
                stmt.bindDouble(index, (Double) v);
            } else if (v instanceof byte[]) {
                stmt.bindBlob(index, (byte[]) v);
            } else {
                stmt.bindText(index, (String) v);
            }
        }
    }

    private static void checkAllSet(Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == UNSET) {
                throw new SQLException("no value was set for parameter " + (i + 1)
                        + ": call a setXxx method (setNull for NULL) for every parameter", "07002");
            }
        }
    }

    // ------------------------------------------------------------------ Java value -> storage class

    /** setObject's conversion. */
    static Object fromObject(Object value, DateSettings dates) throws SQLException {
        if (value == null) {
            return null;
        } else if (value instanceof java.util.Date) {
            return dates.toStorage(((java.util.Date) value).getTime(), TimeZone.getDefault());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return ((Number) value).longValue();
        } else if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        } else if (value instanceof Boolean) {
            return (Boolean) value ? 1L : 0L;
        } else if (value instanceof byte[]) {
            return value;
        } else if (value instanceof BigDecimal) {
            return value.toString();
        } else if (value instanceof Blob) {
            return fromBlob((Blob) value);
        } else if (value instanceof Clob) {
            return fromClob((Clob) value);
        } else if (value instanceof InputStream) {
            return readAll((InputStream) value, -1);
        } else if (value instanceof Reader) {
            return readAll((Reader) value, -1);
        } else if (value instanceof Calendar) {
            Calendar c = (Calendar) value;
            return dates.toStorage(c.getTimeInMillis(), c.getTimeZone());
        }
        return value.toString();
    }

    /** The java.sql.Types constant reported by ParameterMetaData for a value set with setObject. */
    static int sqlTypeOf(Object value) {
        if (value == null) {
            return Types.NULL;
        } else if (value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof Boolean) {
            return Types.INTEGER;
        } else if (value instanceof Long) {
            return Types.BIGINT;
        } else if (value instanceof Float || value instanceof Double) {
            return Types.REAL;
        } else if (value instanceof byte[] || value instanceof Blob || value instanceof InputStream) {
            return Types.BLOB;
        }
        return Types.VARCHAR;
    }

    static byte[] fromBlob(Blob blob) throws SQLException {
        if (blob == null) {
            return null;
        }
        long length = blob.length();
        if (length > Integer.MAX_VALUE) {
            throw new SQLException("blob of " + length + " bytes exceeds the 2 GiB SQLite can store", "22001");
        }
        return blob.getBytes(1, (int) length);
    }

    static String fromClob(Clob clob) throws SQLException {
        if (clob == null) {
            return null;
        }
        long length = clob.length();
        if (length > Integer.MAX_VALUE) {
            throw new SQLException("clob of " + length + " characters is too large", "22001");
        }
        return clob.getSubString(1, (int) length);
    }

    /** All bytes of {@code in}, or exactly {@code length} of them when length >= 0. */
    static byte[] readAll(InputStream in, long length) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            if (length < 0) {
                return in.readAllBytes();
            }
            if (length > Integer.MAX_VALUE) {
                throw new SQLException("stream length " + length + " exceeds 2 GiB", "22001");
            }
            byte[] bytes = in.readNBytes((int) length);
            if (bytes.length < length) {
                throw new SQLException("the stream ended after " + bytes.length + " of the " + length
                        + " bytes promised", "22000");
            }
            return bytes;
        } catch (IOException e) {
            throw new SQLException("cannot read the parameter stream: " + e.getMessage(), "22000", e);
        }
    }

    static String readAll(InputStream in, long length, Charset charset) throws SQLException {
        byte[] bytes = readAll(in, length);
        return bytes == null ? null : new String(bytes, charset);
    }

    /** All characters of {@code reader}, or exactly {@code length} of them when length >= 0. */
    static String readAll(Reader reader, long length) throws SQLException {
        if (reader == null) {
            return null;
        }
        try {
            StringBuilder b = new StringBuilder();
            char[] buffer = new char[8192];
            long remaining = length < 0 ? Long.MAX_VALUE : length;
            while (remaining > 0) {
                int n = reader.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    break;
                }
                b.append(buffer, 0, n);
                remaining -= n;
            }
            if (length >= 0 && b.length() < length) {
                throw new SQLException("the reader ended after " + b.length() + " of the " + length
                        + " characters promised", "22000");
            }
            return b.toString();
        } catch (IOException e) {
            throw new SQLException("cannot read the parameter reader: " + e.getMessage(), "22000", e);
        }
    }
}

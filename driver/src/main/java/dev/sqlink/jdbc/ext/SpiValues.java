package dev.sqlink.jdbc.ext;

import dev.sqlink.engine.Datatype;
import dev.sqlink.engine.FunctionArgs;
import dev.sqlink.engine.FunctionResult;
import dev.sqlink.spi.SqlArguments;
import dev.sqlink.spi.SqlResult;
import dev.sqlink.spi.SqlType;

/** The SPI's value views over the engine's: the one place SPI and engine types meet. */
final class SpiValues {
    private SpiValues() {}

    static SqlType type(int datatype) {
        switch (datatype) {
            case Datatype.INTEGER: return SqlType.INTEGER;
            case Datatype.FLOAT: return SqlType.FLOAT;
            case Datatype.TEXT: return SqlType.TEXT;
            case Datatype.BLOB: return SqlType.BLOB;
            default: return SqlType.NULL;
        }
    }

    /** Arguments from {@code first} on (xUpdate passes rowids before the column values). */
    static SqlArguments args(FunctionArgs a, int first) {
        return new SqlArguments() {
            @Override
            public int count() {
                return a.count() - first;
            }

            @Override
            public SqlType type(int i) {
                return SpiValues.type(a.type(i + first));
            }

            @Override
            public long getLong(int i) {
                return a.getLong(i + first);
            }

            @Override
            public double getDouble(int i) {
                return a.getDouble(i + first);
            }

            @Override
            public String getText(int i) {
                return a.isNull(i + first) ? null : a.getText(i + first);
            }

            @Override
            public byte[] getBlob(int i) {
                return a.getBlob(i + first);
            }
        };
    }

    static SqlArguments args(FunctionArgs a) {
        return args(a, 0);
    }

    static SqlResult result(FunctionResult r) {
        return new SqlResult() {
            @Override
            public void setNull() {
                r.setNull();
            }

            @Override
            public void setLong(long value) {
                r.setLong(value);
            }

            @Override
            public void setDouble(double value) {
                r.setDouble(value);
            }

            @Override
            public void setText(String value) {
                r.setText(value);
            }

            @Override
            public void setBlob(byte[] value) {
                r.setBlob(value);
            }

            @Override
            public void setError(String message) {
                r.setError(message);
            }
        };
    }

    /** Column values of an xUpdate call, from argument {@code first} on. */
    static Object[] values(FunctionArgs a, int first) {
        Object[] v = new Object[a.count() - first];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.getObject(i + first);
        }
        return v;
    }
}

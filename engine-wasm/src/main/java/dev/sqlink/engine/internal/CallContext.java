package dev.sqlink.engine.internal;

import dev.sqlink.engine.FunctionArgs;
import dev.sqlink.engine.FunctionResult;
import dev.sqlink.engine.ResultCode;

/** Arguments and result of one user-function call, read and written through the wasm boundary. */
final class CallContext implements FunctionArgs, FunctionResult {
    private final Native nat;
    private final int ctx;
    private final int argc;
    private final int argv;

    CallContext(Native nat, int ctx, int argc, int argv) {
        this.nat = nat;
        this.ctx = ctx;
        this.argc = argc;
        this.argv = argv;
    }

    private int value(int i) {
        if (i < 0 || i >= argc) {
            throw new IndexOutOfBoundsException("argument " + i + " of " + argc);
        }
        return nat.readInt(argv + 4 * i);
    }

    @Override
    public int count() {
        return argc;
    }

    @Override
    public int type(int i) {
        return nat.valueType(value(i));
    }

    @Override
    public long getLong(int i) {
        return nat.valueLong(value(i));
    }

    @Override
    public double getDouble(int i) {
        return nat.valueDouble(value(i));
    }

    @Override
    public String getText(int i) {
        return nat.valueText(value(i));
    }

    @Override
    public byte[] getBlob(int i) {
        return isNull(i) ? null : nat.valueBlob(value(i));
    }

    @Override
    public void setNull() {
        nat.resultNull(ctx);
    }

    @Override
    public void setLong(long value) {
        nat.resultLong(ctx, value);
    }

    @Override
    public void setDouble(double value) {
        nat.resultDouble(ctx, value);
    }

    @Override
    public void setText(String value) {
        if (value == null) {
            setNull();
        } else {
            nat.resultText(ctx, value);
        }
    }

    @Override
    public void setBlob(byte[] value) {
        if (value == null) {
            setNull();
        } else {
            nat.resultBlob(ctx, value);
        }
    }

    @Override
    public void setZeroBlob(long length) {
        nat.resultZeroblob(ctx, length);
    }

    @Override
    public void setError(String message) {
        setError(message, ResultCode.ERROR);
    }

    @Override
    public void setError(String message, int resultCode) {
        nat.resultError(ctx, message == null ? "error in user function" : message, resultCode);
    }

    /** Turns an exception thrown by the user's code into this call's SQL error. */
    void fail(Throwable t) {
        if (t instanceof OutOfWasmMemoryException) {
            nat.resultError(ctx, t.getMessage(), ResultCode.NOMEM);
            return;
        }
        if (t instanceof java.util.concurrent.CancellationException) {
            // The function saw the statement's interrupt and stopped: report it as SQLite would.
            nat.resultError(ctx, t.getMessage() != null ? t.getMessage() : "interrupted", ResultCode.INTERRUPT);
            return;
        }
        // toString() names the exception type: "boom" alone would hide that Java code failed.
        setError(t.toString());
    }
}

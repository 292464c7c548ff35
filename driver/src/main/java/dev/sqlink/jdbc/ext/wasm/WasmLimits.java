package dev.sqlink.jdbc.ext.wasm;

/**
 * What one wasm extension instance may use on one connection: its linear memory and the time
 * one call may run. Set by the connection properties {@code wasm_memory_limit_mb} and
 * {@code wasm_call_timeout_ms}.
 */
public final class WasmLimits {
    /** 64 MiB and 10 s: generous for functions over a row, small enough to stop a runaway. */
    public static final WasmLimits DEFAULT = new WasmLimits(64, 10_000);

    private final int memoryMb;
    private final long callTimeoutMillis;

    public WasmLimits(int memoryMb, long callTimeoutMillis) {
        if (memoryMb < 1 || memoryMb > 4096) {
            throw new IllegalArgumentException("wasm_memory_limit_mb must be 1 to 4096 (a wasm32 memory holds at most"
                    + " 4096 MiB): " + memoryMb);
        }
        if (callTimeoutMillis < 1) {
            throw new IllegalArgumentException("wasm_call_timeout_ms must be at least 1: " + callTimeoutMillis);
        }
        this.memoryMb = memoryMb;
        this.callTimeoutMillis = callTimeoutMillis;
    }

    public int memoryMb() {
        return memoryMb;
    }

    /** The memory cap in 64 KiB wasm pages. */
    int memoryPages() {
        return memoryMb * 16;
    }

    public long callTimeoutMillis() {
        return callTimeoutMillis;
    }

    @Override
    public String toString() {
        return "wasm_memory_limit_mb=" + memoryMb + ", wasm_call_timeout_ms=" + callTimeoutMillis;
    }
}

package dev.sqlink.engine.internal;

/** SQLite's allocator could not satisfy a request from the host (the memory cap was reached). */
public final class OutOfWasmMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutOfWasmMemoryException(long size) {
        super("out of memory: could not allocate " + size + " bytes inside the engine (raise the memory cap?)");
    }
}

package dev.sqlink.jdbc.ext.wasm;

/**
 * A wasm extension call failed: it trapped, ran out of time or memory, or was refused a host
 * service. Thrown inside a statement, its message becomes that statement's error.
 */
public final class WasmCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WasmCallException(String message) {
        super(message);
    }

    WasmCallException(String message, Throwable cause) {
        super(message, cause);
    }
}

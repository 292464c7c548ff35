package dev.sqlink.jdbc.ext.wasm;

/**
 * Implemented by the driver's registration context, so a wasm extension registering on a
 * connection learns that connection's limits. Any other {@code ExtensionContext} gets
 * {@link WasmLimits#DEFAULT}.
 */
public interface WasmHostContext {
    WasmLimits wasmLimits();
}

package dev.sqlink.jdbc.ext.wasm;

import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.sqlink.spi.Capability;
import java.util.List;
import java.util.Map;

/**
 * The contract of docs/wasm-extension-abi.md in one place: export names and their types, the
 * argument record layout, and the host imports with the capability each needs.
 */
final class WasmAbi {
    private WasmAbi() {}

    static final int VERSION = 1;
    static final String IMPORT_MODULE = "sqlink";

    static final String MANIFEST_EXPORT = "sqlink_manifest";
    static final String BUFFER_EXPORT = "sqlink_buffer";
    /** wasi-libc's reactor constructor call; run once per instance when present. */
    static final String INITIALIZE_EXPORT = "_initialize";

    /** One argument record: i32 type, i32 length, 8 bytes of value or pointer. */
    static final int VALUE_SIZE = 16;

    static final int TYPE_INTEGER = 1;
    static final int TYPE_FLOAT = 2;
    static final int TYPE_TEXT = 3;
    static final int TYPE_BLOB = 4;
    static final int TYPE_NULL = 5;

    private static final ValType I32 = ValType.I32;
    private static final ValType I64 = ValType.I64;

    static final FunctionType MANIFEST_TYPE = FunctionType.of(List.of(), List.of(I32));
    static final FunctionType BUFFER_TYPE = FunctionType.of(List.of(I32), List.of(I32));
    static final FunctionType INITIALIZE_TYPE = FunctionType.of(List.of(), List.of());
    /** scalar(argc, argv) */
    static final FunctionType SCALAR_TYPE = FunctionType.of(List.of(I32, I32), List.of());
    /** step/inverse(ctx, argc, argv) */
    static final FunctionType STEP_TYPE = FunctionType.of(List.of(I32, I32, I32), List.of());
    /** final/value(ctx) */
    static final FunctionType FINAL_TYPE = FunctionType.of(List.of(I32), List.of());
    /** collation(a, aLen, b, bLen) -> sign */
    static final FunctionType COLLATION_TYPE = FunctionType.of(List.of(I32, I32, I32, I32), List.of(I32));

    /** A host import: its wasm type and the capability it needs (null: always available). */
    static final class HostImport {
        final FunctionType type;
        final Capability capability;

        HostImport(FunctionType type, Capability capability) {
            this.type = type;
            this.capability = capability;
        }
    }

    static final Map<String, HostImport> IMPORTS = Map.ofEntries(
            Map.entry("result_null", new HostImport(FunctionType.of(List.of(), List.of()), null)),
            Map.entry("result_int", new HostImport(FunctionType.of(List.of(I64), List.of()), null)),
            Map.entry("result_double", new HostImport(FunctionType.of(List.of(ValType.F64), List.of()), null)),
            Map.entry("result_text", new HostImport(FunctionType.of(List.of(I32, I32), List.of()), null)),
            Map.entry("result_blob", new HostImport(FunctionType.of(List.of(I32, I32), List.of()), null)),
            Map.entry("result_error", new HostImport(FunctionType.of(List.of(I32, I32), List.of()), null)),
            Map.entry("clock_millis", new HostImport(FunctionType.of(List.of(), List.of(I64)), Capability.CLOCK)),
            Map.entry("random_fill", new HostImport(FunctionType.of(List.of(I32, I32), List.of()), Capability.RANDOM)),
            Map.entry("env_get", new HostImport(FunctionType.of(List.of(I32, I32, I32, I32), List.of(I32)),
                    Capability.ENV)),
            Map.entry("fs_size", new HostImport(FunctionType.of(List.of(I32, I32), List.of(I64)), Capability.FS_READ)),
            Map.entry("fs_read", new HostImport(FunctionType.of(List.of(I32, I32, I64, I32, I32), List.of(I32)),
                    Capability.FS_READ)),
            Map.entry("fs_write", new HostImport(FunctionType.of(List.of(I32, I32, I32, I32, I32), List.of(I32)),
                    Capability.FS_WRITE)));

    /** A wasm signature as a reader writes it, e.g. {@code (i32, i32) -> i32}. */
    static String describe(FunctionType t) {
        return "(" + names(t.params()) + ") -> " + (t.returns().isEmpty() ? "()" : names(t.returns()));
    }

    private static String names(List<ValType> types) {
        StringBuilder b = new StringBuilder();
        for (ValType v : types) {
            b.append(b.length() == 0 ? "" : ", ").append(v.equals(I32) ? "i32" : v.equals(I64) ? "i64"
                    : v.equals(ValType.F64) ? "f64" : v.equals(ValType.F32) ? "f32" : String.valueOf(v));
        }
        return b.toString();
    }
}

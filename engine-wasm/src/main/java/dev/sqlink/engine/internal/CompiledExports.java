package dev.sqlink.engine.internal;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExportSection;
import com.dylibso.chicory.wasm.types.ExternalType;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Method handles straight to the JVM methods the build-time compiler made of the exports on
 * the hot path (stepping, binding, reading columns, user-function values and results).
 *
 * <p>Why: {@code Instance.export(name).apply(long...)} boxes arguments and results in fresh
 * {@code long[]} arrays and reaches the function through the generated call dispatcher, a
 * single switch over every function that is far over HotSpot's HugeMethodLimit and so runs in
 * the bytecode interpreter on every call. The compiled function itself is a static method {@code func_<index>(params..., Memory, Instance)}; a {@code static final} handle to it
 * is a constant the JIT links (and inlines) like a direct call.
 *
 * <p>Each handle is looked up by export name and by the JVM signature its wasm type implies,
 * so a rebuilt module that renumbers functions still resolves, and a changed signature fails
 * loudly at class initialisation instead of calling the wrong thing.
 */
final class CompiledExports {

    static final MethodHandle STEP = find("sqlite3_step", int.class, int.class);
    static final MethodHandle RESET = find("sqlite3_reset", int.class, int.class);
    static final MethodHandle CLEAR_BINDINGS = find("sqlite3_clear_bindings", int.class, int.class);
    static final MethodHandle BIND_INT64 = find("sqlite3_bind_int64", int.class, int.class, int.class, long.class);
    static final MethodHandle BIND_DOUBLE = find("sqlite3_bind_double", int.class, int.class, int.class, double.class);
    static final MethodHandle BIND_NULL = find("sqlite3_bind_null", int.class, int.class, int.class);
    static final MethodHandle BIND_TEXT = find("sqlink_bind_text", int.class, int.class, int.class, int.class, int.class);
    static final MethodHandle BIND_BLOB = find("sqlink_bind_blob", int.class, int.class, int.class, int.class, int.class);
    static final MethodHandle BIND_TEXT_COPY = find("sqlite3_bind_text", int.class, int.class, int.class, int.class, int.class, int.class);
    static final MethodHandle BIND_BLOB_COPY = find("sqlite3_bind_blob", int.class, int.class, int.class, int.class, int.class, int.class);
    static final MethodHandle COLUMN_COUNT = find("sqlite3_column_count", int.class, int.class);
    static final MethodHandle DATA_COUNT = find("sqlite3_data_count", int.class, int.class);
    static final MethodHandle COLUMN_TYPE = find("sqlite3_column_type", int.class, int.class, int.class);
    static final MethodHandle COLUMN_INT64 = find("sqlite3_column_int64", long.class, int.class, int.class);
    static final MethodHandle COLUMN_DOUBLE = find("sqlite3_column_double", double.class, int.class, int.class);
    static final MethodHandle COLUMN_TEXT = find("sqlite3_column_text", int.class, int.class, int.class);
    static final MethodHandle COLUMN_BLOB = find("sqlite3_column_blob", int.class, int.class, int.class);
    static final MethodHandle COLUMN_BYTES = find("sqlite3_column_bytes", int.class, int.class, int.class);
    static final MethodHandle MALLOC = find("sqlite3_malloc64", int.class, long.class);
    static final MethodHandle FREE = find("sqlite3_free", void.class, int.class);
    static final MethodHandle CHANGES = find("sqlite3_changes64", long.class, int.class);
    static final MethodHandle TOTAL_CHANGES = find("sqlite3_total_changes64", long.class, int.class);
    static final MethodHandle LAST_INSERT_ROWID = find("sqlite3_last_insert_rowid", long.class, int.class);
    static final MethodHandle GET_AUTOCOMMIT = find("sqlite3_get_autocommit", int.class, int.class);
    static final MethodHandle VALUE_TYPE = find("sqlite3_value_type", int.class, int.class);
    static final MethodHandle VALUE_INT64 = find("sqlite3_value_int64", long.class, int.class);
    static final MethodHandle VALUE_DOUBLE = find("sqlite3_value_double", double.class, int.class);
    static final MethodHandle VALUE_TEXT = find("sqlite3_value_text", int.class, int.class);
    static final MethodHandle VALUE_BLOB = find("sqlite3_value_blob", int.class, int.class);
    static final MethodHandle VALUE_BYTES = find("sqlite3_value_bytes", int.class, int.class);
    static final MethodHandle RESULT_INT64 = find("sqlite3_result_int64", void.class, int.class, long.class);
    static final MethodHandle RESULT_DOUBLE = find("sqlite3_result_double", void.class, int.class, double.class);
    static final MethodHandle RESULT_NULL = find("sqlite3_result_null", void.class, int.class);
    static final MethodHandle RESULT_TEXT = find("sqlink_result_text", void.class, int.class, int.class, int.class);
    static final MethodHandle RESULT_BLOB = find("sqlink_result_blob", void.class, int.class, int.class, int.class);
    static final MethodHandle AGGREGATE_CONTEXT = find("sqlite3_aggregate_context", int.class, int.class, int.class);

    private CompiledExports() {}

    /** The compiled method of export {@code name}, typed {@code (params..., Memory, Instance) -> result}. */
    private static MethodHandle find(String name, Class<?> result, Class<?>... params) {
        int index = functionIndex(name);
        MethodType type = MethodType.methodType(result, params).appendParameterTypes(Memory.class, Instance.class);
        String method = "func_" + index;
        String ownerName = FunctionGroups.classOf(index);
        try {
            // Initialising only the class that holds it: the others are loaded when first called.
            Class<?> owner = Class.forName(ownerName, true, CompiledExports.class.getClassLoader());
            // the generated class is package-private; it lives in this module (an automatic
            // module, or the class path), whose packages are open to their own members
            return MethodHandles.privateLookupIn(owner, MethodHandles.lookup()).findStatic(owner, method, type);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new IllegalStateException("the compiled engine has no method " + ownerName + "." + method + type
                    + " for export " + name + "; the generated classes do not match the wasm module, rebuild engine-wasm",
                    e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("the compiled method " + method + " of export " + name
                    + " is not accessible from the engine binding", e);
        }
    }

    private static int functionIndex(String name) {
        ExportSection exports = EngineInstance.module().exportSection();
        for (int i = 0; i < exports.exportCount(); i++) {
            Export export = exports.getExport(i);
            if (export.exportType() == ExternalType.FUNCTION && export.name().equals(name)) {
                return export.index();
            }
        }
        throw new IllegalStateException("the engine module exports no function " + name);
    }
}

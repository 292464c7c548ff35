package dev.sqlink.engine.internal;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.sqlink.engine.vfs.FileVfs;
import java.util.ArrayList;
import java.util.List;

/**
 * The "sqlink" import module: the functions the C glue ({@code sqlink_glue.c}) calls on
 * the host. Each import forwards to the connection's {@link VfsBridge} or
 * {@link CallbackBridge}; signatures here must match the C declarations exactly.
 */
public final class HostImports {
    private static final String MODULE = "sqlink";
    private static final ValType I32 = ValType.I32;
    private static final ValType I64 = ValType.I64;
    private static final long[] NONE = null;

    private final List<HostFunction> functions = new ArrayList<>();

    private HostImports() {}

    public static ImportValues create(VfsBridge vfs, CallbackBridge cb, VtabBridge vt) {
        HostImports h = new HostImports();
        h.vfsImports(vfs);
        h.callbackImports(cb);
        h.vtabImports(vt);
        return ImportValues.builder().withFunctions(new ArrayList<>(h.functions)).build();
    }

    /**
     * Builds one throwaway set of imports so that the first real instance finds their ~50
     * lambda call sites linked and the VFS's SecureRandom created: in a cold JVM that is ~100 ms
     * which {@link EngineStartup} moves off the opener's thread. Nothing is opened or kept.
     */
    static void linkAhead() {
        CallbackBridge callbacks = new CallbackBridge();
        create(new VfsBridge(FileVfs.INSTANCE), callbacks, new VtabBridge(callbacks));
    }

    private void add(String name, ValType[] params, ValType[] results, WasmFunctionHandle handle) {
        functions.add(new HostFunction(MODULE, name, FunctionType.of(params, results), handle));
    }

    private static ValType[] p(ValType... types) {
        return types;
    }

    private static long[] r(int value) {
        return new long[] {value};
    }

    private static int a(long[] args, int i) {
        return (int) args[i];
    }

    private void vfsImports(VfsBridge v) {
        ValType[] i = p(I32);
        add("vfs_open", p(I32, I32, I32, I32), i, (inst, x) -> r(v.open(a(x, 0), a(x, 1), a(x, 2), a(x, 3))));
        add("vfs_delete", p(I32, I32), i, (inst, x) -> r(v.delete(a(x, 0), a(x, 1))));
        add("vfs_access", p(I32, I32, I32), i, (inst, x) -> r(v.access(a(x, 0), a(x, 1), a(x, 2))));
        add("vfs_full_pathname", p(I32, I32, I32), i, (inst, x) -> r(v.fullPathname(a(x, 0), a(x, 1), a(x, 2))));
        add("vfs_randomness", p(I32, I32), i, (inst, x) -> r(v.randomness(a(x, 0), a(x, 1))));
        add("vfs_sleep", p(I32), i, (inst, x) -> r(v.sleep(a(x, 0))));
        add("vfs_current_time", p(I32), i, (inst, x) -> r(v.currentTime(a(x, 0))));
        add("vfs_localtime", p(I64, I32), i, (inst, x) -> r(v.localtime(x[0], a(x, 1))));
        add("vfs_shm_supported", p(), i, (inst, x) -> r(v.shmSupported() ? 1 : 0));

        add("file_close", p(I32), i, (inst, x) -> r(v.close(a(x, 0))));
        add("file_read", p(I32, I32, I32, I64), i, (inst, x) -> r(v.read(a(x, 0), a(x, 1), a(x, 2), x[3])));
        add("file_write", p(I32, I32, I32, I64), i, (inst, x) -> r(v.write(a(x, 0), a(x, 1), a(x, 2), x[3])));
        add("file_truncate", p(I32, I64), i, (inst, x) -> r(v.truncate(a(x, 0), x[1])));
        add("file_sync", p(I32, I32), i, (inst, x) -> r(v.sync(a(x, 0), a(x, 1))));
        add("file_size", p(I32, I32), i, (inst, x) -> r(v.size(a(x, 0), a(x, 1))));
        add("file_lock", p(I32, I32), i, (inst, x) -> r(v.lock(a(x, 0), a(x, 1))));
        add("file_unlock", p(I32, I32), i, (inst, x) -> r(v.unlock(a(x, 0), a(x, 1))));
        add("file_check_reserved_lock", p(I32, I32), i, (inst, x) -> r(v.checkReservedLock(a(x, 0), a(x, 1))));
        add("file_control", p(I32, I32, I32), i, (inst, x) -> r(v.fileControl(a(x, 0), a(x, 1), a(x, 2))));
        add("file_sector_size", p(I32), i, (inst, x) -> r(v.sectorSize(a(x, 0))));
        add("file_device_characteristics", p(I32), i, (inst, x) -> r(v.deviceCharacteristics(a(x, 0))));
        add("file_shm_map", p(I32, I32, I32, I32, I32), i,
                (inst, x) -> r(v.shmMap(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4))));
        add("file_shm_lock", p(I32, I32, I32, I32), i, (inst, x) -> r(v.shmLock(a(x, 0), a(x, 1), a(x, 2), a(x, 3))));
        add("file_shm_barrier", p(I32), p(), (inst, x) -> {
            v.shmBarrier(a(x, 0));
            return NONE;
        });
        add("file_shm_unmap", p(I32, I32), i, (inst, x) -> r(v.shmUnmap(a(x, 0), a(x, 1))));
    }

    private void vtabImports(VtabBridge v) {
        ValType[] i = p(I32);
        add("vt_connect", p(I32, I32, I32, I32, I32, I32, I32), i,
                (inst, x) -> r(v.connect(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5), a(x, 6))));
        add("vt_best_index", p(I32, I32, I32), i, (inst, x) -> r(v.bestIndex(a(x, 0), a(x, 1), a(x, 2))));
        add("vt_disconnect", p(I32, I32), i, (inst, x) -> r(v.disconnect(a(x, 0), a(x, 1))));
        add("vt_open", p(I32, I32, I32), i, (inst, x) -> r(v.open(a(x, 0), a(x, 1), a(x, 2))));
        add("vt_close", p(I32), i, (inst, x) -> r(v.close(a(x, 0))));
        add("vt_filter", p(I32, I32, I32, I32, I32, I32), i,
                (inst, x) -> r(v.filter(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5))));
        add("vt_next", p(I32, I32), i, (inst, x) -> r(v.next(a(x, 0), a(x, 1))));
        add("vt_eof", p(I32), i, (inst, x) -> r(v.eof(a(x, 0))));
        add("vt_column", p(I32, I32, I32), i, (inst, x) -> r(v.column(a(x, 0), a(x, 1), a(x, 2))));
        add("vt_rowid", p(I32, I32, I32), i, (inst, x) -> r(v.rowid(a(x, 0), a(x, 1), a(x, 2))));
        add("vt_update", p(I32, I32, I32, I32, I32), i,
                (inst, x) -> r(v.update(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4))));
        add("vt_module_destroy", p(I32), p(), (inst, x) -> {
            v.destroyModule(a(x, 0));
            return NONE;
        });
    }

    private void callbackImports(CallbackBridge c) {
        ValType[] i = p(I32);
        add("fn_func", p(I32, I32, I32, I32), p(), (inst, x) -> {
            c.func(a(x, 0), a(x, 1), a(x, 2), a(x, 3));
            return NONE;
        });
        add("fn_step", p(I32, I32, I32, I32), p(), (inst, x) -> {
            c.step(a(x, 0), a(x, 1), a(x, 2), a(x, 3));
            return NONE;
        });
        add("fn_final", p(I32, I32), p(), (inst, x) -> {
            c.finish(a(x, 0), a(x, 1));
            return NONE;
        });
        add("fn_value", p(I32, I32), p(), (inst, x) -> {
            c.value(a(x, 0), a(x, 1));
            return NONE;
        });
        add("fn_inverse", p(I32, I32, I32, I32), p(), (inst, x) -> {
            c.inverse(a(x, 0), a(x, 1), a(x, 2), a(x, 3));
            return NONE;
        });
        add("fn_destroy", p(I32), p(), (inst, x) -> {
            c.destroyFunction(a(x, 0));
            return NONE;
        });
        add("collation_compare", p(I32, I32, I32, I32, I32), i,
                (inst, x) -> r(c.collate(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4))));
        add("collation_destroy", p(I32), p(), (inst, x) -> {
            c.destroyCollation(a(x, 0));
            return NONE;
        });
        add("hook_commit", p(I32), i, (inst, x) -> r(c.commit(a(x, 0))));
        add("hook_rollback", p(I32), p(), (inst, x) -> {
            c.rollback(a(x, 0));
            return NONE;
        });
        add("hook_update", p(I32, I32, I32, I32, I64), p(), (inst, x) -> {
            c.update(a(x, 0), a(x, 1), a(x, 2), a(x, 3), x[4]);
            return NONE;
        });
        add("hook_preupdate", p(I32, I32, I32, I32, I32, I64, I64), p(), (inst, x) -> {
            c.preupdate(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), x[5], x[6]);
            return NONE;
        });
        add("hook_authorizer", p(I32, I32, I32, I32, I32, I32), i,
                (inst, x) -> r(c.authorize(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5))));
        add("hook_progress", p(I32), i, (inst, x) -> r(c.progress(a(x, 0))));
        add("hook_busy", p(I32, I32), i, (inst, x) -> r(c.busy(a(x, 0), a(x, 1))));
        add("hook_trace", p(I32, I32, I32, I32), i, (inst, x) -> r(c.trace(a(x, 0), a(x, 1), a(x, 2), a(x, 3))));
    }
}

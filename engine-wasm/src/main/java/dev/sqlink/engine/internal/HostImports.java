package dev.sqlink.engine.internal;

import static com.dylibso.chicory.wasm.types.ValType.I32;
import static com.dylibso.chicory.wasm.types.ValType.I64;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import dev.sqlink.engine.vfs.FileVfs;
import java.util.ArrayList;
import java.util.List;

/**
 * The "sqlink" import module: the functions the C glue ({@code sqlink_glue.c}) calls on
 * the host. Each import forwards to the connection's {@link VfsBridge}, {@link CallbackBridge}
 * or {@link VtabBridge}, found through the instance's {@link Targets} (an instance that is reused
 * for another connection gets new ones); signatures here must match the C declarations exactly.
 *
 * <p>Why enums and a switch rather than a lambda per import: each of ~50 lambdas is a class the
 * JVM spins at run time, which in a cold JVM cost ~50 ms of CPU, and a first open that got there
 * before the start-up thread had linked them spun them again itself. The enum constants and the
 * three handle classes load from the jar like any class; the signatures are built once per JVM.
 */
public final class HostImports {
    private static final String MODULE = "sqlink";
    private static final long[] NONE = null;

    private HostImports() {}

    /** The bridges of the connection an instance serves now. */
    static final class Targets {
        VfsBridge vfs;
        CallbackBridge callbacks;
        VtabBridge vtabs;

        Targets(VfsBridge vfs, CallbackBridge callbacks, VtabBridge vtabs) {
            this.vfs = vfs;
            this.callbacks = callbacks;
            this.vtabs = vtabs;
        }
    }

    static ImportValues create(Targets targets) {
        List<ImportFunction> functions = new ArrayList<>(Vfs.ALL.length + Callback.ALL.length + Vtab.ALL.length);
        for (Vfs call : Vfs.ALL) {
            functions.add(new HostFunction(MODULE, call.importName, call.type, new VfsHandle(call, targets)));
        }
        for (Callback call : Callback.ALL) {
            functions.add(new HostFunction(MODULE, call.importName, call.type, new CallbackHandle(call, targets)));
        }
        for (Vtab call : Vtab.ALL) {
            functions.add(new HostFunction(MODULE, call.importName, call.type, new VtabHandle(call, targets)));
        }
        return ImportValues.builder().withFunctions(functions).build();
    }

    /**
     * Builds one throwaway set of imports so that the first real instance finds their classes
     * loaded, work {@link EngineStartup} moves off the opener's thread. Nothing is opened or kept.
     */
    static void linkAhead() {
        CallbackBridge callbacks = new CallbackBridge();
        create(new Targets(new VfsBridge(FileVfs.INSTANCE), callbacks, new VtabBridge(callbacks)));
    }

    private static FunctionType type(ValType[] params, ValType... results) {
        return FunctionType.of(params, results);
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

    // ------------------------------------------------------------------ VFS and files

    private enum Vfs {
        OPEN("vfs_open", type(p(I32, I32, I32, I32), I32)),
        DELETE("vfs_delete", type(p(I32, I32), I32)),
        ACCESS("vfs_access", type(p(I32, I32, I32), I32)),
        FULL_PATHNAME("vfs_full_pathname", type(p(I32, I32, I32), I32)),
        RANDOMNESS("vfs_randomness", type(p(I32, I32), I32)),
        SLEEP("vfs_sleep", type(p(I32), I32)),
        CURRENT_TIME("vfs_current_time", type(p(I32), I32)),
        LOCALTIME("vfs_localtime", type(p(I64, I32), I32)),
        SHM_SUPPORTED("vfs_shm_supported", type(p(), I32)),
        CLOSE("file_close", type(p(I32), I32)),
        READ("file_read", type(p(I32, I32, I32, I64), I32)),
        WRITE("file_write", type(p(I32, I32, I32, I64), I32)),
        TRUNCATE("file_truncate", type(p(I32, I64), I32)),
        SYNC("file_sync", type(p(I32, I32), I32)),
        SIZE("file_size", type(p(I32, I32), I32)),
        LOCK("file_lock", type(p(I32, I32), I32)),
        UNLOCK("file_unlock", type(p(I32, I32), I32)),
        CHECK_RESERVED_LOCK("file_check_reserved_lock", type(p(I32, I32), I32)),
        FILE_CONTROL("file_control", type(p(I32, I32, I32), I32)),
        SECTOR_SIZE("file_sector_size", type(p(I32), I32)),
        DEVICE_CHARACTERISTICS("file_device_characteristics", type(p(I32), I32)),
        SHM_MAP("file_shm_map", type(p(I32, I32, I32, I32, I32), I32)),
        SHM_LOCK("file_shm_lock", type(p(I32, I32, I32, I32), I32)),
        SHM_BARRIER("file_shm_barrier", type(p(I32))),
        SHM_UNMAP("file_shm_unmap", type(p(I32, I32), I32));

        static final Vfs[] ALL = values();
        final String importName;
        final FunctionType type;

        Vfs(String importName, FunctionType type) {
            this.importName = importName;
            this.type = type;
        }
    }

    private static final class VfsHandle implements WasmFunctionHandle {
        private final Vfs call;
        private final Targets targets;

        VfsHandle(Vfs call, Targets targets) {
            this.call = call;
            this.targets = targets;
        }

        @Override
        public long[] apply(Instance instance, long... x) {
            VfsBridge v = targets.vfs;
            switch (call) {
                case OPEN: return r(v.open(a(x, 0), a(x, 1), a(x, 2), a(x, 3)));
                case DELETE: return r(v.delete(a(x, 0), a(x, 1)));
                case ACCESS: return r(v.access(a(x, 0), a(x, 1), a(x, 2)));
                case FULL_PATHNAME: return r(v.fullPathname(a(x, 0), a(x, 1), a(x, 2)));
                case RANDOMNESS: return r(v.randomness(a(x, 0), a(x, 1)));
                case SLEEP: return r(v.sleep(a(x, 0)));
                case CURRENT_TIME: return r(v.currentTime(a(x, 0)));
                case LOCALTIME: return r(v.localtime(x[0], a(x, 1)));
                case SHM_SUPPORTED: return r(v.shmSupported() ? 1 : 0);
                case CLOSE: return r(v.close(a(x, 0)));
                case READ: return r(v.read(a(x, 0), a(x, 1), a(x, 2), x[3]));
                case WRITE: return r(v.write(a(x, 0), a(x, 1), a(x, 2), x[3]));
                case TRUNCATE: return r(v.truncate(a(x, 0), x[1]));
                case SYNC: return r(v.sync(a(x, 0), a(x, 1)));
                case SIZE: return r(v.size(a(x, 0), a(x, 1)));
                case LOCK: return r(v.lock(a(x, 0), a(x, 1)));
                case UNLOCK: return r(v.unlock(a(x, 0), a(x, 1)));
                case CHECK_RESERVED_LOCK: return r(v.checkReservedLock(a(x, 0), a(x, 1)));
                case FILE_CONTROL: return r(v.fileControl(a(x, 0), a(x, 1), a(x, 2)));
                case SECTOR_SIZE: return r(v.sectorSize(a(x, 0)));
                case DEVICE_CHARACTERISTICS: return r(v.deviceCharacteristics(a(x, 0)));
                case SHM_MAP: return r(v.shmMap(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4)));
                case SHM_LOCK: return r(v.shmLock(a(x, 0), a(x, 1), a(x, 2), a(x, 3)));
                case SHM_BARRIER:
                    v.shmBarrier(a(x, 0));
                    return NONE;
                case SHM_UNMAP: return r(v.shmUnmap(a(x, 0), a(x, 1)));
                default: throw new AssertionError(call);
            }
        }
    }

    // ------------------------------------------------------------------ functions, collations, hooks

    private enum Callback {
        FUNC("fn_func", type(p(I32, I32, I32, I32))),
        STEP("fn_step", type(p(I32, I32, I32, I32))),
        FINAL("fn_final", type(p(I32, I32))),
        VALUE("fn_value", type(p(I32, I32))),
        INVERSE("fn_inverse", type(p(I32, I32, I32, I32))),
        DESTROY_FUNCTION("fn_destroy", type(p(I32))),
        COLLATE("collation_compare", type(p(I32, I32, I32, I32, I32), I32)),
        DESTROY_COLLATION("collation_destroy", type(p(I32))),
        COMMIT("hook_commit", type(p(I32), I32)),
        ROLLBACK("hook_rollback", type(p(I32))),
        UPDATE("hook_update", type(p(I32, I32, I32, I32, I64))),
        PREUPDATE("hook_preupdate", type(p(I32, I32, I32, I32, I32, I64, I64))),
        AUTHORIZE("hook_authorizer", type(p(I32, I32, I32, I32, I32, I32), I32)),
        PROGRESS("hook_progress", type(p(I32), I32)),
        BUSY("hook_busy", type(p(I32, I32), I32)),
        TRACE("hook_trace", type(p(I32, I32, I32, I32), I32));

        static final Callback[] ALL = values();
        final String importName;
        final FunctionType type;

        Callback(String importName, FunctionType type) {
            this.importName = importName;
            this.type = type;
        }
    }

    private static final class CallbackHandle implements WasmFunctionHandle {
        private final Callback call;
        private final Targets targets;

        CallbackHandle(Callback call, Targets targets) {
            this.call = call;
            this.targets = targets;
        }

        @Override
        public long[] apply(Instance instance, long... x) {
            CallbackBridge c = targets.callbacks;
            switch (call) {
                case FUNC: c.func(a(x, 0), a(x, 1), a(x, 2), a(x, 3)); return NONE;
                case STEP: c.step(a(x, 0), a(x, 1), a(x, 2), a(x, 3)); return NONE;
                case FINAL: c.finish(a(x, 0), a(x, 1)); return NONE;
                case VALUE: c.value(a(x, 0), a(x, 1)); return NONE;
                case INVERSE: c.inverse(a(x, 0), a(x, 1), a(x, 2), a(x, 3)); return NONE;
                case DESTROY_FUNCTION: c.destroyFunction(a(x, 0)); return NONE;
                case COLLATE: return r(c.collate(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4)));
                case DESTROY_COLLATION: c.destroyCollation(a(x, 0)); return NONE;
                case COMMIT: return r(c.commit(a(x, 0)));
                case ROLLBACK: c.rollback(a(x, 0)); return NONE;
                case UPDATE: c.update(a(x, 0), a(x, 1), a(x, 2), a(x, 3), x[4]); return NONE;
                case PREUPDATE: c.preupdate(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), x[5], x[6]); return NONE;
                case AUTHORIZE: return r(c.authorize(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5)));
                case PROGRESS: return r(c.progress(a(x, 0)));
                case BUSY: return r(c.busy(a(x, 0), a(x, 1)));
                case TRACE: return r(c.trace(a(x, 0), a(x, 1), a(x, 2), a(x, 3)));
                default: throw new AssertionError(call);
            }
        }
    }

    // ------------------------------------------------------------------ virtual tables

    private enum Vtab {
        CONNECT("vt_connect", type(p(I32, I32, I32, I32, I32, I32, I32), I32)),
        BEST_INDEX("vt_best_index", type(p(I32, I32, I32), I32)),
        DISCONNECT("vt_disconnect", type(p(I32, I32), I32)),
        OPEN("vt_open", type(p(I32, I32, I32), I32)),
        CLOSE("vt_close", type(p(I32), I32)),
        FILTER("vt_filter", type(p(I32, I32, I32, I32, I32, I32), I32)),
        NEXT("vt_next", type(p(I32, I32), I32)),
        EOF("vt_eof", type(p(I32), I32)),
        COLUMN("vt_column", type(p(I32, I32, I32), I32)),
        ROWID("vt_rowid", type(p(I32, I32, I32), I32)),
        UPDATE("vt_update", type(p(I32, I32, I32, I32, I32), I32)),
        DESTROY_MODULE("vt_module_destroy", type(p(I32)));

        static final Vtab[] ALL = values();
        final String importName;
        final FunctionType type;

        Vtab(String importName, FunctionType type) {
            this.importName = importName;
            this.type = type;
        }
    }

    private static final class VtabHandle implements WasmFunctionHandle {
        private final Vtab call;
        private final Targets targets;

        VtabHandle(Vtab call, Targets targets) {
            this.call = call;
            this.targets = targets;
        }

        @Override
        public long[] apply(Instance instance, long... x) {
            VtabBridge v = targets.vtabs;
            switch (call) {
                case CONNECT: return r(v.connect(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5), a(x, 6)));
                case BEST_INDEX: return r(v.bestIndex(a(x, 0), a(x, 1), a(x, 2)));
                case DISCONNECT: return r(v.disconnect(a(x, 0), a(x, 1)));
                case OPEN: return r(v.open(a(x, 0), a(x, 1), a(x, 2)));
                case CLOSE: return r(v.close(a(x, 0)));
                case FILTER: return r(v.filter(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5)));
                case NEXT: return r(v.next(a(x, 0), a(x, 1)));
                case EOF: return r(v.eof(a(x, 0)));
                case COLUMN: return r(v.column(a(x, 0), a(x, 1), a(x, 2)));
                case ROWID: return r(v.rowid(a(x, 0), a(x, 1), a(x, 2)));
                case UPDATE: return r(v.update(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4)));
                case DESTROY_MODULE: v.destroyModule(a(x, 0)); return NONE;
                default: throw new AssertionError(call);
            }
        }
    }
}

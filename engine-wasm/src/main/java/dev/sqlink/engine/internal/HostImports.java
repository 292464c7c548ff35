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
import dev.sqlink.engine.vfs.Vfs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "sqlink" import module: the functions the C glue ({@code sqlink_glue.c}) calls on
 * the host. Each import forwards to the connection's {@link VfsBridge}, {@link CallbackBridge}
 * or {@link VtabBridge}, found through the instance's {@link Targets} (an instance that is reused
 * for another connection gets new ones); signatures here must match the C declarations exactly.
 *
 * <p>Why an enum and a switch rather than a lambda per import: each of ~50 lambdas is a class the
 * JVM spins at run time, which in a cold JVM cost ~50 ms of CPU, and a first open that got there
 * before the start-up thread had linked them spun them again itself. The enum and the one handle
 * class load from the jar like any class; the signatures are built once per JVM.
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

        Targets(Vfs vfs) {
            connect(vfs);
        }

        /** New bridges, over {@code vfs}, for the connection the instance serves from now on. */
        void connect(Vfs vfs) {
            this.vfs = new VfsBridge(vfs);
            this.callbacks = new CallbackBridge();
            this.vtabs = new VtabBridge(callbacks);
        }

        /** Lets go of the last connection's bridges, and all it registered, while the instance waits. */
        void disconnect() {
            vfs = null;
            callbacks = null;
            vtabs = null;
        }
    }

    static ImportValues create(Targets targets) {
        List<ImportFunction> functions = new ArrayList<>(Import.ALL.length);
        for (Import call : Import.ALL) {
            functions.add(new HostFunction(MODULE, call.importName, call.type, new Handle(call, targets)));
        }
        return ImportValues.builder().withFunctions(functions).build();
    }

    /**
     * Builds one throwaway set of imports so that the first real instance finds their classes
     * loaded, work {@link EngineStartup} moves off the opener's thread. Nothing is opened or kept.
     */
    static void loadAhead() {
        create(new Targets(FileVfs.INSTANCE));
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

    // ------------------------------------------------------------------ the imports

    private enum Import {
        // the VFS and its files
        VFS_OPEN(type(p(I32, I32, I32, I32), I32)),
        VFS_DELETE(type(p(I32, I32), I32)),
        VFS_ACCESS(type(p(I32, I32, I32), I32)),
        VFS_FULL_PATHNAME(type(p(I32, I32, I32), I32)),
        VFS_RANDOMNESS(type(p(I32, I32), I32)),
        VFS_SLEEP(type(p(I32), I32)),
        VFS_CURRENT_TIME(type(p(I32), I32)),
        VFS_LOCALTIME(type(p(I64, I32), I32)),
        VFS_SHM_SUPPORTED(type(p(), I32)),
        FILE_CLOSE(type(p(I32), I32)),
        FILE_READ(type(p(I32, I32, I32, I64), I32)),
        FILE_WRITE(type(p(I32, I32, I32, I64), I32)),
        FILE_TRUNCATE(type(p(I32, I64), I32)),
        FILE_SYNC(type(p(I32, I32), I32)),
        FILE_SIZE(type(p(I32, I32), I32)),
        FILE_LOCK(type(p(I32, I32), I32)),
        FILE_UNLOCK(type(p(I32, I32), I32)),
        FILE_CHECK_RESERVED_LOCK(type(p(I32, I32), I32)),
        FILE_CONTROL(type(p(I32, I32, I32), I32)),
        FILE_SECTOR_SIZE(type(p(I32), I32)),
        FILE_DEVICE_CHARACTERISTICS(type(p(I32), I32)),
        FILE_SHM_MAP(type(p(I32, I32, I32, I32, I32), I32)),
        FILE_SHM_LOCK(type(p(I32, I32, I32, I32), I32)),
        FILE_SHM_BARRIER(type(p(I32))),
        FILE_SHM_UNMAP(type(p(I32, I32), I32)),
        // SQL functions, collations and hooks
        FN_FUNC(type(p(I32, I32, I32, I32))),
        FN_STEP(type(p(I32, I32, I32, I32))),
        FN_FINAL(type(p(I32, I32))),
        FN_VALUE(type(p(I32, I32))),
        FN_INVERSE(type(p(I32, I32, I32, I32))),
        FN_DESTROY(type(p(I32))),
        COLLATION_COMPARE(type(p(I32, I32, I32, I32, I32), I32)),
        COLLATION_DESTROY(type(p(I32))),
        HOOK_COMMIT(type(p(I32), I32)),
        HOOK_ROLLBACK(type(p(I32))),
        HOOK_UPDATE(type(p(I32, I32, I32, I32, I64))),
        HOOK_PREUPDATE(type(p(I32, I32, I32, I32, I32, I64, I64))),
        HOOK_AUTHORIZER(type(p(I32, I32, I32, I32, I32, I32), I32)),
        HOOK_PROGRESS(type(p(I32), I32)),
        HOOK_BUSY(type(p(I32, I32), I32)),
        HOOK_TRACE(type(p(I32, I32, I32, I32), I32)),
        // virtual tables
        VT_CONNECT(type(p(I32, I32, I32, I32, I32, I32, I32), I32)),
        VT_BEST_INDEX(type(p(I32, I32, I32), I32)),
        VT_DISCONNECT(type(p(I32, I32), I32)),
        VT_OPEN(type(p(I32, I32, I32), I32)),
        VT_CLOSE(type(p(I32), I32)),
        VT_FILTER(type(p(I32, I32, I32, I32, I32, I32), I32)),
        VT_NEXT(type(p(I32, I32), I32)),
        VT_EOF(type(p(I32), I32)),
        VT_COLUMN(type(p(I32, I32, I32), I32)),
        VT_ROWID(type(p(I32, I32, I32), I32)),
        VT_UPDATE(type(p(I32, I32, I32, I32, I32), I32)),
        VT_MODULE_DESTROY(type(p(I32)));

        static final Import[] ALL = values();
        final String importName;
        final FunctionType type;

        /** Each constant is named after its import: {@code VFS_OPEN} is {@code sqlink.vfs_open}. */
        Import(FunctionType type) {
            this.importName = name().toLowerCase(Locale.ROOT);
            this.type = type;
        }
    }

    /** One import of one instance: runs {@code call} on the bridge the instance serves now. */
    private static final class Handle implements WasmFunctionHandle {
        private final Import call;
        private final Targets targets;

        Handle(Import call, Targets targets) {
            this.call = call;
            this.targets = targets;
        }

        @Override
        public long[] apply(Instance instance, long... x) {
            switch (call) {
                case VFS_OPEN: return r(targets.vfs.open(a(x, 0), a(x, 1), a(x, 2), a(x, 3)));
                case VFS_DELETE: return r(targets.vfs.delete(a(x, 0), a(x, 1)));
                case VFS_ACCESS: return r(targets.vfs.access(a(x, 0), a(x, 1), a(x, 2)));
                case VFS_FULL_PATHNAME: return r(targets.vfs.fullPathname(a(x, 0), a(x, 1), a(x, 2)));
                case VFS_RANDOMNESS: return r(targets.vfs.randomness(a(x, 0), a(x, 1)));
                case VFS_SLEEP: return r(targets.vfs.sleep(a(x, 0)));
                case VFS_CURRENT_TIME: return r(targets.vfs.currentTime(a(x, 0)));
                case VFS_LOCALTIME: return r(targets.vfs.localtime(x[0], a(x, 1)));
                case VFS_SHM_SUPPORTED: return r(targets.vfs.shmSupported() ? 1 : 0);
                case FILE_CLOSE: return r(targets.vfs.close(a(x, 0)));
                case FILE_READ: return r(targets.vfs.read(a(x, 0), a(x, 1), a(x, 2), x[3]));
                case FILE_WRITE: return r(targets.vfs.write(a(x, 0), a(x, 1), a(x, 2), x[3]));
                case FILE_TRUNCATE: return r(targets.vfs.truncate(a(x, 0), x[1]));
                case FILE_SYNC: return r(targets.vfs.sync(a(x, 0), a(x, 1)));
                case FILE_SIZE: return r(targets.vfs.size(a(x, 0), a(x, 1)));
                case FILE_LOCK: return r(targets.vfs.lock(a(x, 0), a(x, 1)));
                case FILE_UNLOCK: return r(targets.vfs.unlock(a(x, 0), a(x, 1)));
                case FILE_CHECK_RESERVED_LOCK: return r(targets.vfs.checkReservedLock(a(x, 0), a(x, 1)));
                case FILE_CONTROL: return r(targets.vfs.fileControl(a(x, 0), a(x, 1), a(x, 2)));
                case FILE_SECTOR_SIZE: return r(targets.vfs.sectorSize(a(x, 0)));
                case FILE_DEVICE_CHARACTERISTICS: return r(targets.vfs.deviceCharacteristics(a(x, 0)));
                case FILE_SHM_MAP: return r(targets.vfs.shmMap(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4)));
                case FILE_SHM_LOCK: return r(targets.vfs.shmLock(a(x, 0), a(x, 1), a(x, 2), a(x, 3)));
                case FILE_SHM_BARRIER: targets.vfs.shmBarrier(a(x, 0)); return NONE;
                case FILE_SHM_UNMAP: return r(targets.vfs.shmUnmap(a(x, 0), a(x, 1)));

                case FN_FUNC: targets.callbacks.func(a(x, 0), a(x, 1), a(x, 2), a(x, 3)); return NONE;
                case FN_STEP: targets.callbacks.step(a(x, 0), a(x, 1), a(x, 2), a(x, 3)); return NONE;
                case FN_FINAL: targets.callbacks.finish(a(x, 0), a(x, 1)); return NONE;
                case FN_VALUE: targets.callbacks.value(a(x, 0), a(x, 1)); return NONE;
                case FN_INVERSE: targets.callbacks.inverse(a(x, 0), a(x, 1), a(x, 2), a(x, 3)); return NONE;
                case FN_DESTROY: targets.callbacks.destroyFunction(a(x, 0)); return NONE;
                case COLLATION_COMPARE: return r(targets.callbacks.collate(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4)));
                case COLLATION_DESTROY: targets.callbacks.destroyCollation(a(x, 0)); return NONE;
                case HOOK_COMMIT: return r(targets.callbacks.commit(a(x, 0)));
                case HOOK_ROLLBACK: targets.callbacks.rollback(a(x, 0)); return NONE;
                case HOOK_UPDATE: targets.callbacks.update(a(x, 0), a(x, 1), a(x, 2), a(x, 3), x[4]); return NONE;
                case HOOK_PREUPDATE: targets.callbacks.preupdate(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), x[5], x[6]); return NONE;
                case HOOK_AUTHORIZER: return r(targets.callbacks.authorize(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5)));
                case HOOK_PROGRESS: return r(targets.callbacks.progress(a(x, 0)));
                case HOOK_BUSY: return r(targets.callbacks.busy(a(x, 0), a(x, 1)));
                case HOOK_TRACE: return r(targets.callbacks.trace(a(x, 0), a(x, 1), a(x, 2), a(x, 3)));

                case VT_CONNECT: return r(targets.vtabs.connect(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5), a(x, 6)));
                case VT_BEST_INDEX: return r(targets.vtabs.bestIndex(a(x, 0), a(x, 1), a(x, 2)));
                case VT_DISCONNECT: return r(targets.vtabs.disconnect(a(x, 0), a(x, 1)));
                case VT_OPEN: return r(targets.vtabs.open(a(x, 0), a(x, 1), a(x, 2)));
                case VT_CLOSE: return r(targets.vtabs.close(a(x, 0)));
                case VT_FILTER: return r(targets.vtabs.filter(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4), a(x, 5)));
                case VT_NEXT: return r(targets.vtabs.next(a(x, 0), a(x, 1)));
                case VT_EOF: return r(targets.vtabs.eof(a(x, 0)));
                case VT_COLUMN: return r(targets.vtabs.column(a(x, 0), a(x, 1), a(x, 2)));
                case VT_ROWID: return r(targets.vtabs.rowid(a(x, 0), a(x, 1), a(x, 2)));
                case VT_UPDATE: return r(targets.vtabs.update(a(x, 0), a(x, 1), a(x, 2), a(x, 3), a(x, 4)));
                case VT_MODULE_DESTROY: targets.vtabs.destroyModule(a(x, 0)); return NONE;
                default: throw new AssertionError(call);
            }
        }
    }
}

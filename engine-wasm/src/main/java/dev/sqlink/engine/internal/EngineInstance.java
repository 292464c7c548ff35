package dev.sqlink.engine.internal;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.sqlink.engine.ResultCode;
import dev.sqlink.engine.generated.SqliteModule;
import dev.sqlink.engine.vfs.Vfs;

/**
 * One SQLite instance: a linear memory running the build-time compiled module, wired to the
 * VFS and callback bridges of the one connection it serves. Never shared by two connections at
 * once; after a connection closes cleanly its instance may serve a later one, put back first
 * into the state of a new instance (see {@link #recycle()}).
 */
public final class EngineInstance {
    public final Native nat;
    public final VfsBridge vfs;
    public final CallbackBridge callbacks;
    public final VtabBridge vtabs;
    private final Instance instance;
    private final HostImports.Targets targets;
    private final int maxMemoryPages;

    private EngineInstance(Instance instance, Native nat, HostImports.Targets targets, int maxMemoryPages) {
        this.instance = instance;
        this.nat = nat;
        this.targets = targets;
        this.vfs = targets.vfs;
        this.callbacks = targets.callbacks;
        this.vtabs = targets.vtabs;
        this.maxMemoryPages = maxMemoryPages;
        nat.onTrap(vfs::closeAll);
        vfs.bind(nat);
        callbacks.bind(nat);
        vtabs.bind(nat);
    }

    /** The parsed module (the stripped .meta), parsed once per JVM. */
    public static WasmModule module() {
        return EngineStartup.module();
    }

    /**
     * An instance for a new connection: a closed connection's, if one with the same memory cap
     * is idle, otherwise a new one. Either way its bridges, and so its VFS, are new.
     *
     * @param maxMemoryPages the cap on linear memory in 64 KiB pages, or 0 for no cap
     *     beyond wasm32's own
     */
    public static EngineInstance obtain(Vfs vfs, int maxMemoryPages) {
        IdleInstances.Idle idle = IdleInstances.take(maxMemoryPages);
        if (idle == null) {
            return create(vfs, maxMemoryPages);
        }
        idle.targets().connect(vfs);
        return new EngineInstance(idle.instance(), idle.nat(), idle.targets(), maxMemoryPages);
    }

    /** A new instance, built from the module. */
    static EngineInstance create(Vfs vfs, int maxMemoryPages) {
        EngineStartup.begin(); // no-op once begun: the classes load on another core while this thread parses
        WasmModule module = module();
        EngineStartup.awaitMachineClasses();
        HostImports.Targets targets = new HostImports.Targets(vfs);
        Instance.Builder builder = Instance.builder(module)
                .withMachineFactory(SqliteModule::create)
                // pages the VFS can share between instances: the WAL index lives there
                .withMemoryFactory(SharedPageMemory::new)
                .withImportValues(HostImports.create(targets));
        if (maxMemoryPages > 0) {
            int initial = module.memorySection().orElseThrow().getMemory(0).limits().initialPages();
            builder.withMemoryLimits(new MemoryLimits(initial, Math.max(initial, maxMemoryPages)));
        }
        Instance instance = builder.build();
        instance.export("_initialize").apply();
        // sqlite3_open_v2 would do it too; done here, the state can become the image reused
        // instances are restored to. A failure (SQLITE_NOMEM under a tight memory cap) is left
        // for the open to report, and such an instance is no image.
        if (instance.export("sqlite3_initialize").apply()[0] == ResultCode.OK) {
            Pristine.noteFirst(instance);
        }
        return new EngineInstance(instance, new Native(instance), targets, maxMemoryPages);
    }

    /**
     * Offers this instance to a later connection, once its own connection has closed cleanly.
     * It is taken only if nothing of that connection is left: no trap or pending abort, no file
     * still open. Its memory and globals are then written back to the state of a new instance
     * (so no byte of the old connection's data survives), its bridges are let go (and with
     * them anything the old connection registered), and it waits for the next {@link #obtain}.
     * Returns whether it was taken; this object must not be used for the engine afterwards.
     */
    public boolean recycle() {
        PristineImage image = Pristine.image();
        if (image == null || !image.fitsIn(instance) || nat.trap() != null || nat.abortRequested()
                || vfs.hasOpenFiles()) {
            return false;
        }
        image.restore(instance);
        nat.forgetAllocations(); // the restored memory never held them
        targets.disconnect();
        IdleInstances.offer(new IdleInstances.Idle(instance, nat, targets, maxMemoryPages));
        return true;
    }

    /** Releases host resources after the instance can no longer be trusted (a trap). */
    public void abandon() {
        vfs.closeAll();
    }

    /** The image every reused instance is restored to: that of the first instance this JVM built. */
    private static final class Pristine {
        private static volatile PristineImage first;

        static void noteFirst(Instance instance) {
            if (first == null) {
                synchronized (Pristine.class) {
                    if (first == null) {
                        first = PristineImage.of(instance);
                    }
                }
            }
        }

        static PristineImage image() {
            return first;
        }
    }
}

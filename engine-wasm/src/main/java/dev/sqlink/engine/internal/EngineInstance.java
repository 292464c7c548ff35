package dev.sqlink.engine.internal;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import dev.sqlink.engine.generated.SqliteModule;
import dev.sqlink.engine.vfs.Vfs;

/**
 * One SQLite instance: a fresh linear memory running the build-time compiled module,
 * wired to its own VFS and callback bridges. One per connection, never shared.
 */
public final class EngineInstance {
    public final Native nat;
    public final VfsBridge vfs;
    public final CallbackBridge callbacks;
    public final VtabBridge vtabs;

    private EngineInstance(Native nat, VfsBridge vfs, CallbackBridge callbacks, VtabBridge vtabs) {
        this.nat = nat;
        this.vfs = vfs;
        this.callbacks = callbacks;
        this.vtabs = vtabs;
    }

    /** The parsed module (the stripped .meta), parsed once per JVM. */
    public static WasmModule module() {
        return EngineStartup.module();
    }

    /**
     * @param maxMemoryPages the cap on linear memory in 64 KiB pages, or 0 for no cap
     *     beyond wasm32's own
     */
    public static EngineInstance create(Vfs vfs, int maxMemoryPages) {
        EngineStartup.begin(); // no-op once begun: the classes load on another core while this thread parses
        WasmModule module = module();
        EngineStartup.awaitMachineClasses();
        VfsBridge vfsBridge = new VfsBridge(vfs);
        CallbackBridge callbacks = new CallbackBridge();
        VtabBridge vtabs = new VtabBridge(callbacks);
        Instance.Builder builder = Instance.builder(module)
                .withMachineFactory(SqliteModule::create)
                // pages the VFS can share between instances: the WAL index lives there
                .withMemoryFactory(SharedPageMemory::new)
                .withImportValues(HostImports.create(vfsBridge, callbacks, vtabs));
        if (maxMemoryPages > 0) {
            int initial = module.memorySection().orElseThrow().getMemory(0).limits().initialPages();
            builder.withMemoryLimits(new MemoryLimits(initial, Math.max(initial, maxMemoryPages)));
        }
        Instance instance = builder.build();
        instance.export("_initialize").apply();
        Native nat = new Native(instance);
        nat.onTrap(vfsBridge::closeAll);
        vfsBridge.bind(nat, (SharedPageMemory) instance.memory());
        callbacks.bind(nat);
        vtabs.bind(nat);
        return new EngineInstance(nat, vfsBridge, callbacks, vtabs);
    }

    /** Releases host resources after the instance can no longer be trusted (a trap). */
    public void abandon() {
        vfs.closeAll();
    }
}

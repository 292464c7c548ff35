package dev.sqlink.jdbc.ext.wasm;

import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import java.util.function.Function;

/**
 * A parsed wasm module with its JVM classes (compiled once, shared by every connection): a
 * factory of instances, each with its own memory.
 */
final class CompiledModule {
    final WasmModule module;
    final String sha256;
    /** The compiled classes as Chicory stores them (a jar), kept so they can be saved ({@link WasmModules#build}). */
    final byte[] machineJar;
    private final Function<Instance, Machine> machines;

    CompiledModule(WasmModule module, String sha256, byte[] machineJar, Function<Instance, Machine> machines) {
        this.module = module;
        this.sha256 = sha256;
        this.machineJar = machineJar;
        this.machines = machines;
    }

    /**
     * A fresh instance whose memory may grow to the limit (or the module's own maximum, if
     * lower). Start functions are not run here: the caller runs them under its time limit.
     */
    Instance instantiate(ImportValues imports, WasmLimits limits, String who) throws WasmCallException {
        MemoryLimits declared = module.memorySection().get().getMemory(0).limits();
        int cap = limits.memoryPages();
        if (declared.initialPages() > cap) {
            throw new WasmCallException(who + " needs " + declared.initialPages() / 16.0 + " MiB of memory at start, more"
                    + " than the limit of " + limits.memoryMb() + " MiB; raise wasm_memory_limit_mb");
        }
        int max = Math.min(cap, declared.maximumPages());
        return Instance.builder(module)
                .withMachineFactory(machines)
                .withImportValues(imports)
                .withMemoryLimits(new MemoryLimits(declared.initialPages(), max))
                .withStart(false)
                .build();
    }
}

package dev.sqlink.jdbc.ext.wasm;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.Import;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Parses a wasm module, checks that it imports only what the ABI offers, and turns it into JVM
 * classes with Chicory's runtime compiler, or loads classes compiled earlier. The only place
 * that compiles.
 */
final class ModuleCompiler {
    private ModuleCompiler() {}

    private static final AtomicInteger COMPILATIONS = new AtomicInteger();

    /** How many modules this JVM compiled (tests check that pooled connections share one). */
    static int compilations() {
        return COMPILATIONS.get();
    }

    /**
     * @param machineJar classes compiled before (a Chicory jar), or null to compile now
     */
    static CompiledModule compile(byte[] wasm, String sha256, byte[] machineJar) throws SQLException {
        String who = "wasm module " + sha256;
        WasmModule module;
        try {
            module = Parser.parse(wasm);
        } catch (RuntimeException e) { // malformed input surfaces as several exception types
            throw new SQLException(who + " is not a valid WebAssembly module: " + e, "HY024", e);
        }
        checkShape(module, who);
        JarCapture capture = new JarCapture(machineJar);
        Function<Instance, Machine> machines;
        try {
            machines = MachineFactoryCompiler.builder(module).withCache(capture).compile();
        } catch (RuntimeException | LinkageError e) {
            throw new SQLException(who + (machineJar == null ? " could not be compiled: " : "'s stored classes do not"
                    + " load (rebuild them): ") + e, "HY024", e);
        }
        if (capture.jar == null) {
            throw new SQLException(who + ": the compiler produced no classes", "HY024");
        }
        if (machineJar == null) {
            COMPILATIONS.incrementAndGet();
        }
        return new CompiledModule(module, sha256, capture.jar, machines);
    }

    /** One exported memory, no imports but the ABI's functions, each with its documented type. */
    private static void checkShape(WasmModule module, String who) throws SQLException {
        if (module.memorySection().isEmpty() || module.memorySection().get().memoryCount() != 1) {
            throw new SQLException(who + " must define exactly one memory and export it as 'memory'"
                    + " (docs/wasm-extension-abi.md)", "HY024");
        }
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import imp = module.importSection().getImport(i);
            String name = imp.module() + "." + imp.name();
            WasmAbi.HostImport known = WasmAbi.IMPORT_MODULE.equals(imp.module()) ? WasmAbi.IMPORTS.get(imp.name()) : null;
            if (imp.importType() != ExternalType.FUNCTION || known == null) {
                throw new SQLException(who + " imports " + name + ", which the host does not offer: a wasm extension"
                        + " may import only the sqlink functions of docs/wasm-extension-abi.md (no WASI, no memory or"
                        + " table imports)", "HY024");
            }
            FunctionType declared = module.typeSection().getType(((FunctionImport) imp).typeIndex());
            if (!declared.equals(known.type)) {
                throw new SQLException(who + " imports " + name + " as " + WasmAbi.describe(declared) + " but it is "
                        + WasmAbi.describe(known.type), "HY024");
            }
        }
    }

    /**
     * Chicory's compiler hands its classes to a cache as a jar: keep them (to build or share)
     * and, when we already have them, hand them back so nothing is compiled.
     */
    private static final class JarCapture implements Cache {
        byte[] jar;

        JarCapture(byte[] jar) {
            this.jar = jar;
        }

        @Override
        public byte[] get(String key) {
            return jar;
        }

        @Override
        public void putIfAbsent(String key, byte[] data) {
            if (jar == null) {
                jar = data;
            }
        }
    }
}

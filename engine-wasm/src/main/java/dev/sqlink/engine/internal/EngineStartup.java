package dev.sqlink.engine.internal;

import com.dylibso.chicory.wasm.WasmModule;
import java.lang.invoke.MethodHandles;

/**
 * The work every JVM does once before its first SQLite instance, begun on daemon threads by
 * {@link #begin()} so that it overlaps whatever the caller does until its first open, and so
 * that its big independent parts run side by side on two cores: parsing the module metadata,
 * loading the class of compiled start-up functions (most of the bytecode a cold start needs),
 * and loading the rest of the machine. An open that comes first simply does or joins them.
 *
 * <p>A fourth thread only warms up (loads the host imports' classes, creates the memory's
 * VarHandles) once the parse is done, on the core the parse leaves free while the classes are
 * still loading. Nobody waits for it: an open that gets there first loads them itself, and a
 * failure there would repeat, and be reported, on the open's own path.
 */
public final class EngineStartup {
    private static final StartedEarly<WasmModule> MODULE =
            new StartedEarly<>("parsing the module metadata (SqliteModule.meta)", ModuleMetadata::parse);
    private static final StartedEarly<Void> FUNCTION_GROUPS =
            new StartedEarly<>("loading the compiled start-up functions", EngineStartup::loadFunctionGroups);
    private static final StartedEarly<Void> MACHINE_CLASSES =
            new StartedEarly<>("loading the generated machine classes", EngineStartup::loadMachine);
    private static final StartedEarly<Void> HOST_CLASSES =
            new StartedEarly<>("loading the host imports", EngineStartup::loadHost);

    private EngineStartup() {}

    /** Starts the start-up work in the background; idempotent and cheap after the first call. */
    public static void begin() {
        MODULE.start();
        FUNCTION_GROUPS.start();
        MACHINE_CLASSES.start();
        HOST_CLASSES.start();
    }

    private static Void loadFunctionGroups() throws ClassNotFoundException {
        MachineClasses.initialiseFunctionGroups();
        return null;
    }

    /**
     * The machine classes, then the export handles, which need the parsed module and the
     * function classes (joined first, so that a failure there is reported as itself).
     */
    private static Void loadMachine() throws Exception {
        MachineClasses.initialiseMachine();
        FUNCTION_GROUPS.get();
        MachineClasses.initialiseCompiledExports(module());
        return null;
    }

    private static Void loadHost() throws IllegalAccessException {
        module(); // not before the parse is done: until then both cores have better things to do
        HostImports.loadAhead();
        // its initialiser creates the VarHandle views: ~40 ms of method-handle spinning when cold
        MethodHandles.lookup().ensureInitialized(SharedPageMemory.class);
        return null;
    }

    /** The parsed module every instance is built from, parsed once per JVM. */
    public static WasmModule module() {
        return MODULE.get();
    }

    /** Returns once the generated classes are loaded and initialised (loading them here if need be). */
    public static void awaitMachineClasses() {
        MACHINE_CLASSES.get();
    }
}

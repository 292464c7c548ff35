package dev.sqlink.engine.internal;

import com.dylibso.chicory.wasm.WasmModule;

/**
 * The work every JVM does once before its first SQLite instance: parsing the module metadata,
 * and loading the generated machine classes (and linking the host imports). {@link #begin()}
 * starts both on daemon threads (they are mostly independent, so on two cores they run side by
 * side, and both overlap whatever the caller does until its first open); an open that comes
 * first simply does or joins them.
 */
public final class EngineStartup {
    private static final StartedEarly<WasmModule> MODULE =
            new StartedEarly<>("parsing the module metadata (SqliteModule.meta)", ModuleMetadata::parse);
    private static final StartedEarly<Void> MACHINE_CLASSES =
            new StartedEarly<>("loading the generated machine classes and linking the host imports",
                    EngineStartup::prepareMachine);

    private EngineStartup() {}

    /** Starts the start-up work in the background; idempotent and cheap after the first call. */
    public static void begin() {
        MODULE.start();
        MACHINE_CLASSES.start();
    }

    /**
     * Everything the first instance needs that does not depend on the parsed module, then the
     * export handles, which do: by the time the classes are loaded the parse is usually done.
     */
    private static Void prepareMachine() throws Exception {
        MachineClasses.initialise();
        HostImports.linkAhead();
        MachineClasses.initialiseCompiledExports(module());
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

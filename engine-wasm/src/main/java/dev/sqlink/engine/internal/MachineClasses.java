package dev.sqlink.engine.internal;

import com.dylibso.chicory.wasm.WasmModule;
import dev.sqlink.engine.generated.SqliteModule;
import java.lang.invoke.MethodHandles;
import java.util.Objects;

/**
 * Loads, verifies and initialises the classes the build-time compiler generated that the first
 * instance needs (the machine, its call dispatchers and the class of start-up functions) and
 * the handles {@link CompiledExports} resolves in them.
 *
 * <p>Why ahead of time: the first instance needs all of them, and in a cold JVM reading,
 * verifying and linking them takes a few hundred milliseconds that can run on another core
 * while the module metadata is parsed. Their static initialisers only read configuration, so
 * running them early on another thread changes nothing else.
 */
final class MachineClasses {
    private static final String MACHINE = SqliteModule.class.getName() + "Machine";

    private MachineClasses() {}

    /**
     * Initialises the class that holds the compiled start-up functions ({@link FunctionGroups}):
     * the bulk of what a cold start needs (~0.6 MB of bytecode), so it gets a thread of its own
     * while {@link #initialiseMachine()} does the rest. The other function classes are left to
     * load when a statement first calls into them: reading and verifying all of them would cost
     * a cold start about 100 ms of CPU for code it does not run.
     */
    static void initialiseFunctionGroups() throws ClassNotFoundException {
        Class.forName(FunctionGroups.startupClass(), true, SqliteModule.class.getClassLoader());
    }

    /** Initialises the machine and its helpers and call dispatchers. */
    static void initialiseMachine() throws ClassNotFoundException {
        ClassLoader loader = SqliteModule.class.getClassLoader();
        // the machine itself must be there: the first instance could not be built without it
        Class.forName(MACHINE, true, loader);
        initialiseIfPresent(MACHINE + "Shaded", loader);
        initialiseIfPresent(MACHINE + "MachineCall", loader);
        initialiseNumbered(MACHINE + "Dispatch_", loader);
    }

    /** Resolves the handles {@link CompiledExports} takes from the generated classes. */
    static void initialiseCompiledExports(WasmModule parsed) throws IllegalAccessException {
        // CompiledExports reads the export table of the parsed module. Having it in hand first
        // means a failed parse fails the caller's work, not CompiledExports' static
        // initialiser, which would leave that class unusable for the rest of the JVM's life.
        Objects.requireNonNull(parsed);
        MethodHandles.lookup().ensureInitialized(CompiledExports.class);
    }

    /** Classes the compiler numbers from 0 (one per group of functions), up to the first gap. */
    private static void initialiseNumbered(String prefix, ClassLoader loader) {
        for (int group = 0; initialiseIfPresent(prefix + group, loader); group++) {
            // each iteration initialised one group
        }
    }

    /**
     * A helper class a future compiler version may name differently or not emit at all: its
     * absence is not an error here (the machine loads whatever it refers to when it needs it).
     */
    private static boolean initialiseIfPresent(String name, ClassLoader loader) {
        try {
            Class.forName(name, true, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}

package dev.sqlink.engine.internal;

import dev.sqlink.engine.generated.SqliteModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which generated class holds a compiled function. The build-time compiler puts functions into
 * classes {@code SqliteModuleMachineFuncGroup_<n>} by index range; engine-wasm's build sizes the
 * ranges so that the first class holds the functions a cold start runs (the build moved them to
 * the front of the module), and records the size in {@value #RESOURCE}.
 *
 * <p>Why it matters: a JVM reads and verifies a class whole before the first call into it, so
 * anything that touches a class outside the start-up one costs a cold start that class. Knowing
 * the ranges lets an export's class be named without loading the others to look for it.
 */
final class FunctionGroups {
    static final String RESOURCE = "SqliteModule.functionGroups";
    private static final String CLASS_PREFIX = SqliteModule.class.getName() + "MachineFuncGroup_";
    private static final int FUNCTIONS_PER_CLASS = readFunctionsPerClass();

    private FunctionGroups() {}

    /** The class the start-up functions are compiled into. */
    static String startupClass() {
        return CLASS_PREFIX + 0;
    }

    /** The class function {@code index} (imports counted first, as in the module) is compiled into. */
    static String classOf(int index) {
        return CLASS_PREFIX + index / FUNCTIONS_PER_CLASS;
    }

    /**
     * Without the resource (classes straight from Chicory's Maven plugin, as an IDE build may
     * leave them) every function is in the first class, which is the plugin's own layout.
     */
    private static int readFunctionsPerClass() {
        try (InputStream in = SqliteModule.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Integer.MAX_VALUE;
            }
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty("functionsPerClass");
            int perClass = value == null ? 0 : Integer.parseInt(value.strip());
            if (perClass <= 0) {
                throw new IllegalStateException(RESOURCE + " gives no functionsPerClass; rebuild engine-wasm");
            }
            return perClass;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }
}

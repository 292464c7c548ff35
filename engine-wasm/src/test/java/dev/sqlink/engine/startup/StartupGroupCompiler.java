package dev.sqlink.engine.startup;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.internal.ByteClassCollector;
import com.dylibso.chicory.compiler.internal.Compiler;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import dev.sqlink.engine.generated.SqliteModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A build step (engine-wasm's pom, before the huge-method report): compiles the staged module
 * once more with Chicory's build-time compiler, this time with its functions spread over several
 * classes, and replaces the generated classes the Maven plugin wrote. Usage:
 * {@code StartupGroupCompiler STAGED.wasm CLASSES_DIR STARTUP_LIST}.
 *
 * <p>Why: the plugin puts every function into one class, 2.7 MB of bytecode that a cold JVM
 * reads and verifies whole before the first call into it, and it has no option for the class
 * size. {@code build.sh} moved the functions a cold start runs ({@code wasm/startup-functions.txt})
 * to the front of the module, so with classes as big as that set, a cold start reads and
 * verifies the first class only; the others load when a statement first needs them.
 *
 * <p>Besides the classes it writes {@value #GROUPS_RESOURCE} next to them: the number of
 * functions per class, which the engine needs to find an export's class without loading the
 * others. The compiler is Chicory's own, with the plugin's settings (same class name, no
 * interpreted functions), so the classes differ from the plugin's only in how they are grouped.
 */
public final class StartupGroupCompiler {
    /** Read back at run time by the engine (internal.FunctionGroups.RESOURCE, the same name). */
    static final String GROUPS_RESOURCE = "SqliteModule.functionGroups";
    private static final String MACHINE = SqliteModule.class.getName() + "Machine";

    private StartupGroupCompiler() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: StartupGroupCompiler STAGED.wasm CLASSES_DIR STARTUP_LIST");
        }
        WasmModule module = Parser.parse(Path.of(args[0]));
        Path generated = Path.of(args[1]).resolve(SqliteModule.class.getPackageName().replace('.', '/'));
        int perClass = functionsPerClass(module, Path.of(args[2]));

        Map<String, byte[]> classes = Compiler.builder(module)
                .withClassName(MACHINE)
                .withClassCollectorFactory(ByteClassCollector::new)
                .withInterpreterFallback(InterpreterFallback.FAIL)
                .withMaxFunctionsPerClass(perClass)
                .build()
                .compile()
                .classBytes();

        deleteGeneratedClasses(generated);
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            String binaryName = entry.getKey().replace('/', '.'); // the compiler gives some in internal form
            String simpleName = binaryName.substring(binaryName.lastIndexOf('.') + 1);
            Files.write(generated.resolve(simpleName + ".class"), entry.getValue());
        }
        Files.writeString(generated.resolve(GROUPS_RESOURCE), "functionsPerClass=" + perClass + "\n",
                StandardCharsets.UTF_8);
        long groups = classes.keySet().stream().filter(name -> name.contains("FuncGroup_")).count();
        System.out.printf("compiled functions in %d classes of %d functions; the first holds the start-up set%n",
                groups, perClass);
    }

    /**
     * One past the highest index of a listed function: the first class then ends with the last
     * start-up function. If fewer than half the listed names are in the module, the list and the
     * module have drifted apart, and the build fails rather than group by a stale list.
     */
    static int functionsPerClass(WasmModule module, Path startupList) throws IOException {
        Set<String> listed = readNames(startupList);
        NameCustomSection names = module.nameSection();
        if (names == null) {
            throw new IllegalStateException("the staged module has no name section; build.sh keeps it");
        }
        int functions = module.importSection().count(ExternalType.FUNCTION)
                + module.functionSection().functionCount();
        int last = -1;
        Set<String> found = new HashSet<>();
        for (int index = 0; index < functions; index++) {
            String name = names.nameOfFunction(index);
            if (name != null && listed.contains(name)) {
                last = index;
                found.add(name);
            }
        }
        if (found.size() * 2 < listed.size()) {
            throw new IllegalStateException("only " + found.size() + " of the " + listed.size() + " functions in "
                    + startupList + " are in the module: the list is stale, remake it (see engine-wasm/README.md)");
        }
        return last + 1;
    }

    private static Set<String> readNames(Path list) throws IOException {
        return Files.readAllLines(list, StandardCharsets.UTF_8).stream()
                .map(line -> line.replaceFirst("#.*", "").strip())
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }

    /** The plugin's classes, and any group a previous build with other sizes left behind. */
    private static void deleteGeneratedClasses(Path generated) throws IOException {
        String prefix = MACHINE.substring(MACHINE.lastIndexOf('.') + 1);
        try (DirectoryStream<Path> old = Files.newDirectoryStream(generated, prefix + "*.class")) {
            for (Path file : old) {
                Files.delete(file);
            }
        }
    }
}

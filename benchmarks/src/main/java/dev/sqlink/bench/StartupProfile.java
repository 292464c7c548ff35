package dev.sqlink.bench;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes engine-wasm's lists of the SQLite functions a cold start needs, which {@code build.sh}
 * moves to the front of the module (engine-wasm/README.md says why):
 * <ul>
 *   <li>{@code startup-functions.txt}: what a cold start ran (the benchmark's open and first
 *       row, and a lookup by key), on the benchmark's database and on the one the first minute
 *       left behind, plus every exported function (the C API, 5% of the code),
 *       because the engine binds several of them when it starts and the binding must not load
 *       another class. engine-wasm's build compiles these into the first class, the only one a
 *       cold start loads.
 *   <li>{@code first-use-functions.txt}: the rest of what the first minute ran, placed right
 *       after, so that the first statements of an application load one or two more classes,
 *       not all of them.
 * </ul>
 * Each scenario runs in a fresh JVM that logs every method it ran.
 *
 * <p>Usage, after a full build of the current module:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.sqlink.bench.StartupProfile
 * engine-wasm/src/main/wasm/sqlite3.wasm engine-wasm/wasm}. The method log is a HotSpot
 * diagnostic of JDK 17 ({@code -XX:+LogTouchedMethods}, gone in later JDKs), so run it on a
 * JDK 17. The lists hold names from the module's name section: they survive rebuilds that
 * renumber functions, and {@code build.sh} reports listed names that are gone.
 */
public final class StartupProfile {
    private static final Pattern COMPILED_FUNCTION = Pattern.compile("SqliteModuleMachineFuncGroup_\\d+\\.(?:func|call)_(\\d+):");

    private StartupProfile() {}

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: StartupProfile MODULE.wasm OUTPUT_FOLDER");
        }
        WasmModule module = Parser.parse(Path.of(args[0]));
        NameCustomSection names = module.nameSection();
        int imported = module.importSection().count(ExternalType.FUNCTION);
        Set<Integer> exported = new HashSet<>();
        for (int i = 0; i < module.exportSection().exportCount(); i++) {
            Export export = module.exportSection().getExport(i);
            if (export.exportType() == ExternalType.FUNCTION) {
                exported.add((int) export.index());
            }
        }

        TreeSet<String> startup = new TreeSet<>();
        TreeSet<String> firstUse = new TreeSet<>();
        try (ScratchFolder folder = new ScratchFolder("startup")) {
            String database = folder.file("startup.db");
            try (Connection connection = DriverUnderTest.SQLINK.open(database)) {
                Dataset.createSettings(connection);
            }
            Set<Integer> coldStart = new HashSet<>(touchedFunctions(StartupScenario.COLD_START, database));
            Set<Integer> firstMinute = touchedFunctions(StartupScenario.FIRST_MINUTE, database);
            // once more on the database the first minute left behind: a schema of several
            // tables and an index takes a few more functions to read than the benchmark's one
            coldStart.addAll(touchedFunctions(StartupScenario.COLD_START, database));
            coldStart.addAll(exported);
            for (int index : coldStart) {
                if (index >= imported) { // imports are host methods, not compiled SQLite
                    startup.add(names.nameOfFunction(index));
                }
            }
            for (int index : firstMinute) {
                if (index >= imported && !coldStart.contains(index)) {
                    firstUse.add(names.nameOfFunction(index));
                }
            }
        }
        Path folder = Path.of(args[1]);
        write(folder.resolve("startup-functions.txt"), startup, "the SQLite functions a cold start runs, and every "
                + "exported function: compiled into the first class, the only one a cold JVM loads");
        write(folder.resolve("first-use-functions.txt"), firstUse, "the other SQLite functions an application's first "
                + "minute runs: placed right after the start-up functions, so its first statements load few classes");
    }

    private static void write(Path file, TreeSet<String> names, String what) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# " + what + ".");
        lines.add("# build.sh moves them to the front of the module. Made by benchmarks' StartupProfile");
        lines.add("# (see engine-wasm/README.md); do not edit by hand.");
        lines.addAll(names);
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + names.size() + " functions to " + file);
    }

    /**
     * The indices of the compiled functions a {@link StartupScenario} ran in a fresh JVM.
     * Interpreted only: the JIT compilers also mark the methods whose calls they merely link,
     * and how many of those there are depends on timing (the same scenario logged 950 to 1,500
     * functions).
     */
    private static Set<Integer> touchedFunctions(String part, String database) throws IOException {
        Process child = ChildJvm.start(List.of("-Xint", "-XX:+UnlockDiagnosticVMOptions", "-XX:+LogTouchedMethods",
                "-XX:+PrintTouchedMethodsAtExit"), StartupScenario.class, part, database);
        Set<Integer> touched = new TreeSet<>();
        try (BufferedReader output = ChildJvm.output(child)) {
            for (String line; (line = output.readLine()) != null; ) {
                Matcher m = COMPILED_FUNCTION.matcher(line);
                if (m.find()) {
                    touched.add(Integer.parseInt(m.group(1)));
                }
            }
        }
        int status = ChildJvm.waitFor(child);
        if (status != 0 || touched.isEmpty()) {
            throw new IllegalStateException("the " + part + " scenario failed (status " + status + ", " + touched.size()
                    + " compiled functions logged); this needs a JDK 17, whose HotSpot has -XX:+LogTouchedMethods");
        }
        return touched;
    }
}

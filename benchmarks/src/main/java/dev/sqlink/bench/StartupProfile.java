package dev.sqlink.bench;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import dev.sqlink.engine.generated.SqliteModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

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
 * Each scenario runs in a fresh JVM that records which methods it ran: on a JDK 17, HotSpot's
 * diagnostic method log ({@code -XX:+LogTouchedMethods}, removed in later JDKs); from JDK 25,
 * JFR's method timing ({@code jdk.MethodTiming}), whose invocation counts give the same set (on
 * the cold-start scenario both found the same 419 functions). A JDK in between may have neither.
 *
 * <p>Usage, after a full build of the current module:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.sqlink.bench.StartupProfile
 * engine-wasm/src/main/wasm/sqlite3.wasm engine-wasm/wasm}, on a JDK 17 or 25+. The lists hold
 * names from the module's name section: they survive rebuilds that renumber functions, and
 * {@code build.sh} reports listed names that are gone.
 */
public final class StartupProfile {
    private static final String FUNCTION_CLASS = SqliteModule.class.getName() + "MachineFuncGroup_";
    /** A compiled function's method (its own, or the bridge the call dispatcher uses); group 1 is its index. */
    private static final Pattern COMPILED_METHOD = Pattern.compile("(?:func|call)_(\\d+)");
    /** A line of HotSpot's method log naming one: ".../SqliteModuleMachineFuncGroup_0.func_123:(...)I". */
    private static final Pattern COMPILED_FUNCTION = Pattern.compile(
            Pattern.quote(FUNCTION_CLASS.replace('.', '/')) + "\\d+\\." + COMPILED_METHOD.pattern() + ":");
    /** The first JDK whose JFR can time methods (JEP 520). */
    private static final int METHOD_TIMING_JDK = 25;

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
            String database = StartupScenario.createDatabase(folder);
            Set<Integer> coldStart = new HashSet<>(functionsRun(StartupScenario.COLD_START, database));
            Set<Integer> firstMinute = functionsRun(StartupScenario.FIRST_MINUTE, database);
            // once more on the database the first minute left behind: a schema of several
            // tables and an index takes a few more functions to read than the benchmark's one
            coldStart.addAll(functionsRun(StartupScenario.COLD_START, database));
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
     * The indices of the compiled functions a {@link StartupScenario} part ran in a fresh JVM,
     * recorded by whichever method log the running JDK has (the child runs on the same JDK).
     */
    static Set<Integer> functionsRun(String part, String database) throws IOException {
        return Runtime.version().feature() >= METHOD_TIMING_JDK ? timedFunctions(part, database)
                : touchedFunctions(part, database);
    }

    /**
     * HotSpot's method log. Interpreted only: the JIT compilers also mark the methods whose calls
     * they merely link, and how many of those there are depends on timing (the same scenario
     * logged 950 to 1,500 functions).
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
        return checked(part, ChildJvm.waitFor(child), touched);
    }

    /**
     * JFR's method timing on every class of compiled functions: a function ran if it was
     * invoked at least once. Invocations are counted, not inferred, so the JIT may run
     * (interpreted anyway, to run the scenario as the other log does).
     */
    private static Set<Integer> timedFunctions(String part, String database) throws IOException {
        Path recording = Files.createTempFile("sqlink-startup-profile", ".jfr");
        try {
            String timed = String.join(";", functionClasses());
            Process child = ChildJvm.start(List.of("-Xint",
                    "-XX:StartFlightRecording:method-timing=" + timed + ",filename=" + recording),
                    StartupScenario.class, part, database);
            try (BufferedReader output = ChildJvm.output(child)) {
                output.transferTo(Writer.nullWriter());
            }
            int status = ChildJvm.waitFor(child);
            Set<Integer> ran = new TreeSet<>();
            if (status == 0) {
                for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
                    if (event.getEventType().getName().equals("jdk.MethodTiming") && event.getLong("invocations") > 0) {
                        RecordedMethod method = event.getValue("method");
                        Matcher m = COMPILED_METHOD.matcher(method.getName());
                        if (method.getType().getName().startsWith(FUNCTION_CLASS) && m.matches()) {
                            ran.add(Integer.parseInt(m.group(1)));
                        }
                    }
                }
            }
            return checked(part, status, ran);
        } finally {
            Files.deleteIfExists(recording);
        }
    }

    /** The generated classes of compiled functions, numbered from 0 up to the first gap. */
    private static List<String> functionClasses() {
        ClassLoader loader = StartupProfile.class.getClassLoader();
        List<String> classes = new ArrayList<>();
        for (int n = 0; loader.getResource((FUNCTION_CLASS + n).replace('.', '/') + ".class") != null; n++) {
            classes.add(FUNCTION_CLASS + n);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no " + FUNCTION_CLASS + "0 on the class path: build engine-wasm first");
        }
        return classes;
    }

    private static Set<Integer> checked(String part, int status, Set<Integer> ran) {
        if (status != 0 || ran.isEmpty()) {
            throw new IllegalStateException("the " + part + " scenario failed (status " + status + ", " + ran.size()
                    + " compiled functions recorded); this needs a JDK 17 (-XX:+LogTouchedMethods) or "
                    + METHOD_TIMING_JDK + "+ (JFR method timing), and runs on " + Runtime.version());
        }
        return ran;
    }
}

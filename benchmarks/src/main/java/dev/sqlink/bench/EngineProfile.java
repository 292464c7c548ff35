package dev.sqlink.bench;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.types.NameCustomSection;
import dev.sqlink.engine.generated.SqliteModule;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the steady-state time of the slow read workloads goes, from JFR's execution samples of
 * {@link EngineScenario} in a fresh JVM with default flags: how much of it is SQLite's compiled
 * code itself and how much the mechanisms around it (memory accesses, indirect-call dispatch,
 * multi-value results, interruption checks, globals), which SQLite functions are hottest, and
 * whether any of them still runs in the bytecode interpreter.
 *
 * <p>Usage, after a full build: {@code java -cp benchmarks/target/benchmarks.jar
 * dev.sqlink.bench.EngineProfile [--wasm engine-wasm/src/main/wasm/sqlite3.wasm] [WORKLOAD...]}.
 * With the module, functions are reported by their SQLite names (from its name section), else as
 * {@code func_N}. The workloads are {@link EngineScenario#WORKLOADS}, all of them by default.
 *
 * <p>With {@code --direct-calls FILE} (and {@code --wasm}) it also writes the indirect calls
 * that at least {@value #DIRECT_CALL_SHARE}% of some workload's samples went through, as
 * {@code caller target} pairs of SQLite function names: the list {@code wasm/build.sh} gives the
 * splitter to turn those calls into guarded direct ones ({@code DirectCalls} in
 * {@code SplitHugeFunctions.java}).
 */
public final class EngineProfile {
    private static final String GENERATED = SqliteModule.class.getPackageName() + ".";
    private static final String MACHINE = SqliteModule.class.getName() + "Machine";
    private static final String SHADED = MACHINE + "Shaded";
    private static final Pattern FUNCTION = Pattern.compile("func_(\\d+)");
    private static final Duration WARM_UP = Duration.ofSeconds(8);
    private static final Duration MEASURED = Duration.ofSeconds(10);
    /** Percent of a workload's samples an indirect call must carry to be listed for a direct call. */
    static final double DIRECT_CALL_SHARE = 0.5;

    /** What the innermost frame of a sample was doing, coarsely. The first that matches wins. */
    enum Cost {
        MEMORY("memory accesses (loads, stores, copies, fills)"),
        INDIRECT_CALLS("indirect-call dispatch (call_indirect)"),
        MULTI_VALUE("multi-value results (a long[] per call)"),
        INTERRUPTION_CHECKS("interruption checks (every call and loop)"),
        GLOBALS("wasm globals (through the instance)"),
        OPERATORS("wasm operator helpers"),
        SQLITE("SQLite's own compiled code"),
        DRIVER("driver and binding (JDBC, host calls)"),
        OTHER("other (JDK, GC)");

        final String label;

        Cost(String label) {
            this.label = label;
        }

        static Cost of(String type, String method) {
            if (type.equals("dev.sqlink.engine.internal.SharedPageMemory") || type.startsWith("java.lang.invoke.VarHandle")
                    || type.equals("jdk.internal.misc.Unsafe") || type.equals("com.dylibso.chicory.runtime.MemCopyWorkaround")
                    || (type.equals(SHADED) && (method.startsWith("memory") || method.equals("getAddr")))) {
                return MEMORY;
            }
            if (type.equals(MACHINE) && method.startsWith("call_indirect")) {
                return INDIRECT_CALLS;
            }
            if (type.equals(MACHINE) && method.startsWith("value_")) {
                return MULTI_VALUE;
            }
            if (type.equals(SHADED) && method.equals("checkInterruption")) {
                return INTERRUPTION_CHECKS;
            }
            if ((type.equals(SHADED) && method.contains("Global")) || type.equals("com.dylibso.chicory.runtime.Instance")
                    || type.equals("com.dylibso.chicory.runtime.GlobalInstance")) {
                return GLOBALS;
            }
            if (type.equals(SHADED) || type.equals("com.dylibso.chicory.runtime.OpcodeImpl")) {
                return OPERATORS;
            }
            if (type.startsWith(GENERATED)) {
                return SQLITE;
            }
            if (type.startsWith("dev.sqlink.")) {
                return DRIVER;
            }
            return OTHER;
        }
    }

    /**
     * One workload's samples.
     *
     * @param runs how many times the statement ran while measured
     * @param samples every sample of the running thread while measured
     * @param inSqlite the samples inside a compiled SQLite function
     * @param interpreted those of them whose innermost SQLite function ran in the bytecode interpreter
     * @param costs samples by {@link Cost} of their innermost frame
     * @param functions samples by innermost SQLite function index (its inlined helpers included)
     * @param interpretedFunctions the same for the samples counted in {@code interpreted}
     * @param indirectCalls samples by indirect call they were inside of, the called function
     *     included: caller and callee function index (a sample counts once per pair)
     */
    record Profile(int runs, int samples, int inSqlite, int interpreted, Map<Cost, Integer> costs,
            Map<Integer, Integer> functions, Map<Integer, Integer> interpretedFunctions,
            Map<IndirectCall, Integer> indirectCalls) {

        double interpretedShare() {
            return inSqlite == 0 ? 0 : (double) interpreted / inSqlite;
        }

        /** The indirect calls at least {@code percent}% of the samples were inside of, most first. */
        List<IndirectCall> hotIndirectCalls(double percent) {
            return mostFirst(indirectCalls).filter(e -> 100.0 * e.getValue() / samples >= percent)
                    .map(Map.Entry::getKey).toList();
        }
    }

    /** A {@code call_indirect} from one compiled SQLite function that reached another. */
    record IndirectCall(int caller, int callee) {}

    private EngineProfile() {}

    public static void main(String[] args) throws IOException {
        List<String> workloads = new ArrayList<>();
        IntFunction<String> names = index -> "func_" + index;
        Path directCalls = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--wasm") && i + 1 < args.length) {
                NameCustomSection section = Parser.parse(Path.of(args[++i])).nameSection();
                names = index -> section.nameOfFunction(index);
            } else if (args[i].equals("--direct-calls") && i + 1 < args.length) {
                directCalls = Path.of(args[++i]);
            } else if (EngineScenario.WORKLOADS.contains(args[i])) {
                workloads.add(args[i]);
            } else {
                throw new IllegalArgumentException("usage: EngineProfile [--wasm MODULE.wasm] [--direct-calls OUT.txt] ["
                        + String.join("|", EngineScenario.WORKLOADS) + "]...");
            }
        }
        Set<IndirectCall> hotCalls = new LinkedHashSet<>();
        for (String workload : workloads.isEmpty() ? EngineScenario.WORKLOADS : workloads) {
            Profile profile = record(workload, WARM_UP, MEASURED, List.of());
            print(workload, profile, names);
            hotCalls.addAll(profile.hotIndirectCalls(DIRECT_CALL_SHARE));
        }
        if (directCalls != null) {
            writeDirectCalls(directCalls, hotCalls, names);
        }
    }

    /**
     * The pairs file of {@code SplitHugeFunctions --direct-calls}, needing the module's names.
     * Pairs already in the file are kept: a call the module already makes directly no longer
     * passes through a dispatcher, so a profile of that module cannot see it any more. To start
     * over, delete the file and rebuild the module first.
     */
    private static void writeDirectCalls(Path file, Set<IndirectCall> calls, IntFunction<String> names)
            throws IOException {
        Set<String> pairs = new LinkedHashSet<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    pairs.add(line.strip());
                }
            }
        }
        int kept = pairs.size();
        for (IndirectCall call : calls) {
            String caller = names.apply(call.caller());
            String callee = names.apply(call.callee());
            if (caller == null || callee == null || caller.startsWith("func_")) {
                throw new IllegalStateException("writing the direct-call pairs needs --wasm with a name section");
            }
            pairs.add(caller + " " + callee);
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Indirect calls the splitter turns into guarded direct calls (caller target, SQLite function");
        lines.add("# names): those at least " + DIRECT_CALL_SHARE + "% of a workload's JFR samples went through. Made by");
        lines.add("# EngineProfile --direct-calls (benchmarks module), see engine-wasm/README.md.");
        lines.addAll(pairs);
        Files.write(file, lines);
        System.out.printf("%nwrote %d direct-call pairs to %s (%d were there before)%n", pairs.size(), file, kept);
    }

    /**
     * Runs {@code workload} in a fresh JVM (default flags plus {@code jvmOptions}) recording
     * with JFR's "profile" settings (a sample of the running thread every 10 ms), and reads the
     * samples of its measured part.
     */
    static Profile record(String workload, Duration warmUp, Duration measured, List<String> jvmOptions)
            throws IOException {
        Path recording = Files.createTempFile("sqlink-engine-profile", ".jfr");
        try {
            List<String> options = new ArrayList<>(jvmOptions);
            options.add("-XX:StartFlightRecording:settings=profile,filename=" + recording);
            Process child = ChildJvm.start(options, EngineScenario.class, workload, Long.toString(warmUp.toMillis()),
                    Long.toString(measured.toMillis()));
            Instant from;
            int runs;
            try (BufferedReader output = ChildJvm.output(child)) {
                from = Instant.ofEpochMilli(Long.parseLong(ChildJvm.awaitLine(output, EngineScenario.MEASURED_FROM,
                        child)));
                runs = Integer.parseInt(ChildJvm.awaitLine(output, EngineScenario.RUNS, child));
                output.transferTo(Writer.nullWriter());
            }
            int status = ChildJvm.waitFor(child);
            if (status != 0) {
                throw new IllegalStateException("the " + workload + " scenario exited with status " + status);
            }
            return read(runs, recording, from);
        } finally {
            Files.deleteIfExists(recording);
        }
    }

    private static Profile read(int runs, Path recording, Instant from) throws IOException {
        int samples = 0;
        int inSqlite = 0;
        int interpreted = 0;
        Map<Cost, Integer> costs = new EnumMap<>(Cost.class);
        Map<Integer, Integer> functions = new HashMap<>();
        Map<Integer, Integer> interpretedFunctions = new HashMap<>();
        Map<IndirectCall, Integer> indirectCalls = new HashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStartTime().isBefore(from)
                    || stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            indirectCallsOf(stack).forEach(call -> indirectCalls.merge(call, 1, Integer::sum));
            RecordedFrame top = stack.getFrames().get(0);
            costs.merge(Cost.of(top.getMethod().getType().getName(), top.getMethod().getName()), 1, Integer::sum);
            RecordedFrame function = innermostFunction(stack);
            if (function != null) {
                inSqlite++;
                boolean inInterpreter = "Interpreted".equals(function.getType());
                if (inInterpreter) {
                    interpreted++;
                }
                int index = functionIndex(function); // -1 for a dispatcher frame
                if (index >= 0) {
                    functions.merge(index, 1, Integer::sum);
                    if (inInterpreter) {
                        interpretedFunctions.merge(index, 1, Integer::sum);
                    }
                }
            }
        }
        if (samples == 0) {
            throw new IllegalStateException("the recording holds no execution samples of the measured runs");
        }
        return new Profile(runs, samples, inSqlite, interpreted, costs, functions, interpretedFunctions,
                indirectCalls);
    }

    /**
     * The indirect calls a sample is inside of: each dispatcher frame ({@code call_indirect_N})
     * with a compiled function on either side. JFR lists inlined frames too, so an inlined
     * dispatcher or target still shows.
     */
    private static Set<IndirectCall> indirectCallsOf(RecordedStackTrace stack) {
        List<RecordedFrame> frames = stack.getFrames(); // innermost first
        Set<IndirectCall> calls = new LinkedHashSet<>();
        for (int i = 1; i + 1 < frames.size(); i++) {
            RecordedFrame frame = frames.get(i);
            if (frame.getMethod().getType().getName().equals(MACHINE)
                    && frame.getMethod().getName().startsWith("call_indirect")) {
                int callee = functionIndex(frames.get(i - 1));
                int caller = functionIndex(frames.get(i + 1));
                if (callee >= 0 && caller >= 0) {
                    calls.add(new IndirectCall(caller, callee));
                }
            }
        }
        return calls;
    }

    private static int functionIndex(RecordedFrame frame) {
        Matcher m = FUNCTION.matcher(frame.getMethod().getName());
        return frame.getMethod().getType().getName().startsWith(GENERATED) && m.matches()
                ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The innermost frame of a compiled SQLite function ({@code func_N} or the indirect-call dispatch), if any. */
    private static RecordedFrame innermostFunction(RecordedStackTrace stack) {
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            String method = frame.getMethod().getName();
            if (type.startsWith(GENERATED) && (FUNCTION.matcher(method).matches() || method.startsWith("call_indirect"))) {
                return frame;
            }
        }
        return null;
    }

    private static void print(String workload, Profile p, IntFunction<String> names) {
        System.out.printf("%n%s: %d samples over %d runs; %.0f%% inside SQLite, %.1f%% of that interpreted%n",
                workload, p.samples(), p.runs(), 100.0 * p.inSqlite() / p.samples(), 100 * p.interpretedShare());
        for (Cost cost : Cost.values()) {
            System.out.printf("  %5.1f%%  %s%n", 100.0 * p.costs().getOrDefault(cost, 0) / p.samples(), cost.label);
        }
        System.out.println("  hottest SQLite functions (with the helpers inlined into them):");
        printTop(p.functions(), p.samples(), names::apply);
        System.out.println("  indirect calls the most samples were inside of (the called function included):");
        printTop(p.indirectCalls(), p.samples(),
                call -> names.apply(call.caller()) + " -> " + names.apply(call.callee()));
        if (!p.interpretedFunctions().isEmpty()) {
            System.out.println("  SQLite functions sampled in the bytecode interpreter:");
            printTop(p.interpretedFunctions(), p.samples(), names::apply);
        }
    }

    private static <K> void printTop(Map<K, Integer> counts, int samples, Function<K, String> label) {
        mostFirst(counts).limit(8).forEach(e -> System.out.printf("  %5.1f%%  %s%n", 100.0 * e.getValue() / samples,
                label.apply(e.getKey())));
    }

    /** Sample counts, the largest first. */
    private static <K> Stream<Map.Entry<K, Integer>> mostFirst(Map<K, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<K, Integer>comparingByValue().reversed());
    }
}

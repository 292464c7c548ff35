package dev.sqlink.engine.hugemethods;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.FunctionImport;
import com.dylibso.chicory.wasm.types.FunctionType;
import com.dylibso.chicory.wasm.types.ValType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Build step: lists the wasm functions whose AOT-compiled JVM method is larger than
 * HotSpot's {@code HugeMethodLimit} (8000 bytes of bytecode). HotSpot never JIT-compiles such
 * a method with default flags, so each one runs interpreted: this list is where the
 * performance work (splitting functions) has to look.
 *
 * <p>Chicory's compiler emits wasm function {@code N} as method {@code func_N} of the
 * {@code *FuncGroup_*} classes, where N counts imported functions first (the wasm function
 * index space). That assumption is checked, not trusted: every {@code func_N} must exist once
 * and its JVM parameters must match the wasm type of function N, or the build fails.
 *
 * <p>Usage: {@code HugeMethodReport <generated-classes-dir> <module.wasm> <report.txt>}.
 * Lives with the tests so it never ships in the runtime jar.
 */
public final class HugeMethodReport {
    /** HotSpot's default {@code -XX:HugeMethodLimit}. */
    public static final int HUGE_METHOD_LIMIT = 8000;

    private static final String FUNC_PREFIX = "func_";
    private static final String TRAILING_PARAMS = "Lcom/dylibso/chicory/runtime/Memory;Lcom/dylibso/chicory/runtime/Instance;";

    /** One oversized function. */
    public record Entry(String name, int index, int bytecodeSize) {}

    private HugeMethodReport() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: HugeMethodReport <generated-classes-dir> <module.wasm> <report.txt>");
        }
        Path classes = Paths.get(args[0]);
        Path wasm = Paths.get(args[1]);
        Path report = Paths.get(args[2]);
        WasmModule module = Parser.parse(wasm);
        TreeMap<Integer, ClassFileMethods.Method> functions = compiledFunctions(classes);
        verifyIndexing(module, functions);
        List<Entry> huge = oversized(module, functions);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, format(huge, functions.size(), wasm.getFileName().toString()), StandardCharsets.UTF_8);
        System.out.println("[huge-methods] " + huge.size() + " of " + functions.size()
                + " wasm functions exceed " + HUGE_METHOD_LIMIT + " bytes of bytecode; report: " + report);
    }

    /** Every {@code func_N} method of the generated function-group classes, by N. */
    static TreeMap<Integer, ClassFileMethods.Method> compiledFunctions(Path classesDir) throws IOException {
        TreeMap<Integer, ClassFileMethods.Method> byIndex = new TreeMap<>();
        List<Path> groups = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(classesDir, "*FuncGroup_*.class")) {
            dir.forEach(groups::add);
        }
        if (groups.isEmpty()) {
            throw new IllegalStateException("no *FuncGroup_*.class in " + classesDir
                    + ": has the Chicory compiler plugin run, and does it still name classes this way?");
        }
        for (Path group : groups) {
            for (ClassFileMethods.Method m : ClassFileMethods.read(Files.readAllBytes(group))) {
                if (m.name().startsWith(FUNC_PREFIX)) {
                    int index = Integer.parseInt(m.name().substring(FUNC_PREFIX.length()));
                    if (byIndex.put(index, m) != null) {
                        throw new IllegalStateException(m.name() + " appears in more than one function group");
                    }
                }
            }
        }
        return byIndex;
    }

    /** Fails unless func_0 .. func_(imports + functions - 1) each match the wasm signature of that index. */
    static void verifyIndexing(WasmModule module, TreeMap<Integer, ClassFileMethods.Method> functions) {
        int imports = module.importSection().count(ExternalType.FUNCTION);
        int total = imports + module.functionSection().functionCount();
        if (functions.size() != total || functions.firstKey() != 0 || functions.lastKey() != total - 1) {
            throw new IllegalStateException("expected func_0 .. func_" + (total - 1) + " (" + imports
                    + " imports + " + (total - imports) + " functions), found " + functions.size() + " methods from func_"
                    + functions.firstKey() + " to func_" + functions.lastKey());
        }
        for (var e : functions.entrySet()) {
            String expected = jvmParameters(typeOf(module, imports, e.getKey()));
            String descriptor = e.getValue().descriptor();
            String actual = descriptor.substring(1, descriptor.indexOf(')'));
            if (!actual.equals(expected)) {
                throw new IllegalStateException("func_" + e.getKey() + " has parameters (" + actual
                        + ") but wasm function " + e.getKey() + " needs (" + expected
                        + "): the func_N numbering no longer follows the wasm function index space");
            }
        }
    }

    private static FunctionType typeOf(WasmModule module, int imports, int index) {
        if (index < imports) {
            FunctionImport imported = (FunctionImport) module.importSection().stream()
                    .filter(i -> i.importType() == ExternalType.FUNCTION).skip(index).findFirst().orElseThrow();
            return module.typeSection().getType(imported.typeIndex());
        }
        return module.typeSection().getType(module.functionSection().getFunctionType(index - imports));
    }

    private static String jvmParameters(FunctionType type) {
        StringBuilder b = new StringBuilder();
        for (ValType t : type.params()) {
            if (t.equals(ValType.I32)) {
                b.append('I');
            } else if (t.equals(ValType.I64)) {
                b.append('J');
            } else if (t.equals(ValType.F32)) {
                b.append('F');
            } else if (t.equals(ValType.F64)) {
                b.append('D');
            } else {
                b.append('?').append(t);
            }
        }
        return b.append(TRAILING_PARAMS).toString();
    }

    static List<Entry> oversized(WasmModule module, TreeMap<Integer, ClassFileMethods.Method> functions) {
        List<Entry> huge = new ArrayList<>();
        for (var e : functions.entrySet()) {
            if (e.getValue().codeLength() > HUGE_METHOD_LIMIT) {
                String name = module.nameSection() == null ? null : module.nameSection().nameOfFunction(e.getKey());
                huge.add(new Entry(name == null ? "?" : name, e.getKey(), e.getValue().codeLength()));
            }
        }
        huge.sort(Comparator.comparingInt(Entry::bytecodeSize).reversed().thenComparingInt(Entry::index));
        return huge;
    }

    static String format(List<Entry> huge, int functionCount, String module) {
        StringBuilder b = new StringBuilder();
        b.append("# wasm functions of ").append(module).append(" whose JVM bytecode exceeds HotSpot's HugeMethodLimit (")
                .append(HUGE_METHOD_LIMIT).append(" bytes)\n");
        b.append("# ").append(huge.size()).append(" of ").append(functionCount)
                .append(" functions; index = wasm function index (imports first) = N of the generated func_N\n");
        b.append("# name\tindex\tbytecode_bytes\n");
        for (Entry e : huge) {
            b.append(e.name()).append('\t').append(e.index()).append('\t').append(e.bytecodeSize()).append('\n');
        }
        return b.toString();
    }

    /** Parses a report written by {@link #format}. */
    public static List<Entry> parse(List<String> lines) {
        List<Entry> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            entries.add(new Entry(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2])));
        }
        return entries;
    }
}

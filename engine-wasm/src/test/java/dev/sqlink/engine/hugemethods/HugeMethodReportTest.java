package dev.sqlink.engine.hugemethods;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HugeMethodReportTest {
    // Parsed once: the module and the 2.5 MB of generated classes take seconds to read.
    private static WasmModule module;
    private static TreeMap<Integer, ClassFileMethods.Method> functions;

    @BeforeAll
    static void readBuildOutputs() throws IOException {
        module = Parser.parse(property("sqlink.stagedWasm"));
        functions = HugeMethodReport.compiledFunctions(
                property("sqlink.generatedClasses").resolve("dev/sqlink/engine/generated"));
    }
    private static Path property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null, "system property " + name + " is set by the build (run through Maven)");
        return Paths.get(value);
    }

    @Test
    void reportWrittenByTheBuildIsConsistent() throws IOException {
        Path report = property("sqlink.hugeMethodReport");
        assertTrue(Files.exists(report), "the build writes " + report);
        List<HugeMethodReport.Entry> entries = HugeMethodReport.parse(Files.readAllLines(report));
        // Since the build splits oversized wasm functions (SplitHugeFunctions), no SQLite function
        // may be left over HotSpot's limit: every one of them can be JIT-compiled with default flags.
        assertTrue(entries.isEmpty(), "functions left over the 8000-byte HugeMethodLimit: " + entries);
        for (int i = 0; i < entries.size(); i++) {
            HugeMethodReport.Entry e = entries.get(i);
            assertTrue(e.bytecodeSize() > HugeMethodReport.HUGE_METHOD_LIMIT, e.toString());
            assertFalse(e.name().equals("?"), "every function has a name: " + e);
            if (i > 0) {
                assertTrue(entries.get(i - 1).bytecodeSize() >= e.bytecodeSize(), "sorted by size, largest first");
            }
        }
        assertEquals(entries.size(), entries.stream().map(HugeMethodReport.Entry::index).distinct().count());
    }

    @Test
    void reportAgreesWithTheGeneratedClassesAndTheNameSection() throws IOException {
        HugeMethodReport.verifyIndexing(module, functions); // throws if func_N is not wasm function N
        List<HugeMethodReport.Entry> fresh = HugeMethodReport.oversized(module, functions);
        List<HugeMethodReport.Entry> written =
                HugeMethodReport.parse(Files.readAllLines(property("sqlink.hugeMethodReport")));
        assertEquals(fresh, written);
        for (HugeMethodReport.Entry e : written) {
            assertEquals(e.name(), module.nameSection().nameOfFunction(e.index()));
            assertEquals(e.bytecodeSize(), functions.get(e.index()).codeLength());
        }
        // Everything not listed is within the limit.
        long small = functions.values().stream()
                .filter(m -> m.codeLength() <= HugeMethodReport.HUGE_METHOD_LIMIT).count();
        assertEquals(functions.size(), small + written.size());
    }

    @Test
    void shiftedIndexingIsDetected() throws IOException {
        // Pretend the numbering skipped the imports: signatures stop lining up.
        int imports = module.importSection().count(com.dylibso.chicory.wasm.types.ExternalType.FUNCTION);
        TreeMap<Integer, ClassFileMethods.Method> shifted = new TreeMap<>();
        functions.forEach((index, method) -> shifted.put((index + imports) % functions.size(), method));
        assertThrows(IllegalStateException.class, () -> HugeMethodReport.verifyIndexing(module, shifted));
    }

    @Test
    void classFileReaderMatchesReflection() throws IOException {
        byte[] bytes;
        try (InputStream in = ClassFileMethods.class.getResourceAsStream("ClassFileMethods.class")) {
            bytes = in.readAllBytes();
        }
        List<ClassFileMethods.Method> methods = ClassFileMethods.read(bytes);
        Map<String, ClassFileMethods.Method> byName =
                methods.stream().collect(Collectors.toMap(ClassFileMethods.Method::name, m -> m, (a, b) -> a));
        for (java.lang.reflect.Method m : ClassFileMethods.class.getDeclaredMethods()) {
            assertTrue(byName.containsKey(m.getName()), m.getName());
        }
        assertTrue(byName.containsKey("<init>"));
        ClassFileMethods.Method read = byName.get("read");
        assertEquals("([B)Ljava/util/List;", read.descriptor());
        assertTrue(read.codeLength() > 50 && read.codeLength() < 8000, "plausible size " + read.codeLength());
        assertThrows(IOException.class, () -> ClassFileMethods.read(Arrays.copyOf(bytes, 3)));
        byte[] wrongMagic = bytes.clone();
        wrongMagic[0] = 0;
        assertThrows(IOException.class, () -> ClassFileMethods.read(wrongMagic));
    }
}

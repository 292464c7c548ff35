package dev.sqlink.engine.split;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.hugemethods.ClassFileMethods;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every wasm function must become a JVM method HotSpot is willing to JIT-compile with default
 * flags (HugeMethodLimit, 8000 bytes of bytecode); build.sh splits the oversized ones. Chicory's
 * own call_dispatch methods (one tableswitch per call from Java) are not wasm functions.
 */
class GeneratedMethodSizeTest {
    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void noCompiledWasmFunctionIsTooBigForTheJit() throws IOException {
        Path generated = Path.of(System.getProperty("sqlink.generatedClasses", "target/classes"),
                "dev", "sqlink", "engine", "generated");
        List<String> tooBig = new ArrayList<>();
        int functions = 0;
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                for (ClassFileMethods.Method method : ClassFileMethods.read(Files.readAllBytes(file))) {
                    if (method.name().startsWith("func_")) {
                        functions++;
                        if (method.codeLength() > HUGE_METHOD_LIMIT) {
                            tooBig.add(method.name() + " (" + method.codeLength() + " bytes)");
                        }
                    }
                }
            }
        }
        assertTrue(functions > 2000, "expected the compiled SQLite functions in " + generated + ", found " + functions);
        assertTrue(tooBig.isEmpty(), "methods over HugeMethodLimit run interpreted forever: " + tooBig
                + "; lower the split limit in engine-wasm/wasm/build.sh");
    }
}

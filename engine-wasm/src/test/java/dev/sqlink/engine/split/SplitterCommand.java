package dev.sqlink.engine.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the splitter (wasm/SplitHugeFunctions.java) the way build.sh does, as its own program. */
final class SplitterCommand {
    private SplitterCommand() {}

    /** Runs it with {@code args}, asserts that it succeeded, and returns its report. */
    static String run(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "wasm/SplitHugeFunctions.java"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the splitter did not finish");
        String report = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "the splitter failed:\n" + report);
        return report;
    }
}

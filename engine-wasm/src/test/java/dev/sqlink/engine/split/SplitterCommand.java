package dev.sqlink.engine.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
        Outcome outcome = execute(args);
        assertEquals(0, outcome.status(), "the splitter failed:\n" + outcome.output());
        return outcome.output();
    }

    /** Runs it with {@code args}, asserts that it failed, and returns what it printed. */
    static String runExpectingFailure(String... args) throws IOException, InterruptedException {
        Outcome outcome = execute(args);
        assertNotEquals(0, outcome.status(), "the splitter succeeded:\n" + outcome.output());
        return outcome.output();
    }

    private record Outcome(int status, String output) {}

    private static Outcome execute(String... args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "wasm/SplitHugeFunctions.java"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the splitter did not finish");
        return new Outcome(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}

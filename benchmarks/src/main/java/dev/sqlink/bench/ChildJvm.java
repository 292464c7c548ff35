package dev.sqlink.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a fresh JVM (same java binary and class path as this one, default flags unless given)
 * running one of this module's mains, for the measurements that need a new process each time.
 */
final class ChildJvm {
    private ChildJvm() {}

    static Process start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads the child's first line that starts with {@code marker}, failing if it exits first. */
    static String awaitLine(BufferedReader output, String marker, Process process) throws IOException {
        for (String line; (line = output.readLine()) != null; ) {
            if (line.startsWith(marker)) {
                return line.substring(marker.length()).trim();
            }
        }
        throw new IllegalStateException("child JVM exited (status " + waitFor(process) + ") without printing '"
                + marker + "'; its error output is above");
    }

    static int waitFor(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a child JVM", e);
        }
    }
}

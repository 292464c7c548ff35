package dev.sqlink.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.generated.SqliteModule;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLNonTransientConnectionException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the engine itself cannot load (here: a truncated SqliteModule.meta ahead of the real one
 * on a fresh JVM's class path), getConnection reports it as an SQLException with the engine's
 * explanation, not as an unchecked exception out of DriverManager.
 */
class EngineLoadFailureTest {
    /** Only guards against a hang; a healthy child takes a second or two. */
    private static final long CHILD_LIMIT_SECONDS = 180;

    @TempDir
    Path dir;

    @Test
    void aDamagedEngineIsAnSqlExceptionOnOpen() throws Exception {
        Path shadow = dir.resolve("damaged-classes");
        Path meta = shadow.resolve(SqliteModule.class.getPackageName().replace('.', '/')).resolve("SqliteModule.meta");
        Files.createDirectories(meta.getParent());
        try (InputStream in = SqliteModule.class.getResourceAsStream("SqliteModule.meta")) {
            byte[] intact = in.readAllBytes();
            Files.write(meta, Arrays.copyOf(intact, intact.length / 2));
        }
        Path output = dir.resolve("child.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", shadow + File.pathSeparator + System.getProperty("java.class.path"),
                DamagedEngineOpen.class.getName(), "jdbc:sqlink:" + dir.resolve("never.db"))
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        boolean exited = child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertTrue(exited, () -> "the child JVM did not exit; it printed " + lines);
        assertEquals(0, child.exitValue(), () -> "child failed; it printed " + lines);
        assertEquals(1, lines.size(), () -> "child printed " + lines);
        String line = lines.get(0);
        assertTrue(line.startsWith(DamagedEngineOpen.SQL_EXCEPTION + "08001 "
                + SQLNonTransientConnectionException.class.getName()), line);
        assertTrue(line.contains("SqliteModule.meta"), "the error must name what failed: " + line);
    }
}

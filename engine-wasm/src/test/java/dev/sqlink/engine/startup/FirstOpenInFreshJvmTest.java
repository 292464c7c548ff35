package dev.sqlink.engine.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dylibso.chicory.wasm.Parser;
import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.EngineLoadException;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.generated.SqliteModule;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's one-time loading runs on background threads, so its correctness is about the
 * first opens of a JVM: only a fresh child JVM ({@link ConcurrentFirstOpens}) can show them.
 * Several threads open at once while the loading is under way; with an intact engine all of
 * them read their row, with a damaged module every one of them gets a clear error (none hangs,
 * none sees a half-loaded engine), and no non-daemon thread is left behind either way.
 */
class FirstOpenInFreshJvmTest {
    private static final int THREADS = 6;
    /** Only guards against a hang; a healthy child takes a second or two. */
    private static final long CHILD_LIMIT_SECONDS = 180;

    @TempDir
    Path dir;

    private Path database;

    @BeforeEach
    void createDatabase() {
        database = dir.resolve("first-open.db");
        try (Database db = Engine.open(database.toString(), OpenFlags.DEFAULT)) {
            db.exec("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)");
            db.exec("INSERT INTO settings VALUES ('theme', 'dark')");
        }
    }

    @Test
    void concurrentFirstOpensAllReadTheirRow() throws Exception {
        List<String> lines = runChild(System.getProperty("java.class.path"));
        assertEquals(THREADS, count(lines, ConcurrentFirstOpens.ROW + "dark"), () -> "child printed " + lines);
        assertEquals(0, count(lines, ConcurrentFirstOpens.LINGERING), () -> "child printed " + lines);
    }

    @Test
    void aDamagedModuleFailsEveryFirstOpenClearly() throws Exception {
        // a truncated copy of the module metadata ahead of the real one on the class path
        Path shadow = dir.resolve("damaged-classes");
        Path meta = shadow.resolve(SqliteModule.class.getPackageName().replace('.', '/')).resolve("SqliteModule.meta");
        Files.createDirectories(meta.getParent());
        byte[] intact = readIntactMeta();
        Files.write(meta, Arrays.copyOf(intact, intact.length / 2));

        List<String> lines = runChild(shadow + File.pathSeparator + System.getProperty("java.class.path"));
        String expected = ConcurrentFirstOpens.ERROR + EngineLoadException.class.getName();
        assertEquals(THREADS, count(lines, expected), () -> "child printed " + lines);
        for (String line : lines) {
            if (line.startsWith(expected)) {
                assertTrue(line.contains("SqliteModule.meta"), "the error must name what failed: " + line);
            }
        }
        assertEquals(0, count(lines, ConcurrentFirstOpens.LINGERING), () -> "child printed " + lines);
    }

    /**
     * The compiled functions are spread over several classes, and the build put everything a
     * cold start runs into the first (wasm/startup-functions.txt). A first open and read that
     * loads another one means the list no longer matches the module: a cold start then reads
     * and verifies a class it would not need, 0.7 MB of bytecode. Nor may it load Chicory's
     * general wasm parser: the metadata has a reader of its own (MetaReader), and going back
     * to the parser would cost every cold start 30-45 ms of CPU.
     */
    @Test
    void aFirstOpenAndReadLoadsOnlyWhatAColdStartNeeds() throws Exception {
        List<String> lines = runChild(System.getProperty("java.class.path"), "-Xlog:class+load=info:stdout:tags");
        assertEquals(THREADS, count(lines, ConcurrentFirstOpens.ROW + "dark"), () -> "child printed " + lines);
        String functionClass = SqliteModule.class.getName() + "MachineFuncGroup_";
        List<String> loaded = lines.stream()
                .filter(line -> line.contains(functionClass))
                .map(line -> line.substring(line.indexOf(functionClass) + functionClass.length()).split(" ")[0])
                .toList();
        assertEquals(List.of("0"), loaded, "function classes loaded by a cold start (by number); remake the "
                + "start-up list as engine-wasm/README.md says if another shows up");
        String parser = Parser.class.getName() + " ";
        assertEquals(List.of(), lines.stream().filter(line -> line.contains(parser)).toList(),
                "a cold start loaded Chicory's parser");
    }

    private List<String> runChild(String classPath, String... jvmOptions) throws IOException, InterruptedException {
        // output to a file, not a pipe: a hung child must not hang the read as well
        Path output = Files.createTempFile(dir, "child", ".out");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", classPath, ConcurrentFirstOpens.class.getName(), database.toString(),
                String.valueOf(THREADS)));
        Process child = new ProcessBuilder(command)
                .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        boolean exited = child.waitFor(CHILD_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertTrue(exited, () -> "the child JVM did not exit; it printed " + lines);
        assertEquals(0, child.exitValue(), () -> "child failed; it printed " + lines);
        return lines;
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    private static byte[] readIntactMeta() throws IOException {
        try (InputStream in = SqliteModule.class.getResourceAsStream("SqliteModule.meta")) {
            return in.readAllBytes();
        }
    }
}

package dev.sqlink.conformance.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sqlink.conformance.fuzz.FuzzCorpus.DbImage;
import dev.sqlink.conformance.fuzz.FuzzCorpus.Script;
import dev.sqlink.conformance.fuzz.ScriptOutcome.Kind;
import dev.sqlink.conformance.support.CorpusLocation;
import dev.sqlink.conformance.support.JdbcTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the fuzz corpora ({@code ../shared/corpus/fuzz/*.db}) through the driver under test: every
 * script must end with a result or a clear SQLException in bounded time, never hang, never throw a
 * JVM Error (except {@link ResourceLimits}), and leave a database that passes integrity_check.
 *
 * <p>By default a deterministic subset runs: every script whose id is a multiple of
 * {@code sqlink.conformance.fuzz.stride} (default {@value #DEFAULT_STRIDE}), to stay inside CI's time
 * budget with the slower wasm engine. {@code -Dsqlink.conformance.fuzz.all=true} runs every script.
 */
// On by default (CI runs it); -Dsqlink.conformance.fuzz=false skips it.
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "sqlink.conformance.fuzz", matches = "false",
        disabledReason = "fuzz corpora skipped with -Dsqlink.conformance.fuzz=false")
class FuzzCorpusTest {

    private static final int DEFAULT_STRIDE = 4;
    private static final int SHOWN_PROBLEMS = 20;
    private static final double SLOW_SCRIPT_SECONDS = 2.0;

    @TempDir
    Path tempDir;

    @TestFactory
    Stream<DynamicTest> fuzzCorpora() throws IOException {
        Path folder = CorpusLocation.requireFolder("fuzz");
        JdbcTarget target = JdbcTarget.underTest();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".db")).sorted().collect(Collectors.toList());
        }
        boolean all = Boolean.getBoolean("sqlink.conformance.fuzz.all");
        int stride = all ? 1 : Integer.getInteger("sqlink.conformance.fuzz.stride", DEFAULT_STRIDE);
        Duration statementLimit = Duration.ofSeconds(Long.getLong("sqlink.conformance.fuzz.statementTimeoutSeconds", 10));
        Duration scriptBudget = Duration.ofSeconds(Long.getLong("sqlink.conformance.fuzz.scriptTimeoutSeconds", 30));
        System.out.println("[fuzz] " + target.describe() + "; " + (stride == 1 ? "all scripts"
                : "every script with id % " + stride + " == 0 (-Dsqlink.conformance.fuzz.all=true runs all)"));
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                () -> runCorpus(file, target, stride, statementLimit, scriptBudget)));
    }

    private void runCorpus(Path file, JdbcTarget target, int stride, Duration statementLimit, Duration scriptBudget)
            throws Exception {
        long start = System.nanoTime();
        FuzzCorpus corpus = FuzzCorpus.load(file);
        // Probe scripts of a plain database are few and each one matters: never sample them.
        List<Script> scripts = corpus.scripts().stream()
                .filter(s -> corpus.probesOnly() || s.id() % stride == 0)
                .collect(Collectors.toList());
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        List<String> problems = new ArrayList<>();
        int statements = 0;
        int sqlErrors = 0;
        Path dbFile = tempDir.resolve("fuzz.db");
        int abandonedFiles = 0;
        try (FuzzScriptRunner runner = new FuzzScriptRunner(target, statementLimit, scriptBudget)) {
            for (DbImage image : corpus.images()) {
                boolean intact = image.bytes() == null || imageIntact(image, dbFile);
                for (Script script : scripts) {
                    long scriptStart = System.nanoTime();
                    ScriptOutcome outcome = runner.run(dbFile, image, intact, script);
                    double seconds = (System.nanoTime() - scriptStart) / 1e9;
                    if (seconds > SLOW_SCRIPT_SECONDS || outcome.kind() != Kind.OK) {
                        System.out.printf("[fuzz] %s script %d on %s: %s in %.1f s %s%n", corpus.name(), script.id(), image.id(),
                                outcome.kind(), seconds, outcome.detail());
                    }
                    if (outcome.kind() == Kind.HUNG) {
                        // The abandoned connection may still be writing that file: never reuse it.
                        dbFile = tempDir.resolve("fuzz-" + (++abandonedFiles) + ".db");
                        intact = image.bytes() == null || imageIntact(image, dbFile);
                    }
                    counts.merge(outcome.kind(), 1, Integer::sum);
                    statements += outcome.statements();
                    sqlErrors += outcome.sqlErrors();
                    if (!outcome.kind().acceptable) {
                        problems.add(corpus.name() + " script " + script.id() + " on " + image.id() + ": " + outcome.kind()
                                + " " + outcome.detail());
                    }
                }
            }
        }
        System.out.printf("[fuzz] %s: %d scripts of %d x %d images, %d statements (%d ended with an SQLException), outcomes %s, in %.1f s%n",
                corpus.name(), scripts.size(), corpus.scripts().size(), corpus.images().size(), statements, sqlErrors, counts,
                (System.nanoTime() - start) / 1e9);
        if (!problems.isEmpty()) {
            fail(problems.size() + " fuzz scripts misbehaved in " + corpus.name() + ":\n"
                    + problems.stream().limit(SHOWN_PROBLEMS).collect(Collectors.joining("\n")));
        }
    }

    private static boolean imageIntact(DbImage image, Path dbFile) throws IOException {
        Files.write(dbFile, image.bytes());
        return IntegrityCheck.check(dbFile).equals("ok");
    }
}

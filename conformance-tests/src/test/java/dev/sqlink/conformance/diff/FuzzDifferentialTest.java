package dev.sqlink.conformance.diff;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sqlink.conformance.fuzz.FuzzCorpus;
import dev.sqlink.conformance.support.CorpusLocation;
import dev.sqlink.conformance.support.JdbcTarget;
import dev.sqlink.conformance.support.SqlScript;
import dev.sqlink.conformance.support.Watchdog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The fuzz corpora as differential input: each script runs statement by statement on a fresh
 * in-memory database in both drivers, and every statement's observation must agree. Scripts that
 * call nondeterministic functions are left out. A deterministic subset runs by default (script id a
 * multiple of {@code sqlink.conformance.diff.fuzzStride}, default {@value #DEFAULT_STRIDE}); stride 1
 * or {@code -Dsqlink.conformance.fuzz.all=true} runs all.
 */
// On by default (CI runs it); -Dsqlink.conformance.fuzz=false skips it.
@org.junit.jupiter.api.condition.DisabledIfSystemProperty(named = "sqlink.conformance.fuzz", matches = "false",
        disabledReason = "fuzz corpora skipped with -Dsqlink.conformance.fuzz=false")
class FuzzDifferentialTest {

    private static final int DEFAULT_STRIDE = 8;
    private static final int SHOWN = 10;
    /** Time, randomness, and the identity of the SQLite build (version, source id, compile options), which differ by design. */
    private static final Pattern NONDETERMINISTIC =
            Pattern.compile("random|now|current_|julianday\\(\\s*\\)|sqlite_version|sqlite_source_id|compileoption|compile_option");

    @TestFactory
    Stream<DynamicTest> fuzzScriptsAgree() throws IOException {
        Path folder = CorpusLocation.requireFolder("fuzz");
        int stride = Boolean.getBoolean("sqlink.conformance.fuzz.all") ? 1
                : Integer.getInteger("sqlink.conformance.diff.fuzzStride", DEFAULT_STRIDE);
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".db")).sorted().collect(Collectors.toList());
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> compare(file, stride)));
    }

    private static void compare(Path file, int stride) throws Exception {
        FuzzCorpus corpus = FuzzCorpus.load(file);
        if (corpus.probesOnly()) {
            System.out.println("[diff-fuzz] " + corpus.name() + ": a plain database, covered by FuzzCorpusTest");
            return;
        }
        JdbcTarget ours = JdbcTarget.underTest();
        JdbcTarget reference = JdbcTarget.reference();
        List<String> disagreements = new ArrayList<>();
        int scripts = 0;
        int statements = 0;
        try (Watchdog watchdog = new Watchdog(Duration.ofSeconds(30), Duration.ofSeconds(60))) {
            for (FuzzCorpus.Script script : corpus.scripts()) {
                if (script.id() % stride != 0 || NONDETERMINISTIC.matcher(script.sql().toLowerCase(Locale.ROOT)).find()) {
                    continue;
                }
                scripts++;
                try (Connection oursConnection = ours.connect(JdbcTarget.MEMORY);
                        Connection referenceConnection = reference.connect(JdbcTarget.MEMORY)) {
                    for (String sql : SqlScript.split(script.sql())) {
                        statements++;
                        Step step = Step.sql(sql);
                        Observation[] both = watchdog.call(() -> new Observation[] {
                            Observer.observe(oursConnection, step), Observer.observe(referenceConnection, step)});
                        String difference = ObservationComparer.difference(step, both[0], both[1]);
                        if (difference != null) {
                            disagreements.add("script " + script.id() + ": " + sql + "\n" + difference);
                            break;
                        }
                    }
                } catch (Watchdog.TimedOut timedOut) {
                    disagreements.add("script " + script.id() + ": " + timedOut.getMessage());
                }
            }
        }
        System.out.printf("[diff-fuzz] %s: %d scripts, %d statements, %d disagreements%n", corpus.name(), scripts, statements,
                disagreements.size());
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " fuzz scripts disagree in " + corpus.name() + ":\n"
                    + disagreements.stream().limit(SHOWN).collect(Collectors.joining("\n\n")));
        }
    }
}

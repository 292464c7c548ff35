package dev.sqlink.conformance.slt;

import static org.junit.jupiter.api.Assertions.fail;

import dev.sqlink.conformance.support.CorpusLocation;
import dev.sqlink.conformance.support.JdbcTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs SQLite's sqllogictest corpus through the JDBC driver under test, one dynamic test per file,
 * a fresh database per file. A file's test fails when a record fails that is not listed in
 * {@link ExpectedDifferences}.
 *
 * <p>Properties: {@code sqlink.conformance.slt.filter} (substring of the file path, to run a
 * subset), {@code sqlink.conformance.slt.timeoutSeconds} (per record, default 30).
 */
class SqlLogicTest {

    private static final String FILTER_PROPERTY = "sqlink.conformance.slt.filter";
    private static final String TIMEOUT_PROPERTY = "sqlink.conformance.slt.timeoutSeconds";
    private static final int SHOWN_FAILURES = 20;

    @TestFactory
    Stream<DynamicTest> sqllogictest() throws IOException {
        Path root = CorpusLocation.requireFolder("sqllogictest");
        JdbcTarget target = JdbcTarget.underTest();
        Duration limit = Duration.ofSeconds(Long.getLong(TIMEOUT_PROPERTY, 30));
        String filter = System.getProperty(FILTER_PROPERTY, "");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".test"))
                    .filter(p -> relative(root, p).contains(filter))
                    .sorted()
                    .collect(Collectors.toList());
        }
        SltFileRunner runner = new SltFileRunner(target, limit);
        Totals totals = new Totals();
        Stream<DynamicTest> perFile = files.stream()
                .map(file -> DynamicTest.dynamicTest(relative(root, file), () -> runFile(runner, root, file, totals)));
        return Stream.concat(perFile, Stream.of(DynamicTest.dynamicTest("totals", () -> totals.print(target))));
    }

    private static void runFile(SltFileRunner runner, Path root, Path file, Totals totals) throws IOException {
        String name = relative(root, file);
        long start = System.nanoTime();
        List<SltRecord> records = SltParser.parse(name, Files.readString(file, StandardCharsets.UTF_8));
        SltFileReport report = runner.run(name, records);
        List<SltFileReport.Failure> unexpected = new ArrayList<>();
        int documented = 0;
        for (SltFileReport.Failure failure : report.failures()) {
            if (ExpectedDifferences.find(failure.file(), failure.line()) != null) {
                documented++;
            } else {
                unexpected.add(failure);
            }
        }
        totals.add(report, documented);
        System.out.printf("[sqllogictest] %s: %s (%d documented differences) in %.1f s%n", name, report.summary(),
                documented, (System.nanoTime() - start) / 1e9);
        if (!unexpected.isEmpty()) {
            String shown = unexpected.stream().limit(SHOWN_FAILURES).map(Object::toString)
                    .collect(Collectors.joining("\n\n"));
            fail(unexpected.size() + " undocumented failures in " + name + " (" + report.summary() + "):\n\n" + shown);
        }
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    /** Counts over all files, printed by the last dynamic test. */
    private static final class Totals {
        private int passed;
        private int failed;
        private int skipped;
        private int documented;

        synchronized void add(SltFileReport report, int documentedFailures) {
            passed += report.passed();
            failed += report.failures().size();
            skipped += report.skipped();
            documented += documentedFailures;
        }

        synchronized void print(JdbcTarget target) {
            System.out.println("[sqllogictest] " + target.describe());
            System.out.println(passed + " passed, " + failed + " failed, " + skipped + " skipped");
            System.out.println("[sqllogictest] of the failures, " + documented + " are documented differences");
        }
    }
}

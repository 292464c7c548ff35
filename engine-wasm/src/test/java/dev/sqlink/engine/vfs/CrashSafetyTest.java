package dev.sqlink.engine.vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.engine.Database;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A child JVM writing transactions is killed with SIGKILL at random moments; after every
 * kill the database must open, pass integrity_check, and hold every transaction the child
 * reported committed, each one whole.
 */
class CrashSafetyTest {
    private static final int KILLS = 5;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"DELETE", "WAL"})
    void everyReportedCommitSurvivesSigkill(String journalMode) throws Exception {
        Path file = dir.resolve("crash-" + journalMode + ".db");
        Random random = new Random(42);
        List<Long> committed = new ArrayList<>();
        for (int round = 0; round < KILLS; round++) {
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), file.toString(), journalMode)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<Long> reported = new ArrayList<>();
            Thread reader = new Thread(() -> readReports(child, reported));
            reader.start();
            waitForFirstReport(reported, child);
            Thread.sleep(50 + random.nextInt(700));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            reader.join();
            synchronized (reported) {
                committed.addAll(reported);
            }
            try (Database db = Sql.open(file)) {
                assertEquals("ok", Sql.integrity(db), "after kill " + round);
                for (long tx : committed) {
                    assertEquals(CrashWriter.ROWS_PER_TRANSACTION, Sql.queryLong(db, "SELECT count(*) FROM t WHERE tx = " + tx),
                            "transaction " + tx + " after kill " + round);
                }
                assertEquals(0, Sql.queryLong(db, "SELECT count(*) FROM (SELECT tx FROM t GROUP BY tx HAVING count(*) != "
                        + CrashWriter.ROWS_PER_TRANSACTION + ")"), "a partial transaction after kill " + round);
            }
        }
        assertTrue(committed.size() > KILLS, "the child committed too little to test anything: " + committed.size());
    }

    private static void readReports(Process child, List<Long> reported) {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                synchronized (reported) {
                    reported.add(Long.parseLong(line.trim()));
                    reported.notifyAll();
                }
            }
        } catch (Exception e) {
            // the child died mid-line: what it printed whole is what counts
        }
    }

    private static void waitForFirstReport(List<Long> reported, Process child) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (reported) {
            while (reported.isEmpty() && child.isAlive() && System.nanoTime() < deadline) {
                reported.wait(100);
            }
        }
        assertTrue(child.isAlive(), "the child died on its own (exit " + (child.isAlive() ? "" : child.exitValue()) + ")");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}

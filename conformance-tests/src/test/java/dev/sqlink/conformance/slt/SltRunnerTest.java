package dev.sqlink.conformance.slt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sqlink.conformance.support.JdbcTarget;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The runner itself must catch wrong results; these files are written to pass or fail on purpose. */
class SltRunnerTest {

    private final SltFileRunner runner = new SltFileRunner(JdbcTarget.underTest(), Duration.ofSeconds(2));

    private SltFileReport run(String text) {
        return runner.run("inline.test", SltParser.parse("inline.test", text.replace("\n", "\r\n")));
    }

    private static List<Integer> failedLines(SltFileReport report) {
        return report.failures().stream().map(SltFileReport.Failure::line).collect(Collectors.toList());
    }

    @Test
    void passesCorrectRecordsAndFailsWrongOnes() {
        SltFileReport report = run("""
                # comment
                statement ok
                CREATE TABLE t(a INTEGER, b TEXT, c REAL); INSERT INTO t VALUES(1,'x',1.5); INSERT INTO t VALUES(2,'',NULL)

                query ITR rowsort
                SELECT a, b, c FROM t
                ----
                1
                x
                1.500
                2
                (empty)
                NULL

                query I nosort
                SELECT a FROM t ORDER BY a
                ----
                1
                3

                statement error
                INSERT INTO nowhere VALUES(1)

                statement error
                SELECT 1
                """);
        assertEquals(List.of(15, 24), failedLines(report), report.failures().toString());
        assertEquals(3, report.passed());
    }

    @Test
    void honoursConditionsHaltAndHashThreshold() {
        SltFileReport report = run("""
                hash-threshold 2

                query I valuesort
                VALUES(3),(1),(2)
                ----
                3 values hashing to %s

                skipif sqlite
                query I nosort
                SELECT 'never compared'
                ----
                0

                onlyif mysql # a trailing comment
                halt

                onlyif SQLite
                query T nosort
                SELECT char(9) || 'é'
                ----
                @@@

                onlyif sqlite
                halt

                query I nosort
                SELECT 'not reached'
                ----
                0
                """.formatted(md5Of("1\n2\n3\n")));
        assertEquals(List.of(), report.failures());
        assertEquals(2, report.passed());
        assertEquals(1, report.skipped());
    }

    @Test
    void anErrorWhileSteppingEndsTheResultSilentlyButAPrepareErrorFails() {
        SltFileReport report = run("""
                query I nosort
                SELECT sum(x) FROM (SELECT 9223372036854775807 AS x UNION ALL SELECT 1)
                ----

                query I nosort
                SELECT * FROM missing_table
                ----
                """);
        assertEquals(List.of(5), failedLines(report), report.failures().toString());
    }

    @Test
    void labelsMustAgree() {
        SltFileReport report = run("""
                query I nosort same
                SELECT 1
                ----
                1

                query I nosort same
                SELECT 2
                ----
                2
                """);
        assertEquals(List.of(6), failedLines(report), report.failures().toString());
    }

    @Test
    void aRunawayQueryTimesOutAndTheFileGoesOn() {
        SltFileReport report = run("""
                query I nosort
                WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c
                ----
                0

                query I nosort
                SELECT 7
                ----
                7
                """);
        assertEquals(List.of(1), failedLines(report), report.failures().toString());
        assertTrue(report.failures().get(0).message().contains("timed out"), report.failures().toString());
        assertEquals(1, report.passed());
    }

    @Test
    void integersKeepTheLow32BitsAndTextConvertsLikeSqlite() {
        SltFileReport report = run("""
                query IIII nosort
                SELECT 4294967297, '12abc', 7.9, -1.5
                ----
                1
                12
                7
                -1
                """);
        assertEquals(List.of(), report.failures());
    }

    /**
     * Our %.3f must equal SQLite's printf for ordinary, tiny and half-way values. Above 1e15 SQLite's
     * own decimal conversion is approximate in the 17th digit, which we do not emulate.
     */
    @Test
    void fixedFormatMatchesSqlitePrintf() throws SQLException {
        Random random = new Random(42);
        try (Connection connection = JdbcTarget.reference().connect(JdbcTarget.MEMORY);
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < 3000; i++) {
                double value = switch (i % 5) {
                    case 0 -> random.nextGaussian() * 1000;
                    case 1 -> Double.longBitsToDouble(random.nextLong()); // mostly tiny or huge
                    case 2 -> (random.nextInt(20001) - 10000) / 2000.0 + 0.0005; // near rounding boundaries
                    case 3 -> random.nextDouble() * Math.pow(10, random.nextInt(40));
                    default -> -random.nextDouble() / 1000;
                };
                if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) >= 1e15) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("SELECT printf('%.3f', " + Double.toString(value).replace("E", "e") + ")")) {
                    rs.next();
                    assertEquals(rs.getString(1), SqliteFixedFormat.format(value, 3), "value " + value);
                }
            }
        }
    }

    private static String md5Of(String text) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

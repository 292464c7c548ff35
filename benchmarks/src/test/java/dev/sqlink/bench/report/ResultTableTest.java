package dev.sqlink.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report program on hand-made JMH JSON: medians, ratios, geometric mean and verdicts. */
class ResultTableTest {
    @TempDir
    Path dir;

    private Path json(String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, body);
        return file;
    }

    private static String entry(String method, String driver, String unit, String rawData) {
        return "{\"benchmark\":\"dev.sqlink.bench.X." + method + "\",\"mode\":\"avgt\",\"params\":{\"driver\":\""
                + driver + "\"},\"primaryMetric\":{\"score\":0,\"scoreUnit\":\"" + unit + "\",\"rawData\":" + rawData + "}}";
    }

    @Test
    void mediansPoolAllForksAndConvertUnits() throws IOException {
        Path file = json("a.json", "[" + entry("fullScan", "sqlink", "ms/op", "[[1.0, 9.0],[3.0]]") + ","
                + entry("fullScan", "xerial", "us/op", "[[1000.0, 1000.0]]") + "]");
        Measurements m = Measurements.read(List.of(file));
        assertEquals(3e6, m.median(Workload.FULL_SCAN, "sqlink").orElseThrow(), 1e-6);
        assertEquals(1e6, m.median(Workload.FULL_SCAN, "xerial").orElseThrow(), 1e-6);
        assertEquals(3.0, new ResultTable(m).ratio(Workload.FULL_SCAN, "xerial").orElseThrow(), 1e-9);
    }

    @Test
    void laterFilesReplaceEarlierResults() throws IOException {
        Path first = json("a.json", "[" + entry("pointSelect", "sqlink", "us/op", "[[10.0]]") + "]");
        Path rerun = json("b.json", "[" + entry("pointSelect", "sqlink", "us/op", "[[4.0]]") + "]");
        Measurements m = Measurements.read(List.of(first, rerun));
        assertEquals(4000, m.median(Workload.POINT_SELECT, "sqlink").orElseThrow(), 1e-9);
    }

    @Test
    void geometricMeanCoversThroughputWorkloadsOnlyAndTargetsAreJudged() throws IOException {
        Path file = json("a.json", "["
                + entry("fullScan", "sqlink", "us/op", "[[4.0]]") + "," + entry("fullScan", "xerial", "us/op", "[[1.0]]") + ","
                + entry("groupBy", "sqlink", "us/op", "[[1.0]]") + "," + entry("groupBy", "xerial", "us/op", "[[1.0]]") + ","
                + entry("openDriverManager", "sqlink", "us/op", "[[100.0]]") + ","
                + entry("openDriverManager", "xerial", "us/op", "[[1.0]]") + ","
                + entry("openPooledPhysical", "sqlink", "us/op", "[[1500.0]]") + ","
                + entry("heapPerIdleConnection", "sqlink", "MiB", "[[9.0]]") + "]");
        ResultTable table = new ResultTable(Measurements.read(List.of(file)));
        assertEquals(2.0, table.geometricMean("xerial").orElseThrow(), 1e-9); // sqrt(4 × 1); the open row is left out
        String markdown = table.render();
        assertTrue(markdown.contains("| geometric mean over throughput workloads within 1.5× of sqlite-jdbc | 2.00× | **no** |"), markdown);
        assertTrue(markdown.contains("worst: `fullScan` 4.00× | **no** |"), markdown);
        assertTrue(markdown.contains("| 1.50 ms | yes |"), markdown);
        assertTrue(markdown.contains("| 9.00 MiB | **no** |"), markdown);
        assertTrue(markdown.contains("| failed |"), markdown); // sqlite4j has no results at all
    }

    @Test
    void engineOnlyRowsAreShownButJudgeNoTarget() throws IOException {
        Path file = json("a.json", "["
                + entry("fullScan", "sqlink", "us/op", "[[2.0]]") + "," + entry("fullScan", "xerial", "us/op", "[[1.0]]") + ","
                + entry("fullScan", "sqlite4j", "us/op", "[[10.0]]") + ","
                + entry("engineLike", "sqlink", "us/op", "[[900.0]]") + "," + entry("engineLike", "xerial", "us/op", "[[100.0]]") + ","
                + entry("engineLike", "sqlite4j", "us/op", "[[1000.0]]") + "]");
        ResultTable table = new ResultTable(Measurements.read(List.of(file)));
        assertEquals(2.0, table.geometricMean("xerial").orElseThrow(), 1e-9);
        String markdown = table.render();
        assertTrue(markdown.contains("(`engineLike`) | 900 µs | 100 µs | 1.00 ms | 9.00× | 0.90× |"), markdown);
        assertTrue(markdown.contains("worst: `fullScan` 2.00× | yes |"), markdown);
        assertTrue(markdown.contains("closest: `fullScan`, sqlink ÷ sqlite4j 0.20× (needs ≤ 0.33×; 1 workloads compared) | yes |"),
                markdown);
    }
}

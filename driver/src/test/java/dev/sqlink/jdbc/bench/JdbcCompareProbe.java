package dev.sqlink.jdbc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Side-by-side probe of the engine-facts workloads through JDBC, {@code jdbc:sqlink:} against
 * xerial sqlite-jdbc (native) in the same JVM, rounds interleaved so both see the same machine
 * load. A quick measuring aid while the JMH suite is built, not a test and not a benchmark
 * suite:
 *
 * <pre>java -cp DRIVER_TEST_CLASSPATH dev.sqlink.jdbc.bench.JdbcCompareProbe [rows] [rounds]</pre>
 *
 * Times are thread CPU seconds (the probe runs on shared machines where wall time mostly
 * measures the neighbours).
 */
public final class JdbcCompareProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String[] URLS = {"jdbc:sqlink::memory:", "jdbc:sqlite::memory:"};
    private static final String[] WORKLOADS = {"insert", "batch insert", "scan", "point select", "group by", "order+limit"};

    private JdbcCompareProbe() {}

    public static void main(String[] args) throws SQLException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int pointSelects = 50_000;
        Map<String, List<Double>> times = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (String url : URLS) {
                try (Connection c = DriverManager.getConnection(url)) {
                    record(times, url, "insert", insert(c, rows, false));
                }
                try (Connection c = DriverManager.getConnection(url)) {
                    record(times, url, "batch insert", insert(c, rows, true));
                    record(times, url, "scan", scan(c));
                    record(times, url, "point select", pointSelects(c, rows, pointSelects));
                    record(times, url, "group by", sum(c, "SELECT score % 100, count(*), sum(score), avg(id) FROM t GROUP BY 1"));
                    record(times, url, "order+limit", sum(c, "SELECT id, score FROM t ORDER BY score DESC, id LIMIT 20"));
                }
            }
            System.out.println("round " + round + " done");
        }
        System.out.printf("%-14s %10s %10s %7s%n", "workload", "sqlink", "sqlite-jdbc", "ratio");
        double logSum = 0;
        for (String w : WORKLOADS) {
            double ours = median(times.get(URLS[0] + w));
            double native_ = median(times.get(URLS[1] + w));
            logSum += Math.log(ours / native_);
            System.out.printf("%-14s %9.3fs %9.3fs %6.2fx%n", w, ours, native_, ours / native_);
        }
        System.out.printf("geomean ratio %.2fx (%d rows, %d point selects, median of %d rounds)%n",
                Math.exp(logSum / WORKLOADS.length), rows, pointSelects, rounds);
    }

    private static double insert(Connection c, int rows, boolean batched) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score INTEGER)");
        }
        long t0 = now();
        c.setAutoCommit(false);
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO t(id, name, score) VALUES (?, ?, ?)")) {
            for (int i = 1; i <= rows; i++) {
                ins.setLong(1, i);
                ins.setString(2, "name-" + i);
                ins.setLong(3, i * 7L % 1000);
                if (batched) {
                    ins.addBatch();
                    if (i % 1000 == 0) {
                        ins.executeBatch();
                    }
                } else {
                    ins.executeUpdate();
                }
            }
            if (batched) {
                ins.executeBatch();
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return seconds(t0);
    }

    private static double scan(Connection c) throws SQLException {
        long t0 = now();
        long checksum = 0;
        try (PreparedStatement all = c.prepareStatement("SELECT id, name, score FROM t");
                ResultSet rs = all.executeQuery()) {
            while (rs.next()) {
                checksum += rs.getLong(1) + rs.getString(2).length() + rs.getLong(3);
            }
        }
        consume(checksum);
        return seconds(t0);
    }

    /** Runs a query whose rows are few (the work is inside SQLite) and sums its columns. */
    private static double sum(Connection c, String sql) throws SQLException {
        long t0 = now();
        long checksum = 0;
        try (PreparedStatement query = c.prepareStatement(sql);
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                checksum += rs.getLong(1) + rs.getLong(2);
            }
        }
        consume(checksum);
        return seconds(t0);
    }

    private static double pointSelects(Connection c, int rows, int count) throws SQLException {
        long t0 = now();
        long checksum = 0;
        try (PreparedStatement one = c.prepareStatement("SELECT name FROM t WHERE id = ?")) {
            for (int i = 0; i < count; i++) {
                one.setLong(1, 1 + (i * 7919L) % rows);
                try (ResultSet rs = one.executeQuery()) {
                    if (rs.next()) {
                        checksum += rs.getString(1).length();
                    }
                }
            }
        }
        consume(checksum);
        return seconds(t0);
    }

    private static long sink;

    private static void consume(long value) {
        sink += value;
    }

    private static void record(Map<String, List<Double>> times, String url, String workload, double seconds) {
        times.computeIfAbsent(url + workload, k -> new ArrayList<>()).add(seconds);
    }

    private static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double seconds(long start) {
        return (now() - start) / 1e9;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

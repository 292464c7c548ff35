package dev.sqlink.engine.bench;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.Stmt;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * A quick engine-level probe of the three workloads in the product's "engine facts" table
 * (bulk insert, full scan, point selects), used to judge the huge-function work by
 * measurement. Not a benchmark suite (that is the JMH module of issue 6) and not run by tests:
 *
 * <pre>java -cp engine-wasm/target/classes:engine-wasm/target/test-classes:CHICORY_RUNTIME_JARS \
 *     dev.sqlink.engine.bench.ScanProbe [rows] [rounds]</pre>
 */
public final class ScanProbe {
    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int pointSelects = 50_000;
        double[] insert = new double[rounds];
        double[] scan = new double[rounds];
        double[] point = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
                db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score INTEGER)");
                long t0 = now();
                db.exec("BEGIN");
                try (Stmt ins = db.prepare("INSERT INTO t(id, name, score) VALUES (?, ?, ?)")) {
                    for (int i = 1; i <= rows; i++) {
                        ins.bindLong(1, i);
                        ins.bindText(2, "name-" + i);
                        ins.bindLong(3, i * 7L % 1000);
                        ins.step();
                        ins.reset();
                    }
                }
                db.exec("COMMIT");
                insert[round] = seconds(t0);

                t0 = now();
                long checksum = 0;
                try (Stmt all = db.prepare("SELECT id, name, score FROM t")) {
                    while (all.step()) {
                        checksum += all.getLong(0) + all.getText(1).length() + all.getLong(2);
                    }
                }
                scan[round] = seconds(t0);

                t0 = now();
                try (Stmt one = db.prepare("SELECT name FROM t WHERE id = ?")) {
                    for (int i = 0; i < pointSelects; i++) {
                        one.bindLong(1, 1 + (i * 7919L) % rows);
                        if (one.step()) {
                            checksum += one.getText(0).length();
                        }
                        one.reset();
                    }
                }
                point[round] = seconds(t0);
                System.out.printf("round %d (thread CPU seconds): insert %.3f s, scan %.3f s, %d point selects %.3f s (checksum %d)%n",
                        round, insert[round], scan[round], pointSelects, point[round], checksum);
            }
        }
        System.out.printf("median: insert %.3f s, scan %.3f s, point selects %.3f s%n",
                median(insert), median(scan), median(point));
    }

    // Thread CPU time rather than wall time: the probe runs on shared machines where wall
    // time mostly measures the neighbours (JIT compiler threads are not counted either way).
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static long now() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double seconds(long start) {
        return (now() - start) / 1e9;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package dev.sqlink.engine.bench;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.Stmt;
import java.util.Arrays;

/**
 * Measurement, not a test: a full scan of 200k rows (3 columns read per row) in an
 * in-memory database, to compare linear-memory implementations.
 *
 * <pre>java -cp &lt;test classpath&gt; dev.sqlink.engine.bench.ScanThroughput [rows] [runs]</pre>
 */
public final class ScanThroughput {
    private ScanThroughput() {}

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT)) {
            db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, value REAL)");
            db.exec("BEGIN");
            try (Stmt s = db.prepare("INSERT INTO t(name, value) VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    s.bindText(1, "name " + i);
                    s.bindDouble(2, i * 0.5);
                    s.step();
                    s.reset();
                }
            }
            db.exec("COMMIT");
            long[] nanos = new long[runs];
            long checksum = 0;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                try (Stmt s = db.prepare("SELECT id, name, value FROM t")) {
                    while (s.step()) {
                        checksum += s.getLong(0) + s.getText(1).length() + (long) s.getDouble(2);
                    }
                }
                nanos[run] = System.nanoTime() - start;
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            System.out.printf("scan %d rows: median %.0f ms, runs %s (checksum %d)%n", rows, sorted[runs / 2] / 1e6,
                    Arrays.toString(Arrays.stream(nanos).map(t -> t / 1_000_000).toArray()), checksum);
        }
    }
}

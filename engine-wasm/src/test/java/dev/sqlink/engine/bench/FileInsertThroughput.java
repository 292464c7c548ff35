package dev.sqlink.engine.bench;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.Stmt;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;

/**
 * Measurement, not a test: file-backed inserts through this engine and through the native
 * sqlite-jdbc in the same JVM run, autocommit (one fsync'd transaction per row) and in one
 * transaction, both with journal_mode=DELETE and the given synchronous setting (default FULL,
 * SQLite's default; OFF shows the per-transaction cost without the disk's fsync time).
 *
 * <pre>java -cp &lt;test classpath&gt; dev.sqlink.engine.bench.FileInsertThroughput [rows] [autocommitRows] [runs] [synchronous]</pre>
 */
public final class FileInsertThroughput {
    private static String synchronous;

    private FileInsertThroughput() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10000;
        int autoRows = args.length > 1 ? Integer.parseInt(args[1]) : 10000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        synchronous = args.length > 3 ? args[3] : "FULL";
        Path dir = Files.createTempDirectory("sqlink-bench");
        String[] names = {"sqlink  one transaction", "xerial  one transaction", "sqlink  autocommit     ", "xerial  autocommit     "};
        long[][] nanos = new long[4][runs];
        for (int run = 0; run < runs; run++) {
            nanos[0][run] = sqlink(dir.resolve("s" + run + ".db"), rows, true);
            nanos[1][run] = xerial(dir.resolve("x" + run + ".db"), rows, true);
            nanos[2][run] = sqlink(dir.resolve("sa" + run + ".db"), autoRows, false);
            nanos[3][run] = xerial(dir.resolve("xa" + run + ".db"), autoRows, false);
        }
        for (int i = 0; i < 4; i++) {
            int n = i < 2 ? rows : autoRows;
            long[] sorted = nanos[i].clone();
            Arrays.sort(sorted);
            double ms = sorted[runs / 2] / 1e6;
            System.out.printf("synchronous=%s %s %6d rows: median %8.1f ms  (%9.0f rows/s)  runs %s%n", synchronous, names[i], n, ms, n / (ms / 1000),
                    Arrays.toString(Arrays.stream(nanos[i]).map(t -> t / 1_000_000).toArray()));
        }
    }

    private static long sqlink(Path file, int rows, boolean oneTransaction) {
        try (Database db = Engine.open(file.toString(), OpenFlags.DEFAULT)) {
            db.exec("PRAGMA synchronous=" + synchronous);
            db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, value REAL)");
            long start = System.nanoTime();
            if (oneTransaction) {
                db.exec("BEGIN");
            }
            try (Stmt s = db.prepare("INSERT INTO t(name, value) VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    s.bindText(1, "name " + i);
                    s.bindDouble(2, i * 0.5);
                    s.step();
                    s.reset();
                }
            }
            if (oneTransaction) {
                db.exec("COMMIT");
            }
            return System.nanoTime() - start;
        }
    }

    private static long xerial(Path file, int rows, boolean oneTransaction) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA synchronous=" + synchronous);
                st.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, value REAL)");
            }
            long start = System.nanoTime();
            c.setAutoCommit(!oneTransaction);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t(name, value) VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    ps.setString(1, "name " + i);
                    ps.setDouble(2, i * 0.5);
                    ps.executeUpdate();
                }
            }
            if (oneTransaction) {
                c.commit();
            }
            return System.nanoTime() - start;
        }
    }
}

package dev.sqlink.jdbc.ext.measure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What wasm extensions add to opening a connection: the first open (parse, compile, read the
 * manifest), later opens (compiled classes cached by hash: a new instance per connection), a
 * plain connection for comparison, and the cost of a call across the wasm boundary.
 * Not a test (no timing assertions): from the driver folder run
 * {@code java -cp <test classpath> dev.sqlink.jdbc.ext.measure.WasmOpenCost}.
 */
public final class WasmOpenCost {
    private WasmOpenCost() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of("..", "extensions-wasm").toAbsolutePath().normalize();
        String plain = "jdbc:sqlink::memory:";
        String wasm = "jdbc:sqlink::memory:?extensions=" + item(root, "stats") + "," + item(root, "textkit")
                + "&grants=stats:env=HOME";
        long t0 = System.nanoTime();
        touch(plain);
        System.out.printf("first plain open in this JVM (engine start): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        touch(wasm);
        System.out.printf("first open with stats + textkit (compile both): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        touch(wasm);
        System.out.printf("second open with stats + textkit (cached classes): %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        for (String[] kind : new String[][] {{"plain", plain}, {"stats + textkit", wasm}}) {
            for (int i = 0; i < 50; i++) {
                touch(kind[1]);
            }
            int n = 200;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                touch(kind[1]);
            }
            System.out.printf("warm open + query + close, %s: %.2f ms%n", kind[0], (System.nanoTime() - start) / 1e6 / n);
        }
        try (Connection c = DriverManager.getConnection(wasm); Statement s = c.createStatement()) {
            String rows = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r WHERE x < 50000) ";
            for (String[] q : new String[][] {{"no function", "SELECT count(x) FROM r"},
                    {"wasm roundtrip(integer)", "SELECT count(roundtrip(x)) FROM r"},
                    {"wasm roundtrip(text)", "SELECT count(roundtrip('row ' || x)) FROM r"},
                    {"wasm stddev aggregate", "SELECT stddev(x) FROM r"}}) {
                for (int i = 0; i < 3; i++) {
                    one(s, rows + q[1]);
                }
                long start = System.nanoTime();
                one(s, rows + q[1]);
                System.out.printf("50k rows, %s: %.1f ms%n", q[0], (System.nanoTime() - start) / 1e6);
            }
        }
    }

    private static String item(Path root, String name) throws Exception {
        Path wasm = root.resolve(name).resolve(name + ".wasm");
        String sha = Files.readString(root.resolve(name).resolve(name + ".wasm.sha256")).split("\\s+")[0];
        return "file:" + wasm + "#sha256=" + sha;
    }

    private static void one(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
        }
    }

    private static void touch(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        }
    }
}

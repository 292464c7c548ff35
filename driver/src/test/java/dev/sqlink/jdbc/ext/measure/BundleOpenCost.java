package dev.sqlink.jdbc.ext.measure;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * What opening a connection by bundle costs: the first open in this JVM, then warm opens.
 * Not a test (no timing assertions). Run one URL per fresh JVM, so "first" means first:
 * {@code java -cp <test classpath> dev.sqlink.jdbc.ext.measure.BundleOpenCost 'jdbc:sqlink::memory:?bundle=x'}.
 * A second argument names a URL opened (and closed) before timing starts, e.g. a plain
 * connection, to separate the engine's own first-open cost from the bundle's.
 */
public final class BundleOpenCost {
    private BundleOpenCost() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        if (args.length > 1) {
            long t0 = System.nanoTime();
            touch(args[1]);
            System.out.printf("warm-up open (%s): %.1f ms%n", args[1], (System.nanoTime() - t0) / 1e6);
        }
        long t0 = System.nanoTime();
        touch(url);
        System.out.printf("first open: %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        for (int i = 0; i < 20; i++) {
            touch(url);
        }
        int n = 50;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            touch(url);
        }
        System.out.printf("warm open + query + close: %.2f ms%n", (System.nanoTime() - start) / 1e6 / n);
    }

    private static void touch(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        }
    }
}

package dev.sqlink.jdbc.ext.measure;

import dev.sqlink.jdbc.SqlinkConnectionPoolDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.PooledConnection;

/**
 * What extensions add to opening a connection: the first open in a fresh JVM, warm opens,
 * and a pooled handle, for a plain connection and one with five ready-made extensions.
 * Not a test (no timing assertions): run it with
 * {@code java -cp <test classpath> dev.sqlink.jdbc.ext.measure.OpenCost}.
 */
public final class OpenCost {
    private OpenCost() {}

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sqlink-opencost");
        String plain = "jdbc:sqlink::memory:";
        String five = "jdbc:sqlink::memory:?extensions=regexp,uuid,crypto,csv,fileio&grants=uuid:random,csv:fs.read="
                + dir + ",fileio:fs.read=" + dir + ",fileio:fs.write=" + dir;
        boolean extensionsFirst = args.length > 0 && args[0].equals("extensions-first");
        String firstUrl = extensionsFirst ? five : plain;
        long t0 = System.nanoTime();
        touch(firstUrl);
        System.out.printf("first open in this JVM (%s): %.1f ms%n", extensionsFirst ? "five extensions" : "plain",
                (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        touch(extensionsFirst ? plain : five);
        System.out.printf("first open of the other kind (%s): %.1f ms%n", extensionsFirst ? "plain" : "five extensions",
                (System.nanoTime() - t0) / 1e6);
        for (String[] kind : new String[][] {{"plain", plain}, {"five extensions", five}}) {
            for (int i = 0; i < 50; i++) {
                touch(kind[1]); // warm up
            }
            int n = 200;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                touch(kind[1]);
            }
            System.out.printf("warm open + query + close, %s: %.2f ms%n", kind[0], (System.nanoTime() - start) / 1e6 / n);
            SqlinkConnectionPoolDataSource ds = new SqlinkConnectionPoolDataSource();
            ds.setUrl(kind[1]);
            PooledConnection pooled = ds.getPooledConnection();
            start = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                try (Connection c = pooled.getConnection()) {
                    c.isValid(1);
                }
            }
            System.out.printf("pooled handle get + close, %s: %.2f us%n", kind[0], (System.nanoTime() - start) / 1e3 / 10_000);
            pooled.close();
        }
    }

    private static void touch(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
        }
    }
}

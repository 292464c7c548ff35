package dev.sqlink.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The child side of the idle-connection memory measurement, one driver per JVM so nothing of
 * another driver is on the heap: warms the driver up with one connection, then opens N
 * connections, runs one query on each, keeps them open, and prints the growth of the used heap
 * after full GCs divided by N (and the same for the process's resident memory, which also
 * counts sqlite-jdbc's native memory). The warm-up connection stays open until the end: closed,
 * sqlink would keep its instance for the next open, which would then count as free.
 * Usage: {@code IdleHeap DRIVER CONNECTIONS DATABASE_FILE}.
 */
public final class IdleHeap {
    static final String MARKER = "per-connection:";

    private IdleHeap() {}

    public static void main(String[] args) throws SQLException, IOException, InterruptedException {
        DriverUnderTest driver = DriverUnderTest.named(args[0]);
        int count = Integer.parseInt(args[1]);
        String database = args[2];
        Connection first = driver.open(database);
        queryOnce(first); // class loading, static caches and compiled modules are not per connection
        long heapBefore = usedHeapAfterGc();
        long rssBefore = residentBytes();
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Connection connection = driver.open(database);
            queryOnce(connection);
            open.add(connection);
        }
        long heapAfter = usedHeapAfterGc();
        long rssAfter = residentBytes();
        System.out.println(MARKER + " heap=" + (heapAfter - heapBefore) / count + " rss=" + (rssAfter - rssBefore) / count);
        for (Connection connection : open) {
            connection.close();
        }
        first.close();
    }

    private static void queryOnce(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM settings")) {
            row.next();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc on Linux; 0 elsewhere (the heap figure is the one the target uses). */
    private static long residentBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return 0;
    }
}

package dev.sqlink.engine.measure;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.Stmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Warm instance creation time (median of 100 opens + close of an in-memory connection,
 * after warm-up) and heap retained per idle connection (50 open connections, after GC).
 */
public final class Footprint {
    private Footprint() {}

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < 200; i++) { // warm-up: load classes, let the JIT see open()
            Engine.open(":memory:", OpenFlags.DEFAULT).close();
        }
        long[] nanos = new long[100];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            Database db = Engine.open(":memory:", OpenFlags.DEFAULT);
            nanos[i] = System.nanoTime() - t;
            db.close();
        }
        Arrays.sort(nanos);
        System.out.printf("open_median_ms=%.3f open_p10_ms=%.3f open_p90_ms=%.3f%n",
                nanos[50] / 1e6, nanos[10] / 1e6, nanos[90] / 1e6);

        long before = usedAfterGc();
        List<Database> open = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Database db = Engine.open(":memory:", OpenFlags.DEFAULT);
            try (Stmt s = db.prepare("select 1")) { // a connection that has run a statement
                s.step();
            }
            open.add(db);
        }
        long after = usedAfterGc();
        System.out.printf("heap_per_idle_connection_kib=%.1f (50 connections, delta %.1f MiB)%n",
                (after - before) / 50.0 / 1024, (after - before) / 1024.0 / 1024);
        open.forEach(Database::close);
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}

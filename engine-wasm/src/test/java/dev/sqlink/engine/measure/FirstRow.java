package dev.sqlink.engine.measure;

import dev.sqlink.engine.Database;
import dev.sqlink.engine.Engine;
import dev.sqlink.engine.OpenFlags;
import dev.sqlink.engine.Stmt;
import java.lang.management.ManagementFactory;

/**
 * Cold start probe, run in a fresh JVM: prints milliseconds from JVM start (and from main)
 * to the first row of {@code select 1} on a new in-memory connection.
 */
public final class FirstRow {
    private FirstRow() {}

    public static void main(String[] args) {
        long mainStart = System.nanoTime();
        try (Database db = Engine.open(":memory:", OpenFlags.DEFAULT); Stmt s = db.prepare("select 1")) {
            if (!s.step() || s.getLong(0) != 1) {
                throw new AssertionError("select 1 returned no 1");
            }
        }
        long sinceMain = (System.nanoTime() - mainStart) / 1_000_000;
        long sinceJvm = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("jvm_start_to_first_row_ms=" + sinceJvm + " main_to_first_row_ms=" + sinceMain);
    }
}

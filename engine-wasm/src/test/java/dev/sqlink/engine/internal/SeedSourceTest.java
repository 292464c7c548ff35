package dev.sqlink.engine.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** SQLite's seeds: every size filled, never the same twice, and an interrupted caller still served. */
class SeedSourceTest {

    @Test
    void fillsEverySizeWithBytesThatDifferFromDrawToDraw() {
        for (int size : new int[] {1, 16, 44, 256, 4096}) {
            byte[] first = new byte[size];
            byte[] second = new byte[size];
            SeedSource.fill(first);
            SeedSource.fill(second);
            if (size >= 16) {
                assertFalse(Arrays.equals(first, second), size + " bytes drawn twice came out the same");
                assertFalse(Arrays.equals(first, new byte[size]), size + " bytes came out all zero");
            }
        }
        byte[] none = new byte[0];
        SeedSource.fill(none);
        assertArrayEquals(new byte[0], none);
    }

    /** Aborting a statement interrupts its thread; its next seed must still come, and the flag stay set. */
    @Test
    void anInterruptedCallerIsServedAndKeepsItsInterrupt() throws InterruptedException {
        AtomicBoolean served = new AtomicBoolean();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            Thread.currentThread().interrupt();
            byte[] seed = new byte[32];
            SeedSource.fill(seed);
            served.set(!Arrays.equals(seed, new byte[32]));
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        caller.join(10_000);
        assertTrue(served.get(), "no seed for an interrupted thread");
        assertTrue(stillInterrupted.get(), "the caller's interrupt was swallowed");
        byte[] after = new byte[32];
        SeedSource.fill(after);
        assertFalse(Arrays.equals(after, new byte[32]), "no seed after an interrupted caller");
    }
}

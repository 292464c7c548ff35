package dev.sqlink.engine.internal;

import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;

/**
 * The state of an instance that has run its constructors and {@code sqlite3_initialize} and
 * nothing else: every byte of its memory and the value of every global. SQLite keeps all of its
 * process-wide state there (the heap, the VFS list, the page-cache and memory settings, the
 * PRNG, which is not seeded yet), so writing an image back makes a used instance
 * indistinguishable from a new one, without building a new one.
 */
final class PristineImage {
    private final byte[] memory;
    private final long[] globals;

    private PristineImage(byte[] memory, long[] globals) {
        this.memory = memory;
        this.globals = globals;
    }

    /** Takes the image of {@code instance}, which must not have opened a database yet. */
    static PristineImage of(Instance instance) {
        long[] globals = new long[instance.globalCount()];
        for (int i = 0; i < globals.length; i++) {
            globals[i] = instance.global(i).getValue();
        }
        return new PristineImage(((SharedPageMemory) instance.memory()).image(), globals);
    }

    /** Whether {@code instance}'s memory may hold this image (a tight memory cap may not). */
    boolean fitsIn(Instance instance) {
        return memory.length / Memory.PAGE_SIZE <= instance.memory().maximumPages();
    }

    /** Puts {@code instance} (built from the same module) back into this state. */
    void restore(Instance instance) {
        ((SharedPageMemory) instance.memory()).restore(memory);
        for (int i = 0; i < globals.length; i++) {
            if (instance.global(i).getValue() != globals[i]) {
                instance.global(i).setValue(globals[i]);
            }
        }
    }
}

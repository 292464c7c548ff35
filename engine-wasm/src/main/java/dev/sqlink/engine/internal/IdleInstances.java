package dev.sqlink.engine.internal;

import com.dylibso.chicory.runtime.Instance;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Instances whose connections closed cleanly, each already restored to the state of a new
 * instance, waiting for the next open. Building an instance (Chicory's linking, a new memory,
 * SQLite's initialisation) is most of what opening a connection costs; taking one from here
 * skips all of it. At most {@link #CAPACITY} wait, each holding only a new instance's memory
 * (about half a MiB) and no bridge, VFS or callback of the connection that used it; when more
 * close, the one that waited longest makes room (they are all alike).
 */
final class IdleInstances {
    static final int CAPACITY = 4;
    private static final ArrayDeque<Idle> IDLE = new ArrayDeque<>(CAPACITY);

    /** A waiting instance: the machine, its calls into it, and its (empty) bridge slots. */
    record Idle(Instance instance, Native nat, HostImports.Targets targets, int maxMemoryPages) {}

    private IdleInstances() {}

    /** Keeps {@code idle} for a later connection, first in line. */
    static synchronized void offer(Idle idle) {
        if (IDLE.size() >= CAPACITY) {
            IDLE.removeLast();
        }
        IDLE.push(idle);
    }

    /** A waiting instance with this memory cap, removed from the idle ones, or null. */
    static synchronized Idle take(int maxMemoryPages) {
        for (Iterator<Idle> it = IDLE.iterator(); it.hasNext(); ) {
            Idle idle = it.next();
            if (idle.maxMemoryPages() == maxMemoryPages) {
                it.remove();
                return idle;
            }
        }
        return null;
    }
}

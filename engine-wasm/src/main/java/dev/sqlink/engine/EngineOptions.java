package dev.sqlink.engine;

import dev.sqlink.engine.vfs.FileVfs;
import dev.sqlink.engine.vfs.Vfs;

/** How to build a connection's engine instance. Immutable. */
public final class EngineOptions {
    public static final EngineOptions DEFAULT = new EngineOptions(FileVfs.INSTANCE, 0);

    private final Vfs vfs;
    private final int maxMemoryPages;

    private EngineOptions(Vfs vfs, int maxMemoryPages) {
        this.vfs = vfs;
        this.maxMemoryPages = maxMemoryPages;
    }

    public Vfs vfs() {
        return vfs;
    }

    public int maxMemoryPages() {
        return maxMemoryPages;
    }

    public EngineOptions withVfs(Vfs vfs) {
        return new EngineOptions(vfs, maxMemoryPages);
    }

    /** Caps the connection's linear memory (SQLite's heap, page cache and stack); 0 = no cap. */
    public EngineOptions withMaxMemoryBytes(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory cap must be >= 0: " + bytes);
        }
        long pages = (bytes + 65535) / 65536;
        return new EngineOptions(vfs, (int) Math.min(pages, 65536));
    }
}

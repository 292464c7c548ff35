package dev.sqlink.engine;

import dev.sqlink.engine.internal.EngineInstance;
import dev.sqlink.engine.internal.EngineStartup;

/** Entry point: opens SQLite connections, each in its own wasm instance. */
public final class Engine {
    private Engine() {}

    /**
     * Starts loading the engine (parsing its module, loading its generated classes) on
     * background daemon threads and returns at once, so that a first {@link #open} later finds
     * part or all of that work done. Optional and idempotent: an open without it does the work
     * itself. Any failure of that work is reported by the opens, as an
     * {@link EngineLoadException}.
     */
    public static void startLoading() {
        EngineStartup.begin();
    }

    /** Opens {@code filename} (a path, {@code :memory:}, or a {@code file:} URI) with {@code sqlite3_open_v2} flags. */
    public static Database open(String filename, int flags) {
        return open(filename, flags, EngineOptions.DEFAULT);
    }

    public static Database open(String filename, int flags, EngineOptions options) {
        return Database.open(EngineInstance.obtain(options.vfs(), options.maxMemoryPages()), filename, flags);
    }

    /** SQLite's version, e.g. {@code 3.54.1}, without opening a database file. */
    public static String sqliteVersion() {
        return Holder.VERSION;
    }

    private static final class Holder {
        static final String VERSION;

        static {
            try (Database db = open(":memory:", OpenFlags.DEFAULT)) {
                VERSION = db.sqliteVersion();
            }
        }
    }
}

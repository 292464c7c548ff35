package dev.sqlink.engine;

import dev.sqlink.engine.internal.EngineInstance;

/** Entry point: opens SQLite connections, each in its own wasm instance. */
public final class Engine {
    private Engine() {}

    /** Opens {@code filename} (a path, {@code :memory:}, or a {@code file:} URI) with {@code sqlite3_open_v2} flags. */
    public static Database open(String filename, int flags) {
        return open(filename, flags, EngineOptions.DEFAULT);
    }

    public static Database open(String filename, int flags, EngineOptions options) {
        return Database.open(EngineInstance.create(options.vfs(), options.maxMemoryPages()), filename, flags);
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

package dev.sqlink.engine;

/** Flags for function registration, as in {@code sqlite3_create_function_v2}. */
public final class FunctionFlags {
    public static final int UTF8 = 1;
    public static final int DETERMINISTIC = 0x000000800;
    public static final int DIRECTONLY = 0x000080000;
    public static final int SUBTYPE = 0x000100000;
    public static final int INNOCUOUS = 0x000200000;

    private FunctionFlags() {}
}

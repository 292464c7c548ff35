package dev.sqlink.spi;

/** Properties of a function that let SQLite use it in more places, or fewer. */
public enum FunctionFlag {
    /** Same arguments, same result, within one statement: usable in indexes and CHECK constraints. */
    DETERMINISTIC,
    /** No side effects and no information leaks: safe in schemas of untrusted databases. */
    INNOCUOUS,
    /** Callable only from top-level SQL, never from triggers, views or schema expressions. */
    DIRECT_ONLY
}

package dev.sqlink.spi;

import java.time.Clock;
import java.util.Random;

/**
 * The services the host offers one extension on one connection. Each method throws
 * {@link CapabilityDeniedException} unless the connection granted the matching
 * {@link Capability}; scoped capabilities are checked again on every use.
 */
public interface HostServices {
    /** Files under the paths granted as {@code fs.read} / {@code fs.write}. */
    FileAccess files();

    /** The wall clock ({@link Capability#CLOCK}). */
    Clock clock();

    /** A cryptographically strong random source ({@link Capability#RANDOM}). */
    Random random();

    /** An environment variable granted by name ({@link Capability#ENV}); null if unset. */
    String environment(String name);

    /** SQL on the extension's own connection ({@link Capability#SQL}). */
    SqlRunner sql();
}

package dev.sqlink.engine.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;

/**
 * Where SQLite's random seeds come from (its {@code xRandomness}, which every connection calls as
 * it opens: FTS5's initialisation takes random bytes). Read from the operating system's random
 * device where there is one, which is what {@link SecureRandom}'s default reads on Unix too, but
 * without creating a SecureRandom: that initialises the JDK's security providers, ~40 ms of CPU in
 * a cold JVM that competes with the first open. Elsewhere (Windows), or if the device cannot be
 * read, from a SecureRandom.
 */
final class SeedSource {
    private static final String DEVICE = "/dev/urandom";

    private SeedSource() {}

    /** Fills {@code bytes} with unpredictable bytes. */
    static void fill(byte[] bytes) {
        if (!Device.fill(bytes)) {
            Fallback.RANDOM.nextBytes(bytes);
        }
    }

    /**
     * The device, opened once per JVM and shared (reads are serialised). A stream, not a
     * FileChannel: an interrupt (which is how a statement is aborted) closes a channel for good.
     */
    private static final class Device {
        private static final InputStream STREAM = open();

        private static InputStream open() {
            try {
                return new FileInputStream(DEVICE);
            } catch (IOException | SecurityException noDevice) {
                return null;
            }
        }

        static synchronized boolean fill(byte[] bytes) {
            if (STREAM == null) {
                return false;
            }
            try {
                return STREAM.readNBytes(bytes, 0, bytes.length) == bytes.length;
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static final class Fallback {
        static final SecureRandom RANDOM = new SecureRandom();
    }
}

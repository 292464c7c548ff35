package dev.sqlink.conformance.fuzz;

import java.util.List;

/**
 * JVM {@link Error}s a fuzz script may end with because it asked for more than a documented resource
 * limit allows. Anything else that is not an {@link java.sql.SQLException} fails the fuzz test.
 */
final class ResourceLimits {

    record Allowed(Class<? extends Error> type, String reason) {
    }

    static final List<Allowed> ALL = List.of(
            // None: so far every script ends with a result or an SQLException.
    );

    private ResourceLimits() {
    }

    static Allowed find(Error error) {
        for (Allowed allowed : ALL) {
            if (allowed.type().isInstance(error)) {
                return allowed;
            }
        }
        return null;
    }
}

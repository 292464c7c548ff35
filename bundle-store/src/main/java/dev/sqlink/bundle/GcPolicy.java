package dev.sqlink.bundle;

import java.time.Duration;

/**
 * Which bundles garbage collection drops before it removes unreferenced blobs and built
 * forms. {@link #KEEP_ALL} drops no bundle. With {@code keepRecent = N} only the N most
 * recently used bundles stay; with {@code unusedFor = D} a bundle not used for longer than D
 * goes. Given both, a bundle goes when either says so.
 */
public record GcPolicy(Integer keepRecent, Duration unusedFor) {
    public static final GcPolicy KEEP_ALL = new GcPolicy(null, null);

    public GcPolicy {
        if (keepRecent != null && keepRecent < 0) {
            throw new IllegalArgumentException("keepRecent must be >= 0: " + keepRecent);
        }
        if (unusedFor != null && unusedFor.isNegative()) {
            throw new IllegalArgumentException("unusedFor must not be negative: " + unusedFor);
        }
    }

    public static GcPolicy keepRecent(int n) {
        return new GcPolicy(n, null);
    }

    public static GcPolicy unusedFor(Duration d) {
        return new GcPolicy(null, d);
    }
}

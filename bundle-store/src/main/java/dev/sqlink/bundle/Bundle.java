package dev.sqlink.bundle;

import java.time.Instant;
import java.util.List;

/**
 * A bundle as the store knows it: its identity hash, its extensions in canonical order, the
 * aliases that name it (sorted) and when a connection last opened it (or it was saved).
 */
public record Bundle(String hash, List<BundleEntry> entries, List<String> names, Instant lastUsed) {
    public Bundle {
        entries = List.copyOf(entries);
        names = List.copyOf(names);
    }

    /** The first 12 hex digits, enough to name it in practice. */
    public String shortHash() {
        return hash.substring(0, 12);
    }

    @Override
    public String toString() {
        return shortHash() + (names.isEmpty() ? "" : " " + names) + " " + entries;
    }
}

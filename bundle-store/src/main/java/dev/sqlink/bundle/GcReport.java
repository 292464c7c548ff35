package dev.sqlink.bundle;

import java.util.List;

/** What garbage collection removed. */
public record GcReport(List<String> bundlesRemoved, int aliasesRemoved, int blobsRemoved, int builtRemoved,
        long bytesFreed) {
    public GcReport {
        bundlesRemoved = List.copyOf(bundlesRemoved);
    }
}

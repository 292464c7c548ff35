package dev.sqlink.engine;

/** Told after every backup step how many pages remain of how many. */
@FunctionalInterface
public interface BackupProgress {
    void onStep(int remaining, int pageCount);
}

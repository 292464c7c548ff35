package dev.sqlink.engine.vfs;

/**
 * A 32 KiB wal-index region that the host places into a connection's linear memory.
 * Regions come two to a 64 KiB {@link #page()} (the wasm page size), and the page array is
 * the same object for every connection of the JVM that maps it: the host maps the page into
 * each instance's memory, it never copies it.
 *
 * @param page the 64 KiB page holding the region, shared by all connections
 * @param offset where the region starts inside {@code page} (0 or 32768)
 */
public record SharedMemoryRegion(byte[] page, int offset) {}

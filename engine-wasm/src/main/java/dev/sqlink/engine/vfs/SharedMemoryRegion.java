package dev.sqlink.engine.vfs;

/**
 * A wal-index region that the host places into a connection's linear memory. Every
 * connection that maps the same region of the same file must see the same bytes at all
 * times: the host maps the region, it never copies it.
 */
public interface SharedMemoryRegion {
    /** The region's bytes, shared by every connection of this JVM that maps it. */
    java.nio.ByteBuffer buffer();
}
